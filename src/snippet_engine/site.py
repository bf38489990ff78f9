"""One site build's snippets: which pages show what, the results, and the files to publish.

This is the layer the MkDocs hook talks to. It takes page sources as plain
strings and hands back Markdown, problems and generated files, so it can be
tested without MkDocs.
"""

import os
import posixpath
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import render
from .directives import Directive, find_directives, replace_directives
from .engine import EngineSettings, SnippetEngine, SnippetFailure, SnippetResult
from .notebooks import notebook_bytes, page_notebook, page_title
from .selections import SelectionError, first_line
from .sources import unused_snippets

FIGURES_FOLDER = "snippet-figures"
DOWNLOADS_FOLDER = "snippets"
NOTEBOOKS_FOLDER = "notebooks"


@dataclass(frozen=True)
class Problem:
    """Something that must fail a build, or be shown on the page while serving."""

    message: str
    # Not fatal: reported as a warning, which fails the build in strict mode only.
    fatal: bool = True


class SiteSnippets:
    def __init__(self, settings: EngineSettings, execute: bool, file_links: Callable[[str], str] | None = None):
        """`file_links(path)` gives the Markdown put under each snippet's code (view, download)."""
        self.settings = settings
        self.execute = execute
        self.file_links = file_links
        self.engine = SnippetEngine(settings)
        self.results: dict[str, SnippetResult | SnippetFailure] = {}
        self.directive_failures: dict[Directive, SnippetFailure] = {}
        self.problems: list[Problem] = []
        self.shown_paths: set[str] = set()

    def prepare(self, pages: dict[str, str]) -> None:
        """Read every page's directives and get every result, so pages can be expanded."""
        directives = []
        for page, markdown in pages.items():
            directives.extend(find_directives(markdown, page))
        self.shown_paths = {directive.path for directive in directives}
        runnable = [directive for directive in directives if self._check_selection(directive)]
        if self.execute:
            self.results = self.engine.results(runnable)
            for directive in runnable:
                self._check_diagram(directive)
        for result in self.results.values():
            if isinstance(result, SnippetFailure):
                self.problems.append(Problem(result.report()))
        for directive, failure in self.directive_failures.items():
            self.problems.append(Problem(failure.report()))
        for unused in unused_snippets(self.settings.snippets_dir, {self.settings.snippets_dir / path for path in self.shown_paths}):
            relative = unused.relative_to(self.settings.snippets_dir).as_posix()
            self.problems.append(Problem(f'{self.settings.shown(unused)} is not shown on any page: add {{{{ run("{relative}") }}}} to a page, or delete it', fatal=False))

    def expand(self, markdown: str, page: str) -> str:
        """The page with each directive replaced by its code and output."""
        return replace_directives(markdown, page, lambda directive: self._render(directive, page))

    def generated_files(self) -> dict[str, bytes]:
        """Files to publish with the site: figures the snippets drew, and the snippets themselves."""
        files = {f"{DOWNLOADS_FOLDER}/{path}": (self.settings.snippets_dir / path).read_bytes()
                 for path in sorted(self.shown_paths) if (self.settings.snippets_dir / path).is_file()}
        for path, result in self.results.items():
            if isinstance(result, SnippetResult):
                for name, content in result.images.items():
                    files[_figure_path(path, name)] = content
        return files

    def notebooks(self, pages: dict[str, str]) -> dict[str, tuple[str, bytes]]:
        """Each page that shows snippets as a notebook with this build's outputs: {page: (title, bytes)}.

        A page gets none when the build did not execute, or when one of its snippets failed.
        """
        made = {}
        for page, markdown in pages.items():
            paths = {directive.path for directive in find_directives(markdown, page) if directive.kind == "run"}
            results = {path: self.results.get(path) for path in paths}
            if not paths or not all(isinstance(result, SnippetResult) for result in results.values()):
                continue
            sources = {path: (self.settings.snippets_dir / path).read_text(encoding="utf-8") for path in paths}
            title = page_title(markdown, page)
            notebook = page_notebook(
                title, markdown, page, sources, results, self.settings.seed, console_width=self.settings.console_width
            )
            made[page] = (title, notebook_bytes(notebook))
        return made

    def provenance(self) -> dict[str, str] | None:
        """The versions that produced the outputs (as the worker reported them) and the build's date."""
        versions = next((result.versions for result in self.results.values() if isinstance(result, SnippetResult)), None)
        if versions is None:
            return None
        return {**versions, "date": source_date(self.settings.repo_root)}

    def _check_selection(self, directive: Directive) -> bool:
        file = self.settings.snippets_dir / directive.path
        try:
            if file.is_file():
                first_line(file.read_text(encoding="utf-8"), directive.selection)
        except SelectionError as error:
            self.directive_failures[directive] = SnippetFailure(directive.path, f"{self.settings.shown(file)}: {error}", [directive.where])
            return False
        return True

    def _check_diagram(self, directive: Directive) -> None:
        result = self.results.get(directive.path)
        if directive.kind != "diagram" or not isinstance(result, SnippetResult) or directive.model in result.graphs:
            return
        shown = self.settings.shown(directive.path)
        found = ", ".join(sorted(result.graphs)) or "none"
        self.directive_failures[directive] = SnippetFailure(
            directive.path,
            f"{shown}: no built functional or Sequential model in a variable named {directive.model!r} "
            f"(variables holding one: {found})",
            [directive.where],
        )

    def _render(self, directive: Directive, page: str) -> str:
        failure = self.directive_failures.get(directive)
        result = self.results.get(directive.path)
        if failure is None and isinstance(result, SnippetFailure):
            failure = result
        if failure is not None:
            return render.indented(render.failure_block(failure), directive.indent)
        file = self.settings.snippets_dir / directive.path
        shown_path = self.settings.shown(file)
        if directive.kind == "diagram":
            graph = result.graphs[directive.model] if result else None
            return render.indented(render.diagram_block(graph, directive.model, shown_path), directive.indent)
        parts = [render.code_block(directive, shown_path, first_line(file.read_text(encoding="utf-8"), directive.selection))]
        if self.file_links:
            parts.append(self.file_links(directive.path))
        if result is None:
            parts.append(render.not_executed_block())
        else:
            links = {name: _relative(page, _figure_path(directive.path, name)) for name in result.images}
            parts.append(render.result_blocks(result, links))
        return render.indented("\n\n".join(parts), directive.indent)


def notebook_path(page: str) -> str:
    """Where a page's notebook lives, in the built site and in the repository."""
    return f"{NOTEBOOKS_FOLDER}/{page.removesuffix('.md')}.ipynb"


def _figure_path(snippet_path: str, name: str) -> str:
    return f"{FIGURES_FOLDER}/{snippet_path.removesuffix('.py')}/{name}"


def _relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def source_date(repo_root: Path) -> str:
    """The date of the commit being built (not today's), so rebuilds of a commit are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repo_root, capture_output=True, text=True).stdout.strip()
        except FileNotFoundError:
            epoch = ""
    if not epoch:
        return "unknown date"
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
