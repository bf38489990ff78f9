"""HTML for the two fenced blocks the renderer writes into pages: a snippet's output,
and a model diagram.

pymdownx.superfences calls these as custom fence formatters (mkdocs.yml names
them), so they work wherever a fenced block does, inside content tabs too. The
page's Markdown holds the exact printed text, or the model's layer graph as
JSON; the HTML is made from it when the page is converted.

An output shows each Keras summary table twice over: as printed (box-drawing
characters, for wide screens and for copying) and as an HTML table whose cells
wrap (for phones). CSS shows one or the other by screen width; on a phone the
printed table is one click away.
"""

import html
import json
import re

from .summary_tables import Table, split_output, table_html
from .svg_diagrams import model_diagram_svg
from .wording import Wording, wording

OUTPUT_FENCE = "snippet-output"
DIAGRAM_FENCE = "model-diagram"


def output_fence(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    # The renderer names the page's language in the fence: {{ .snippet-output lang="ko" }}.
    return output_html(source, wording(kwargs.get("attrs", {}).get("lang", "en")))


def diagram_fence(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    drawing = json.loads(source)
    svg = model_diagram_svg(drawing["graph"], id_prefix=drawing["id"], words=wording(drawing.get("language", "en")))
    return f'<div class="model-diagram-box">{svg}</div>'


def output_html(text: str, words: Wording) -> str:
    """The Output block: a title, then the printed text with each summary table in both forms.
    Joining the text of its <pre><code> elements in order gives back `text` exactly."""
    parts = [
        # "copy": a printed table has the theme's copy button, which the rest of the block does without.
        summary_html(segment, words, _printed(html.escape(segment.text, quote=False), "summary-printed copy"))
        if isinstance(segment, Table)
        else _printed(with_error_message_marked(segment.text), _text_classes(segment.text))
        for segment in split_output(text)
    ]
    # The label is the same on every block: searching for it should find pages, not labels.
    title = f'<span class="filename" data-search-exclude>{words.output}</span>'
    return f'<div class="snippet-output no-copy">{title}{"".join(parts)}</div>'


def summary_html(table: Table, words: Wording, printed: str) -> str:
    """A summary table in both forms: the HTML table, and `printed`, the HTML of the table as
    printed, whose element has the class summary-printed (CSS shows one form or the other)."""
    # The toggle comes first so that CSS can swap the two forms when it is open (a sibling
    # selector reaches only what follows); its label says which form it will show.
    return (
        '<div class="summary">'
        '<details class="summary-toggle"><summary>'
        f'<span class="summary-show-printed">{words.show_printed}</span>'
        f'<span class="summary-show-reflow">{words.show_reflow}</span>'
        "</summary></details>"
        f'<div class="summary-reflow">{table_html(table)}</div>'
        f"{printed}"
        "</div>"
    )


def _text_classes(text: str) -> str:
    return "snippet-text" if keeps_its_lines(text) else "snippet-text wraps"


def _printed(markup: str, css_class: str) -> str:
    """Printed text, already escaped (`markup`), in the block the theme styles as code."""
    return f'<pre class="{css_class}"><code>{markup}</code></pre>'


_TRACEBACK = "Traceback (most recent call last):\n"
_UNINDENTED_LINE = re.compile(r"^\S", re.MULTILINE)


def with_error_message_marked(text: str) -> str:
    """The escaped text, with the message of the error it ends with, if any (the lines after the
    last traceback's frames, which are indented), in a span: pages quote it, and CSS lets it wrap
    on a phone, where the frames keep their lines to keep each ^^^^ under what it marks. The
    Notebooks pages' errors too (notebook_html)."""
    start = text.rfind(_TRACEBACK)
    message = _UNINDENTED_LINE.search(text, start + len(_TRACEBACK)) if start >= 0 else None
    if message is None:
        return html.escape(text, quote=False)
    before, after = (html.escape(part, quote=False) for part in (text[: message.start()], text[message.start() :]))
    return f'{before}<span class="snippet-error-message">{after}</span>'


# Two spaces or more between printed words: padding that lines up a column.
_COLUMN_GAP = re.compile(r"\S {2,}(?=\S)")


def keeps_its_lines(text: str) -> bool:
    """Whether printed text must keep its lines where the box is narrower than they are (it
    scrolls sideways there): a traceback, whose ^^^^ marks stand under what they mark, or a table
    of three columns or more lined up by spaces, on three lines in a row or more. Anything else
    (logs, values, messages, lines with a padded label) can wrap at every width, so that a phone
    shows the numbers the text compares without scrolling (CSS: the class "wraps")."""
    if _TRACEBACK in text:
        return True
    rows = 0
    for line in text.split("\n"):
        rows = rows + 1 if len(_COLUMN_GAP.findall(line)) >= 2 else 0
        if rows == 3:
            return True
    return False
