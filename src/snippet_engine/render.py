"""The Markdown that replaces a run directive: code, output, warnings, figures.

Code is never copied into the page: the code block holds a pymdownx.snippets
line that includes the file when the page is rendered. Outputs go in fenced
blocks whose fence is longer than any backtick run in them.
"""

import json
import re

from .directives import Directive
from .engine import SnippetFailure, SnippetResult
from .fences import DIAGRAM_FENCE, OUTPUT_FENCE

NOT_EXECUTED = "[not run: this site was built with SNIPPETS_EXECUTE=0, so no output was produced]"


def code_block(directive: Directive, shown_path: str, first_line: int) -> str:
    attributes = [f'title="{directive.title or shown_path}"', f'linenums="{first_line}"']
    if directive.hl_lines:
        attributes.append(f'hl_lines="{directive.hl_lines}"')
    return _fenced(f'--8<-- "{directive.spec}"', "python " + " ".join(attributes))


def result_blocks(result: SnippetResult, figure_links: dict[str, str]) -> str:
    """Output (with the error, if the snippet was meant to raise), warnings, then figures."""
    printed = "\n".join(
        part for part in (result.output.rstrip("\n"), result.error and result.error.rstrip("\n")) if part
    )
    blocks = [_output(printed)] if printed else []
    if result.warnings:
        count = len(result.warnings)
        blocks.append(
            _admonition(
                "warning",
                f"Python {'warning' if count == 1 else f'{count} warnings'} raised by this run",
                _fenced("\n".join(result.warnings), "{ .text .snippet-warnings .no-copy }"),
            )
        )
    blocks.extend(
        f"![Figure {name} written by the snippet above]({link}){{ .snippet-figure }}"
        for name, link in figure_links.items()
    )
    return "\n\n".join(blocks)


def diagram_block(graph: dict | None, variable: str, shown_path: str) -> str:
    """The model's layer graph, drawn as SVG when the page is converted (fences.diagram_fence),
    or the not-run placeholder when nothing was executed."""
    if graph is None:
        return not_executed_block()
    # Ids inside the SVG must be unique on the page: one diagram per snippet and variable.
    drawing = {"id": re.sub(r"\W+", "-", f"{shown_path}-{variable}"), "graph": graph}
    caption = f"*The model in `{variable}`, drawn when `{shown_path}` ran for this page.*"
    return _fenced(json.dumps(drawing, sort_keys=True), DIAGRAM_FENCE) + "\n\n" + caption


def not_executed_block() -> str:
    return _fenced(NOT_EXECUTED, '{ .text .snippet-placeholder .no-copy title="Output" }')


def failure_block(failure: SnippetFailure) -> str:
    return _admonition(
        "failure",
        "This snippet failed: no output is shown until it is fixed",
        _fenced(failure.report(), "{ .text .snippet-failure .no-copy }"),
    )


def indented(markdown: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in markdown.split("\n"))


def _output(text: str) -> str:
    """The printed text, exactly; fences.output_fence makes the Output block of it."""
    return _fenced(text, OUTPUT_FENCE)


def _fenced(text: str, info: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _admonition(kind: str, title: str, body: str) -> str:
    return f'!!! {kind} "{title}"\n\n' + indented(body, "    ")
