"""A tutorial page as a Jupyter notebook, made from the snippets the page shows.

The notebook is built from the same files and the same results as the page, so
it cannot drift from it: one code cell per snippet file, in page order, under
the page's headings, with the outputs of the run that built the site. The
page's prose stays on the site; the notebook carries only the headings and,
above each code cell, what the page's code block shows above the code: its
file, and its tab's label when the page shows it in a tab.
"""

import base64
import hashlib
from collections.abc import Callable

import nbformat
from nbformat import NotebookNode

from .directives import Directive
from .engine import SnippetResult
from .pages import Heading, Page
from .selections import SECTION_MARKER
from .wording import ENGLISH, Wording

# Tells nbclient and Jupyter's "run all" to go on past a cell that raises on purpose.
RAISES_EXCEPTION_TAG = "raises-exception"
SETUP_CELL = """\
#@title {title}
{comment}
import warnings

import keras
import tensorflow as tf

tf.config.experimental.enable_op_determinism()
{log_comment}
tf.get_logger().setLevel("ERROR")
warning_filters_at_start = list(warnings.filters)
{console_width}

def start_like_the_site_build(info):
    keras.backend.clear_session()
    keras.utils.set_random_seed({seed})
    warnings.resetwarnings()
    warnings.filters[:] = warning_filters_at_start


get_ipython().events.register("pre_run_cell", start_like_the_site_build)"""
CONSOLE_WIDTH = """
{comment}
import os

os.environ["COLUMNS"] = os.environ["JUPYTER_COLUMNS"] = "{width}"
"""


# Colab shows a cell in form view as its #@title line only; Jupyter folds a hidden source.
FOLDED = {"cellView": "form", "jupyter": {"source_hidden": True}}
# The site's rendering of the notebooks leaves this cell's code out (mkdocs.yml,
# mkdocs-jupyter's remove_tag_config); the title cell says what it does.
SETUP_TAG = "setup"


def page_notebook(
    page: Page,
    sources: dict[str, str],
    results: dict[str, SnippetResult],
    seed: int,
    *,
    page_address: str,
    shown: Callable[[str], str],
    console_width: int | None = None,
    words: Wording = ENGLISH,
) -> NotebookNode:
    """The page's headings and snippets as notebook cells, with the outputs of the build.

    `page_address` is where the page is on the site: the title cell links to it, for the
    explanations (a full address: the notebook is also read in Colab, away from the site).
    `shown` names a snippet file (a path under snippets/) as the page's code blocks do.

    `seed` and `console_width` are the build's settings: the first cell sets them up so
    that re-running the notebook gives the outputs it holds. Without `console_width`,
    Keras summaries take the width of the notebook (Jupyter's, or the environment's).
    `words` gives the language of the notebook's own cells; the page gives the headings.
    """
    snippets = _first_showings(page.runs)
    _require_results(snippets, results, page.path)
    title = _title_cell(page.title, page_address, results[snippets[0].path], words)
    cells = [title, _setup_cell(seed, console_width, words)]
    for item in _in_page_order(notebook_headings(page), snippets):
        if isinstance(item, Heading):
            # Without backticks: mkdocs-jupyter drops inline code from its table of contents.
            cells.append(_markdown_cell(f"{'#' * item.level} {item.text.replace('`', '')}"))
        else:
            cells.append(_label_cell(page.tab_of(item), shown(item.path), results[item.path], words))
            cells.append(_snippet_cell(sources[item.path], results[item.path]))
    _number_code_cells(cells)
    _give_ids(cells, f"{words.language}/{page.path}")
    metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    return nbformat.from_dict({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells})


def notebook_bytes(notebook: NotebookNode) -> bytes:
    """The notebook file: validated, keys sorted by nbformat, so equal notebooks give equal bytes."""
    nbformat.validate(notebook)
    text = nbformat.writes(notebook)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


# The cells and outputs as nbformat 4.5 lays them out. nbformat's own constructors validate each
# one against the schema, which took most of a warm build's notebook time; notebook_bytes
# validates the whole notebook once instead.
def _markdown_cell(source: str) -> NotebookNode:
    return NotebookNode(cell_type="markdown", metadata=NotebookNode(), source=source)


def _code_cell(source: str, outputs: list[NotebookNode] | None = None) -> NotebookNode:
    return NotebookNode(
        cell_type="code", metadata=NotebookNode(), execution_count=None, source=source, outputs=outputs or []
    )


def _output(output_type: str, **fields) -> NotebookNode:
    return NotebookNode(output_type=output_type, **fields)


def _first_showings(directives: list[Directive]) -> list[Directive]:
    """One run directive per snippet file: a snippet shown twice runs once, where first shown."""
    first: dict[str, Directive] = {}
    for directive in directives:
        first.setdefault(directive.path, directive)
    return list(first.values())


def _require_results(snippets: list[Directive], results: dict[str, SnippetResult], page: str) -> None:
    if not snippets:
        raise ValueError(f"{page} shows no snippet: make notebooks only for pages with run directives")
    missing = [snippet.where for snippet in snippets if snippet.path not in results]
    if missing:
        raise ValueError(
            f"no result for the snippets at {', '.join(missing)}: a notebook carries the build's outputs, "
            "so make it only from an executed build in which every snippet of the page succeeded"
        )


def _title_cell(title: str, page_address: str, result: SnippetResult, words: Wording) -> NotebookNode:
    versions = {name: result.versions[name] for name in ("tensorflow", "keras")}
    introduction = words.notebook_introduction.format(page=page_address, **versions)
    return _markdown_cell(f"# {title}\n\n{introduction}")


def _setup_cell(seed: int, console_width: int | None, words: Wording) -> NotebookNode:
    width = CONSOLE_WIDTH.format(comment=words.notebook_width_comment, width=console_width) if console_width else ""
    setup = SETUP_CELL.format(
        title=words.notebook_setup_title,
        comment=words.notebook_setup_comment,
        log_comment=words.notebook_log_comment,
        seed=seed,
        console_width=width,
    )
    cell = _code_cell(setup)
    cell.metadata.update(FOLDED)
    cell.metadata["tags"] = [SETUP_TAG]
    return cell


def notebook_headings(page: Page) -> list[Heading]:
    """The headings the page's notebook has after its title: those with at least one snippet in
    their part of the page (up to the next heading of the same or a higher level). A level-1
    heading that is the page's title is left out: the notebook's first cell already shows it."""
    snippets = _first_showings(page.runs)
    headings = page.headings
    kept = []
    for index, heading in enumerate(headings):
        end = next((later.line for later in headings[index + 1 :] if later.level <= heading.level), float("inf"))
        has_snippet = any(heading.line < snippet.line < end for snippet in snippets)
        is_title = heading.level == 1 and heading.text == page.title
        if has_snippet and not is_title:
            kept.append(heading)
    return kept


def _in_page_order(headings: list[Heading], snippets: list[Directive]) -> list[Heading | Directive]:
    return sorted([*headings, *snippets], key=lambda item: item.line)


def _label_cell(tab: str | None, path: str, result: SnippetResult, words: Wording) -> NotebookNode:
    """What the page shows above the code: its tab's label, if any, and its file; and, for a
    snippet that raises on purpose, that Run all may stop there."""
    label = f"**{tab}** · `{path}`" if tab else f"`{path}`"
    return _markdown_cell(f"{label}\n\n{words.notebook_raises}" if result.error else label)


def _snippet_cell(source: str, result: SnippetResult) -> NotebookNode:
    cell = _code_cell(_without_section_markers(source), outputs=_outputs(result))
    if result.error:
        cell.metadata["tags"] = [RAISES_EXCEPTION_TAG]
    return cell


def _without_section_markers(source: str) -> str:
    """The whole file as it runs: pymdownx section markers only matter to the page."""
    kept = [line for line in source.split("\n") if not SECTION_MARKER.search(line)]
    return "\n".join(kept).rstrip("\n")


def _outputs(result: SnippetResult) -> list[NotebookNode]:
    outputs = []
    if result.output:
        outputs.append(_output("stream", name="stdout", text=result.output))
    if result.warnings:
        outputs.append(_output("stream", name="stderr", text="\n".join(result.warnings) + "\n"))
    if result.error:
        outputs.append(_error_output(result.error))
    outputs.extend(_image_output(name, content) for name, content in result.images.items())
    return outputs


def _error_output(error: str) -> NotebookNode:
    """The error as Jupyter stores one. The exception's own lines start at the first line that
    is not the traceback's header or one of its indented frame lines; a Keras message may go
    on over several lines, which all belong to the value."""
    lines = error.splitlines()
    start = next(
        index
        for index, line in enumerate(lines)
        if line.strip() and not line[0].isspace() and line != "Traceback (most recent call last):"
    )
    ename, _, first_value_line = lines[start].partition(":")
    evalue = "\n".join([first_value_line, *lines[start + 1 :]]).strip()
    return _output("error", ename=ename, evalue=evalue, traceback=lines)


def _image_output(name: str, content: bytes) -> NotebookNode:
    if name.lower().endswith(".svg"):
        data = {"image/svg+xml": content.decode("utf-8")}
    else:
        data = {"image/png": base64.b64encode(content).decode("ascii")}
    return _output("display_data", data=data, metadata=NotebookNode())


def _number_code_cells(cells: list[NotebookNode]) -> None:
    """Execution counts 1..n, as a run from top to bottom in a fresh kernel would leave them."""
    code_cells = [cell for cell in cells if cell.cell_type == "code"]
    for count, cell in enumerate(code_cells, 1):
        cell.execution_count = count


def _give_ids(cells: list[NotebookNode], page: str) -> None:
    """Ids from the page and the cell's place (nbformat would draw random ones), so that
    each build writes the same bytes and ids stay unique across the site's notebooks."""
    page_digest = hashlib.sha256(page.encode("utf-8")).hexdigest()[:12]
    for index, cell in enumerate(cells):
        cell.id = f"{page_digest}-{index}"
