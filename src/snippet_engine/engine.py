"""Results for the snippets a build shows: from the cache, or run by the worker.

The engine never raises for a snippet's failure: it returns a SnippetFailure
whose message names the file, the line, the pages and what went wrong, and
the caller decides whether that stops the build or is shown on the page.
"""

import base64
import functools
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from . import terminal
from .cache import ResultCache, cache_key, engine_fingerprint
from .directives import Directive
from .interpreter import description_of
from .settings import CONFIG_SECTION, EngineSettings
from .sources import SourceFiles, local_sources
from .summary_tables import SummaryTableError, tables_in
from .worker import WorkerFailure, WorkerSettings, shared_pool

TRACEBACK_LINES_IN_MESSAGES = 8


@dataclass
class SnippetResult:
    """What a snippet printed, ready to render: built once from the worker's report,
    fresh or from the cache, and read as is by every renderer."""

    path: str
    output: str
    warnings: list[str]
    error: str | None
    images: dict[str, bytes]
    versions: dict[str, str]
    # Layer graphs of the models the snippet left in variables, by variable name.
    graphs: dict[str, dict]

    @classmethod
    def from_report(cls, path: str, report: dict) -> "SnippetResult":
        return cls(
            path=path,
            output=report["output"],
            warnings=report["warnings"],
            error=report["exception"]["text"] if "exception" in report else None,
            images={name: base64.b64decode(data) for name, data in report["images"].items()},
            versions=report["versions"],
            graphs=report["graphs"],
        )


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


@dataclass(frozen=True)
class _Job:
    """A snippet to get a result for: where it is shown, what it must raise, its cache key."""

    path: str
    pages: list[str]
    expected_error: str | None
    key: str


class SnippetEngine:
    def __init__(self, settings: EngineSettings, files: SourceFiles | None = None):
        """`files` reads each snippet file once for the whole build (the site shares it)."""
        self.settings = settings
        self.files = files or SourceFiles()
        self.cache = ResultCache(settings.cache_dir)
        # The snippets (shown paths) whose result this engine ran, read from the cache, or took
        # as failed from the engine it waited for (before_running).
        self.executed: list[str] = []
        self.cached: list[str] = []
        self.failed_elsewhere: list[str] = []

    def results(
        self, directives: Iterable[Directive], before_running: Callable[[], dict[str, str]] | None = None
    ) -> dict[str, SnippetResult | SnippetFailure]:
        """One result per snippet path the directives name, in the order first named.

        Snippets not in the cache run in parallel, one worker process each, up to
        `settings.workers` at once; every snippet runs in a fresh session, so which
        worker runs it changes nothing in its output. When some are not in the cache,
        `before_running` is called first, and the cache read again: another process may
        be running them; it returns how those that failed there failed ({path: message}),
        and they fail here the same way, without running again.
        """
        usages: dict[str, list[Directive]] = {}
        for directive in directives:
            usages.setdefault(directive.path, []).append(directive)
        outcomes: dict[str, SnippetResult | SnippetFailure | _Job] = {
            path: self._job(path, uses) for path, uses in usages.items()
        }
        reports = {job.path: self.cache.load(job.key) for job in outcomes.values() if isinstance(job, _Job)}
        to_run = [job for job in outcomes.values() if isinstance(job, _Job) and reports[job.path] is None]
        if to_run and before_running:
            failed_elsewhere = before_running()
            reports.update({job.path: self.cache.load(job.key) for job in to_run})
            for job in to_run:
                if reports[job.path] is None and job.path in failed_elsewhere:
                    outcomes[job.path] = SnippetFailure(job.path, failed_elsewhere[job.path], job.pages)
                    self.failed_elsewhere.append(self.settings.shown(self.settings.snippets_dir / job.path))
            to_run = [job for job in to_run if reports[job.path] is None and job.path not in failed_elsewhere]
        if to_run:
            with ThreadPoolExecutor(max_workers=min(self.settings.workers, len(to_run))) as pool:
                for job, outcome in zip(to_run, pool.map(self._run, to_run), strict=True):
                    outcomes[job.path] = outcome
        for path, report in reports.items():
            if report is not None:
                self.cached.append(self.settings.shown(self.settings.snippets_dir / path))
                outcomes[path] = self._checked(outcomes[path], report, fresh=False)
        return outcomes

    def _job(self, path: str, uses: list[Directive]) -> _Job | SnippetFailure:
        pages = sorted({use.where for use in uses})
        expected = {use.raises for use in uses if use.kind == "run"} or {None}
        file = self.settings.snippets_dir / path
        if not file.is_file():
            return SnippetFailure(path, f"{self.settings.shown(path)} does not exist", pages)
        if len(expected) > 1:
            declared = ", ".join(sorted(repr(value) for value in expected))
            return SnippetFailure(
                path, f"{self.settings.shown(path)} is declared with different raises= values ({declared})", pages
            )
        return _Job(path, pages, expected.pop(), self._key(file))

    def _run(self, job: _Job) -> SnippetResult | SnippetFailure:
        file = self.settings.snippets_dir / job.path
        try:
            report = shared_pool(WorkerSettings.of(self.settings)).run(
                file.resolve(),
                self.settings.snippets_dir.resolve(),
                self.settings.seed,
                self.settings.timeout,
                self.settings.output_limit,
            )
        except WorkerFailure as failure:
            return SnippetFailure(
                job.path, self._failure_message(job.path, failure.line, str(failure), failure.log_tail), job.pages
            )
        self.executed.append(self.settings.shown(file))
        return self._checked(job, self._normalised(report), fresh=True)

    def _checked(self, job: _Job, report: dict, fresh: bool) -> SnippetResult | SnippetFailure:
        """The result, when the outcome is the one the page declares (then a fresh one is cached)."""
        problem = _mismatch(report, job.expected_error, self.settings)
        problem = problem or _table_problem(report["output"], self.settings)
        if problem:
            error = report.get("exception") or {}
            return SnippetFailure(
                job.path, self._failure_message(job.path, error.get("line"), problem, error.get("text", "")), job.pages
            )
        if fresh:
            self.cache.store(job.key, report)
        return SnippetResult.from_report(job.path, report)

    def _normalised(self, report: dict) -> dict:
        """Paths of this machine and run-to-run timings replaced, before anything is stored."""
        prefixes = {f"{self.settings.repo_root.resolve()}/": ""}
        folders = self._interpreter["folders"]
        for location in folders["library"]:
            prefixes[f"{location}/"] = ""
        prefixes[f"{folders['stdlib']}/"] = "<python>/"

        def clean(text: str) -> str:
            return terminal.mark_volatile(terminal.without_machine_paths(terminal.as_terminal_shows(text), prefixes))

        report["output"] = clean(report["output"])
        report["warnings"] = [clean(warning) for warning in report["warnings"]]
        if "exception" in report:
            report["exception"]["text"] = clean(report["exception"]["text"])
        return report

    def _key(self, file: Path) -> str:
        sources = [
            (self.settings.shown(source), self.files.read(source)) for source in local_sources(file, self.files.read)
        ]
        settings = {"console_width": self.settings.console_width, "seed": self.settings.seed}
        return cache_key(sources, self._interpreter["versions"], settings, self._engine)

    @functools.cached_property
    def _interpreter(self) -> dict:
        """What the snippets' Python says of itself (interpreter.py), asked once per build.
        InterpreterError, for the whole build, if it cannot say."""
        return description_of(self.settings.python)

    @functools.cached_property
    def _engine(self) -> str:
        return engine_fingerprint()

    def _failure_message(self, path: str, line: int | None, problem: str, details: str) -> str:
        where = f"{self.settings.shown(path)}, line {line}" if line else f"{self.settings.shown(path)} (line unknown)"
        tail = "\n".join(details.strip().splitlines()[-TRACEBACK_LINES_IN_MESSAGES:])
        indented = "".join(f"\n    {line}" for line in tail.splitlines())
        return f"{where}: {problem}{indented}"


def _mismatch(report: dict, expected_error: str | None, settings: EngineSettings) -> str | None:
    """Why this outcome may not be shown on the page, or None when it may."""
    status = report["status"]
    error = report.get("exception") or {}
    if status == "too_much_output":
        return (
            f"{error['excess']}: print less (a page shows all of it), or raise the limit with "
            f"{CONFIG_SECTION}.output_limit in mkdocs.yml (now {settings.output_limit:,})"
        )
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


def _table_problem(output: str, settings: EngineSettings) -> str | None:
    """Why a summary table in the output cannot be shown whole, or None.

    Every table is read into rows and cells (the page draws it again as an HTML table),
    strictly: one that cannot be read fails here, not on a reader's screen. rich draws a
    table no wider than the console: when the columns do not fit, it cuts cell text with
    "…", and the reader loses what the page is about.
    """
    try:
        tables = tables_in(output)
    except SummaryTableError as error:
        return f"a summary table in its output cannot be read: {error}"
    for table in tables:
        cut = next((cell for cell in (*table.header, *chain(*table.rows)) if "…" in cell), None)
        if cut is not None:
            return (
                f"a summary table in its output is cut to fit a console of {settings.console_width} columns "
                f"({cut!r}): give the layers shorter names, pass line_length= to summary(), "
                f"or widen the console with {CONFIG_SECTION}.console_width in mkdocs.yml"
            )
    return None
