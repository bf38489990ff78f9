"""One site build's snippets: the parsed pages, the results, and the files to publish.

This is the layer a site generator's adapter talks to (hooks/mkdocs_hooks.py
for MkDocs). It takes page sources as plain strings, parses each page once,
reads each snippet file once, and hands back Markdown, problems, notebooks
and generated files, so it can be tested without MkDocs.
"""

import os
import posixpath
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import render
from .directives import Directive, replace_directives
from .engine import SnippetEngine, SnippetFailure, SnippetResult
from .interpreter import InterpreterError
from .notebooks import notebook_bytes, page_notebook
from .pages import Page, parse_page
from .selections import SelectionError, shown_lines
from .settings import CONFIG_SECTION, EngineSettings
from .sources import SourceFiles, unused_snippets
from .wording import wording

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
    def __init__(
        self,
        settings: EngineSettings,
        file_links: Callable[[str, tuple[int, int] | None], str] | None = None,
        language: str = "en",
    ):
        """`file_links(path, shown_lines)` gives the Markdown put under each snippet's code (view,
        download), `shown_lines` (first, last) for a block that shows part of the file;
        `language` is the pages' language, for the words of their notebooks."""
        self.settings = settings
        self.file_links = file_links
        self.words = wording(language)
        self.files = SourceFiles()
        self.engine = SnippetEngine(settings, self.files)
        self.pages: dict[str, Page] = {}
        # Each shown snippet file's text, read once per build.
        self.sources: dict[str, str] = {}
        self.results: dict[str, SnippetResult | SnippetFailure] = {}
        self.directive_failures: dict[Directive, SnippetFailure] = {}
        self.problems: list[Problem] = []

    def prepare(self, pages: dict[str, str], before_running: Callable[[], dict[str, str]] | None = None) -> None:
        """Parse every page, and get every result, so pages can be expanded (`before_running`:
        see SnippetEngine.results)."""
        self.pages = {
            path: parse_page(markdown, path, self.settings.shown_page(path)) for path, markdown in pages.items()
        }
        self.problems = [Problem(error) for page in self.pages.values() for error in page.errors]
        directives = [directive for page in self.pages.values() for directive in page.directives]
        shown_paths = sorted({directive.path for directive in directives})
        self.sources = {path: self._read(path) for path in shown_paths if (self.settings.snippets_dir / path).is_file()}
        runnable = [directive for directive in directives if self._check_selection(directive)]
        if self.settings.execute:
            try:
                self.results = self.engine.results(runnable, before_running)
            except InterpreterError as error:  # no snippet can run: one message for the build
                setting = f"set {CONFIG_SECTION}.python in mkdocs.yml, or SNIPPETS_PYTHON"
                self.problems.append(Problem(f"{error} ({setting})"))
            for directive in runnable:
                self._check_against_result(directive)
        self.problems.extend(
            Problem(result.report()) for result in self.results.values() if isinstance(result, SnippetFailure)
        )
        self.problems.extend(Problem(failure.report()) for failure in self.directive_failures.values())
        shown_files = {self.settings.snippets_dir / path for path in shown_paths}
        for unused in unused_snippets(self.settings.snippets_dir, shown_files, self.files.read):
            relative = unused.relative_to(self.settings.snippets_dir).as_posix()
            directive = f'{{{{ run("{relative}") }}}}'
            self.problems.append(
                Problem(
                    f"{self.settings.shown(unused)} is not shown on any page: add {directive} to a page, or delete it",
                    fatal=False,
                )
            )

    def expand(self, page: str) -> str:
        """The page with each directive replaced by its code and output."""
        parsed = self.pages[page]
        return replace_directives(
            parsed.markdown, list(parsed.directives), lambda directive: self._render(directive, page)
        )

    def generated_files(self) -> dict[str, bytes]:
        """Files to publish with the site: figures the snippets drew, and the snippets themselves."""
        files = {f"{DOWNLOADS_FOLDER}/{path}": source.encode("utf-8") for path, source in self.sources.items()}
        for path, result in self.results.items():
            if isinstance(result, SnippetResult):
                for name, content in result.images.items():
                    files[_figure_path(path, name)] = content
        return files

    def notebooks(self, page_address: Callable[[str], str]) -> dict[str, tuple[str, bytes]]:
        """Each page that shows snippets as a notebook with this build's outputs: {page: (title, bytes)}.

        `page_address` gives a page's full address on the site from its path ("building-models/sequential.md").
        A page gets none when the build did not execute, or when one of its snippets failed.
        """
        made = {}
        for path, page in self.pages.items():
            results = {directive.path: self.results.get(directive.path) for directive in page.runs}
            if not results or not all(isinstance(result, SnippetResult) for result in results.values()):
                continue
            notebook = page_notebook(
                page,
                self.sources,
                results,
                self.settings.seed,
                page_address=page_address(path),
                shown=self.settings.shown,
                console_width=self.settings.console_width,
                words=self.words,
            )
            made[path] = (page.title, notebook_bytes(notebook))
        return made

    def provenance(self) -> dict[str, str] | None:
        """The versions that produced the outputs (as the worker reported them) and the build's date."""
        versions = next(
            (result.versions for result in self.results.values() if isinstance(result, SnippetResult)), None
        )
        if versions is None:
            return None
        return {**versions, "date": source_date(self.settings.repo_root)}

    def _read(self, path: str) -> str:
        # Bytes decoded, not read_text: newlines stay as in the file, for the download too.
        return self.files.read(self.settings.snippets_dir / path).decode("utf-8")

    def _check_selection(self, directive: Directive) -> bool:
        try:
            if directive.path in self.sources:
                shown_lines(self.sources[directive.path], directive.selection)
        except SelectionError as error:
            self.directive_failures[directive] = SnippetFailure(
                directive.path, f"{self.settings.shown(directive.path)}: {error}", [directive.where]
            )
            return False
        return True

    def _check_against_result(self, directive: Directive) -> None:
        """What a directive asks of its snippet's run: the model a diagram draws, the one figure an
        `alt=` describes."""
        result = self.results.get(directive.path)
        if not isinstance(result, SnippetResult):
            return
        shown = self.settings.shown(directive.path)
        if directive.kind == "diagram" and directive.model not in result.graphs:
            found = ", ".join(sorted(result.graphs)) or "none"
            problem = (
                f"{shown}: no built functional or Sequential model in a variable named {directive.model!r} "
                f"(variables holding one: {found})"
            )
        elif directive.alt is not None and len(result.images) != 1:
            problem = (
                f"{shown}: alt= describes the one figure a snippet draws, and this one drew "
                f"{len(result.images)} ({', '.join(sorted(result.images)) or 'none'}): remove alt=, or draw one figure"
            )
        else:
            return
        self.directive_failures[directive] = SnippetFailure(directive.path, problem, [directive.where])

    def _render(self, directive: Directive, page: str) -> str:
        failure = self.directive_failures.get(directive)
        result = self.results.get(directive.path)
        if failure is None and isinstance(result, SnippetFailure):
            failure = result
        if failure is not None:
            return render.indented(render.failure_block(failure, self.words), directive.indent)
        shown_path = self.settings.shown(directive.path)
        if directive.kind == "diagram":
            graph = result.graphs[directive.model] if result else None
            block = render.diagram_block(graph, directive.model, shown_path, self.words)
            return render.indented(block, directive.indent)
        source = self.sources[directive.path]
        lines = shown_lines(source, directive.selection)
        parts = [render.code_block(directive, shown_path, source, lines[0])]
        if self.file_links:
            parts.append(self.file_links(directive.path, lines if directive.selection else None))
        if result is None:
            parts.append(render.not_executed_block(self.words))
        else:
            links = {name: _relative(page, _figure_path(directive.path, name)) for name in result.images}
            parts.append(render.result_blocks(result, links, self.words, directive.alt))
        return render.indented("\n\n".join(parts), directive.indent)


def notebook_path(page: str) -> str:
    """Where a page's notebook lives in the built site, and (without the folder) on the notebooks branch."""
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
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=repo_root, capture_output=True, text=True
            ).stdout.strip()
        except FileNotFoundError:
            epoch = ""
    if not epoch:
        return "unknown date"
    return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
