"""Results for the snippets a build shows: from the cache, or run by the worker.

The engine never raises for a snippet's failure: it returns a SnippetFailure
whose message names the file, the line, the pages and what went wrong, and
the caller decides whether that stops the build or is shown on the page.
"""

import base64
import functools
import importlib.metadata
import platform
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import terminal
from .cache import ResultCache, cache_key, engine_fingerprint
from .directives import Directive
from .sources import local_sources
from .worker import WorkerFailure, WorkerSettings, shared_worker

VERSIONED_PACKAGES = ("tensorflow", "keras", "numpy")
TRACEBACK_LINES_IN_MESSAGES = 8


@dataclass(frozen=True)
class EngineSettings:
    repo_root: Path
    snippets_dir: Path
    cache_dir: Path
    timeout: float
    console_width: int
    seed: int

    def shown(self, file: Path | str) -> str:
        """A file as messages and pages name it: relative to the repository (snippets/...).
        A str is a snippet path relative to snippets/, as directives write it."""
        path = self.snippets_dir / file if isinstance(file, str) else file
        return path.resolve().relative_to(self.repo_root.resolve()).as_posix()


@dataclass
class SnippetResult:
    """What a snippet printed, ready to render."""

    path: str
    output: str
    warnings: list[str]
    error: str | None
    images: dict[str, bytes]
    versions: dict[str, str]
    # Layer graphs of the models the snippet left in variables, by variable name.
    graphs: dict[str, dict]


@dataclass
class SnippetFailure:
    """A snippet that could not give a result a page may show."""

    path: str
    message: str
    pages: list[str] = field(default_factory=list)

    def report(self) -> str:
        """The whole story in one message: file and line, problem, pages, traceback's end."""
        first, _, details = self.message.partition("\n")
        shown_on = "".join(f"\n  shown on {page}" for page in self.pages)
        return f"{first}{shown_on}" + (f"\n{details}" if details else "")


class SnippetEngine:
    def __init__(self, settings: EngineSettings):
        self.settings = settings
        self.cache = ResultCache(settings.cache_dir)
        self.executed: list[str] = []

    def results(self, directives: Iterable[Directive]) -> dict[str, SnippetResult | SnippetFailure]:
        """One result per snippet path the directives name, in the order first named."""
        usages: dict[str, list[Directive]] = {}
        for directive in directives:
            usages.setdefault(directive.path, []).append(directive)
        return {path: self._result(path, uses) for path, uses in usages.items()}

    def _result(self, path: str, uses: list[Directive]) -> SnippetResult | SnippetFailure:
        pages = sorted({use.where for use in uses})
        expected = {use.raises for use in uses if use.kind == "run"} or {None}
        file = self.settings.snippets_dir / path
        if not file.is_file():
            return SnippetFailure(path, f"{self.settings.shown(path)} does not exist", pages)
        if len(expected) > 1:
            declared = ", ".join(sorted(repr(value) for value in expected))
            return SnippetFailure(path, f"{self.settings.shown(path)} is declared with different raises= values ({declared})", pages)
        expected_error = expected.pop()

        key = self._key(file)
        report = self.cache.load(key)
        fresh = report is None
        if fresh:
            try:
                report = self._run(file)
            except WorkerFailure as failure:
                return SnippetFailure(path, self._failure_message(path, failure.line, str(failure), failure.log_tail), pages)
        problem = _mismatch(report, expected_error)
        if problem:
            error = report.get("exception") or {}
            return SnippetFailure(path, self._failure_message(path, error.get("line"), problem, error.get("text", "")), pages)
        if fresh:
            self.cache.store(key, report)
        return self._as_result(path, report)

    def _run(self, file: Path) -> dict:
        settings = WorkerSettings(self.settings.console_width, self.settings.cache_dir.parent / "keras-home")
        worker = shared_worker(settings)
        report = worker.run(file.resolve(), self.settings.snippets_dir.resolve(), self.settings.seed, self.settings.timeout)
        self.executed.append(self.settings.shown(file))
        report["versions"] = worker.versions
        return self._normalised(report)

    def _normalised(self, report: dict) -> dict:
        """Paths of this machine and run-to-run timings replaced, before anything is stored."""
        prefixes = {f"{self.settings.repo_root.resolve()}/": ""}
        for location in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
            prefixes[f"{location}/"] = ""
        prefixes[f"{sysconfig.get_paths()['stdlib']}/"] = "<python>/"

        def clean(text: str) -> str:
            return terminal.mark_volatile(terminal.without_machine_paths(terminal.as_terminal_shows(text), prefixes))

        report["output"] = clean(report["output"])
        report["warnings"] = [
            clean(f"{warning['filename']}:{warning['lineno']}: {warning['category']}: {warning['message']}")
            for warning in report["warnings"]
        ]
        if "exception" in report:
            report["exception"]["text"] = clean(report["exception"]["text"])
        return report

    def _key(self, file: Path) -> str:
        sources = [(self.settings.shown(source), source.read_bytes()) for source in local_sources(file)]
        settings = {"console_width": self.settings.console_width, "seed": self.settings.seed}
        return cache_key(sources, self._versions, settings, self._engine)

    @functools.cached_property
    def _versions(self) -> dict[str, str]:
        """The versions that can change an output, read once per build (reading them is slow)."""
        versions = {name: importlib.metadata.version(name) for name in VERSIONED_PACKAGES}
        versions["python"] = platform.python_version()
        return versions

    @functools.cached_property
    def _engine(self) -> str:
        return engine_fingerprint()

    def _as_result(self, path: str, report: dict) -> SnippetResult:
        return SnippetResult(
            path=path,
            output=report["output"],
            warnings=report["warnings"],
            error=report["exception"]["text"] if "exception" in report else None,
            images={name: base64.b64decode(data) for name, data in report["images"].items()},
            versions=report["versions"],
            graphs=report.get("graphs", {}),
        )

    def _failure_message(self, path: str, line: int | None, problem: str, details: str) -> str:
        where = f"{self.settings.shown(path)}, line {line}" if line else f"{self.settings.shown(path)} (line unknown)"
        tail = "\n".join(details.strip().splitlines()[-TRACEBACK_LINES_IN_MESSAGES:])
        indented = "".join(f"\n    {line}" for line in tail.splitlines())
        return f"{where}: {problem}{indented}"


def _mismatch(report: dict, expected_error: str | None) -> str | None:
    """Why this outcome may not be shown on the page, or None when it may."""
    status = report["status"]
    error = report.get("exception") or {}
    if status == "exited":
        return f"the snippet ended the process ({error.get('type')}); a snippet must run to its end or raise"
    if status == "raised" and expected_error is None:
        return (
            f"the snippet raised {error['type']}; if this error is the lesson, "
            f'declare it on the page: {{{{ run("...", raises="{error["type"]}") }}}}'
        )
    if status == "raised" and expected_error not in (error["type"], error["qualified_type"]):
        return f'the page declares raises="{expected_error}" but the snippet raised {error["type"]}'
    if status == "ok" and expected_error is not None:
        return f'the page declares raises="{expected_error}" but the snippet ran without raising'
    return None
