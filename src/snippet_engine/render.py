"""The Markdown that replaces a run directive: code, output, warnings, figures.

Code is never copied into the page: the code block holds a pymdownx.snippets
line that includes the file when the page is rendered. Outputs go in fenced
blocks whose fence is longer than any backtick run in them.
"""

import html
import json
import re

from .directives import Directive
from .engine import SnippetFailure, SnippetResult
from .fences import DIAGRAM_FENCE, OUTPUT_FENCE
from .wording import Wording


def code_block(directive: Directive, shown_path: str, source: str, first_line: int) -> str:
    """The fenced block that includes the snippet (or the part of it the directive names).

    A part alone would not run (it may use an import or a model from the lines before it), so
    its copy button copies the whole file, as it is downloaded: its lines keep the numbers the
    page shows. mkdocs-material copies the `data-copy` attribute of a code block that has one,
    in place of the lines shown."""
    attributes = [".python", f'title="{directive.title or shown_path}"', f'linenums="{first_line}"']
    if directive.hl_lines:
        attributes.append(f'hl_lines="{directive.hl_lines}"')
    if directive.selection:
        attributes.append(f'data-copy="{_attribute_value(source)}"')
    return _fenced(f'--8<-- "{directive.spec}"', "{ " + " ".join(attributes) + " }")


def _attribute_value(text: str) -> str:
    """`text` as one quoted value in a fence's { } attributes: escaped, its line ends too, since
    the fence's first line must stay one line."""
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


# A path is one long word to the browser: on a phone it broke wherever the line ran out
# (first.p / y). Paths are code block titles (pymdownx.highlight writes <span class="filename">)
# and inline code that is one path (a diagram's caption names its snippet so).
_PATHS = re.compile(r'(<span class="filename"[^>]*>|<code>)([^<\s]*/[^<\s]*)(</span>|</code>)')


def breakable_paths(html: str) -> str:
    """The page's HTML with a line break opportunity (<wbr>) after each "/" of every path it shows."""
    return _PATHS.sub(lambda match: match[1] + match[2].replace("/", "/<wbr>") + match[3], html)


# Where a glossary term's underline and definition get in the way: links and headings.
_LINK_OR_HEADING = re.compile(r"<a\b[^>]*>.*?</a>|<(h[1-6])\b[^>]*>.*?</\1>", re.DOTALL)
# A glossary term as the abbr extension writes it: its definition, then the word.
_GLOSSARY_TERM = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
_SECTION_START = re.compile(r"(?=<h2\b)")


def glossary_terms_once_a_section(html: str) -> str:
    """The page's HTML with each glossary term (abbr) explained at its first use in each section
    (from one h2 to the next) only, later uses plain text: on every use, a paragraph about losses
    underlined "loss" a dozen times. Words with one definition ("head", "heads") count as one."""
    return "".join(_first_uses_only(section) for section in _SECTION_START.split(html))


def _first_uses_only(html: str) -> str:
    defined = set()

    def first_use(term: re.Match) -> str:
        if term[1] in defined:
            return term[2]
        defined.add(term[1])
        return term[0]

    return _GLOSSARY_TERM.sub(first_use, html)


def links_and_headings_without_glossary_terms(html: str) -> str:
    """The page's HTML with no glossary term (abbr) inside a link or a heading: its dotted
    underline broke a link's, and pointing at the link showed a definition instead of where it
    leads; in a page's title it looked like a link."""
    return _LINK_OR_HEADING.sub(lambda match: _GLOSSARY_TERM.sub(r"\2", match[0]), html)


_TAB_LABELS = re.compile(r'<div class="tabbed-labels">.*?</div>', re.DOTALL)


def spaced_tab_labels(html: str) -> str:
    """The page's HTML with a line end between content tabs' labels: the theme lays them out in a
    row, where it draws no space, but search read them as one word ("compute_lossadd_loss")."""
    return _TAB_LABELS.sub(lambda labels: labels[0].replace("</label><label", "</label>\n<label"), html)


def result_blocks(result: SnippetResult, figure_links: dict[str, str], words: Wording, alt: str | None = None) -> str:
    """Output (with the error, if the snippet was meant to raise), warnings, then figures, described
    by `alt` where the page gives it (else by their names)."""
    printed = "\n".join(
        part for part in (result.output.rstrip("\n"), result.error and result.error.rstrip("\n")) if part
    )
    blocks = [_output(printed, words)] if printed else []
    if result.warnings:
        blocks.append(
            _admonition(
                "warning",
                words.warnings_title(len(result.warnings)),
                _fenced("\n".join(result.warnings), "{ .text .snippet-warnings .no-copy }"),
            )
        )
    for name, link in figure_links.items():
        blocks.append(f"![{alt or words.figure.format(name=name)}]({link}){{ .snippet-figure }}")
    return "\n\n".join(blocks)


def diagram_block(graph: dict | None, variable: str, shown_path: str, words: Wording) -> str:
    """The model's layer graph, drawn as SVG when the page is converted (fences.diagram_fence),
    or the not-run placeholder when nothing was executed."""
    if graph is None:
        return not_executed_block(words)
    # Ids inside the SVG must be unique on the page: one diagram per snippet and variable.
    drawing = {"id": re.sub(r"\W+", "-", f"{shown_path}-{variable}"), "graph": graph, "language": words.language}
    caption = words.diagram_caption.format(variable=variable, path=shown_path)
    return _fenced(json.dumps(drawing, sort_keys=True, ensure_ascii=False), DIAGRAM_FENCE) + "\n\n" + caption


def not_executed_block(words: Wording) -> str:
    return _fenced(words.not_executed, f'{{ .text .snippet-placeholder .no-copy title="{words.output}" }}')


def failure_block(failure: SnippetFailure, words: Wording) -> str:
    return _admonition(
        "failure",
        words.failed,
        _fenced(failure.report(), "{ .text .snippet-failure .no-copy }"),
    )


def indented(markdown: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in markdown.split("\n"))


def _output(text: str, words: Wording) -> str:
    """The printed text, exactly; fences.output_fence makes the Output block of it, in the
    page's language."""
    return _fenced(text, f'{{ .{OUTPUT_FENCE} lang="{words.language}" }}')


def _fenced(text: str, info: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _admonition(kind: str, title: str, body: str) -> str:
    return f'!!! {kind} "{title}"\n\n' + indented(body, "    ")
