"""Keras summary tables read back out of printed snippet output, and drawn again as HTML tables.

Keras 3 prints `model.summary()` with the `rich` library: a title line, a grid drawn with
box-drawing characters, then the parameter totals:

    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)    ┃ Output Shape  ┃      <- header; a cell may wrap onto several lines
    ┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ dense (Dense)   │ (None, 5)     │      <- one row per layer, which may also wrap
    ├─────────────────┼───────────────┤      <- drawn between every two rows
    │    └ inner      │ (None, 5)     │      <- expand_nested: nested layers indented, marked "└ "
    └─────────────────┴───────────────┘
     Total params: 70 (280.00 B)

`split_output` cuts a printed output into plain text and `Table`s, so that joining the pieces'
`text` gives back the output byte for byte. Anything that starts like a table (a line beginning
with ┏) must parse completely, or `SummaryTableError` says which line is wrong and why: a table
read wrongly would teach the reader something Keras never printed.

Widths are counted in terminal cells, as rich counts them, not in characters: a CJK layer name
takes two cells per character, and the column bars stay where rich drew them.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass


class SummaryTableError(ValueError):
    """A block that starts like a summary table but is not one this module can read exactly."""


@dataclass(frozen=True)
class Text:
    """Output that is not a summary table, exactly as printed."""

    text: str


@dataclass(frozen=True)
class Table:
    """One printed summary table.

    text:       the exact original lines, newlines included: the title line (if any), the grid,
                and the totals lines (if any).
    title:      the line rich printed just above the grid, such as 'Model: "sequential"', or None.
    header:     one string per column; a header cell that rich wrapped onto several lines is joined
                back with single spaces ("Output" / "Shape" -> "Output Shape"), which is the text
                Keras gave rich.
    alignments: "left", "right" or "center" per column, read from the spaces around the text in its
                cells ("left" when every text fills its cell and nothing can be told).
    rows:       one tuple of cells per layer. A cell's physical lines are stripped of padding and
                joined with "\n"; blank lines rich added below a short cell are dropped.
    depths:     per row, how deeply expand_nested nested the layer (0: a layer of the model itself).
                The cell keeps its "└ " marker; only the indentation is moved here.
    totals:     the lines after the grid as (label, value) pairs, e.g. ("Total params", "70 (280.00 B)").
    """

    text: str
    title: str | None
    header: tuple[str, ...]
    alignments: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    depths: tuple[int, ...]
    totals: tuple[tuple[str, str], ...]


Segment = Text | Table


@dataclass(frozen=True)
class _Rule:
    """A horizontal line of the grid: its corner, fill, junction and corner characters."""

    name: str
    left: str
    fill: str
    junction: str
    right: str

    def drawn(self, bars: tuple[int, ...]) -> str:
        """The line as rich draws it for a grid whose vertical bars sit at these cells."""
        cells = [self.fill] * (bars[-1] + 1)
        for bar in bars[1:-1]:
            cells[bar] = self.junction
        cells[0], cells[-1] = self.left, self.right
        return "".join(cells)


# rich's HEAVY_HEAD box, with show_lines=True (Keras asks for both).
_TOP = _Rule("top border", "┏", "━", "┳", "┓")
_HEADER_RULE = _Rule("rule below the header", "┡", "━", "╇", "┩")
_ROW_RULE = _Rule("rule between rows", "├", "─", "┼", "┤")
_BOTTOM = _Rule("bottom border", "└", "─", "┴", "┘")
_HEADER_BAR = "┃"
_BODY_BAR = "│"

_TITLE = re.compile(r'Model: ".*"')
_TOTAL = re.compile(r" (Total|Trainable|Non-trainable|Optimizer) params: (.+)")
# Keras indents a nested layer's name by three spaces per level, then marks it "└ ".
_NESTED_MARK = re.compile(r"((?:   )*)└ ")
_CONNECTED_TO = "connected-to"  # the slug of the column that names the layers feeding a row
_OUTPUT_SHAPE = "output-shape"


# Every edition's pages and notebooks show the same outputs, and `mkdocs serve` renders them all
# again after each edit: each output is read once per process.
@functools.lru_cache(maxsize=1024)
def split_output(text: str) -> tuple[Segment, ...]:
    """Cut printed output into plain text and summary tables; their `text` joined is `text` again."""
    lines = _lines_with_endings(text)
    segments: list[Segment] = []
    pending: list[str] = []  # plain lines not yet handed out as a Text segment
    index = 0
    while index < len(lines):
        if not lines[index].startswith(_TOP.left):
            pending.append(lines[index])
            index += 1
            continue
        title = None
        if pending and _TITLE.fullmatch(_content(pending[-1])):
            title = _content(pending.pop())
        if pending:
            segments.append(Text("".join(pending)))
            pending = []
        table, index = _read_table(lines, index, title)
        segments.append(table)
    if pending:
        segments.append(Text("".join(pending)))
    return tuple(segments)


def tables_in(text: str) -> list[Table]:
    """Only the summary tables of a printed output."""
    return [segment for segment in split_output(text) if isinstance(segment, Table)]


def _lines_with_endings(text: str) -> list[str]:
    # Only "\n" ends a line: str.splitlines would also cut at "\r", "\x0c" and others, which
    # progress bars print inside what is, for the terminal, one line.
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _content(line: str) -> str:
    return line.removesuffix("\n")


def _read_table(lines: list[str], start: int, title: str | None) -> tuple[Table, int]:
    """Read the grid starting at lines[start] (its top border) and the totals after it.

    Returns the table and the index of the first line after it.
    """
    bars = _bars_of_top_border(_content(lines[start]), start + 1)
    index = start + 1
    header_lines, index = _lines_between_rules(lines, index, _HEADER_BAR, bars, start)
    if not header_lines:
        raise SummaryTableError(f"line {index + 1}: the summary table starting at line {start + 1} has no header row")
    _expect_rule(lines, index, _HEADER_RULE, bars, start)
    index += 1

    row_blocks: list[list[list[str]]] = []
    while True:
        row_lines, index = _lines_between_rules(lines, index, _BODY_BAR, bars, start)
        rule = _BOTTOM if index < len(lines) and lines[index].startswith(_BOTTOM.left) else _ROW_RULE
        if not row_lines and (rule is _ROW_RULE or row_blocks):
            # A rule must close a row; only a table with no rows at all goes straight to its bottom.
            raise SummaryTableError(f"line {index + 1}: expected a table row ('{_BODY_BAR}'), {_found(lines, index)}")
        if row_lines:
            row_blocks.append(row_lines)
        _expect_rule(lines, index, rule, bars, start)
        index += 1
        if rule is _BOTTOM:
            break

    totals = []
    while index < len(lines) and (match := _TOTAL.fullmatch(_content(lines[index]))):
        totals.append((f"{match[1]} params", match[2]))
        index += 1

    header = _header_cells(header_lines)
    alignments = _alignments(header_lines, row_blocks)
    rows = tuple(_body_cells(block) for block in row_blocks)
    first_line = start - 1 if title is not None else start
    table = Table(
        text="".join(lines[first_line:index]),
        title=title,
        header=header,
        alignments=alignments,
        rows=rows,
        depths=tuple(_nesting_depth(block[0][0]) for block in row_blocks),
        totals=tuple(totals),
    )
    return table, index


def _bars_of_top_border(top: str, line_number: int) -> tuple[int, ...]:
    """The cells where the grid's vertical bars stand, from its top border ┏━━┳━━┓."""
    for column, char in enumerate(top):
        if char not in (_TOP.left, _TOP.fill, _TOP.junction, _TOP.right):
            raise SummaryTableError(
                f"line {line_number}: unexpected character {char!r} at column {column + 1} of a summary table's "
                f"top border; only {_TOP.left}{_TOP.fill}{_TOP.junction}{_TOP.right} belong there"
            )
    if len(top) < 3 or not top.endswith(_TOP.right):
        raise SummaryTableError(
            f"line {line_number}: the top border of a summary table does not end with '{_TOP.right}' "
            "(was the table cropped at the console's edge?)"
        )
    bars = (0, *(column for column, char in enumerate(top) if char == _TOP.junction), len(top) - 1)
    if any(right - left < 2 for left, right in zip(bars, bars[1:], strict=False)):
        raise SummaryTableError(f"line {line_number}: a summary table's top border has a column with no room")
    if _TOP.left in top[1:] or _TOP.right in top[:-1]:
        raise SummaryTableError(f"line {line_number}: a summary table's top border has a corner inside it")
    return bars


def _lines_between_rules(
    lines: list[str], index: int, bar: str, bars: tuple[int, ...], start: int
) -> tuple[list[list[str]], int]:
    """The cells of each consecutive line that starts with `bar`, and the index after them."""
    cell_lines = []
    while index < len(lines) and lines[index].startswith(bar):
        cell_lines.append(_cells_of_line(_content(lines[index]), bar, bars, index + 1))
        index += 1
    if index == len(lines):
        raise SummaryTableError(
            f"line {len(lines)}: the summary table starting at line {start + 1} ends without its bottom border"
        )
    return cell_lines, index


def _expect_rule(lines: list[str], index: int, rule: _Rule, bars: tuple[int, ...], start: int) -> None:
    if index == len(lines):
        raise SummaryTableError(
            f"line {len(lines)}: the summary table starting at line {start + 1} ends without its {rule.name}"
        )
    found, expected = _content(lines[index]), rule.drawn(bars)
    if found == expected:
        return
    if not found.startswith(rule.left):
        raise SummaryTableError(
            f"line {index + 1}: expected the table's {rule.name} ('{rule.left}'), {_found(lines, index)}"
        )
    column = next((i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), None)
    if column is None:
        raise SummaryTableError(
            f"line {index + 1}: the table's {rule.name} is {len(found)} columns wide, "
            f"the top border {len(expected)} (line {start + 1})"
        )
    raise SummaryTableError(
        f"line {index + 1}: the table's {rule.name} has {found[column]!r} at column {column + 1} "
        f"where {expected[column]!r} was expected from the top border (line {start + 1})"
    )


def _found(lines: list[str], index: int) -> str:
    if index == len(lines):
        return "found the end of the output"
    return f"found {_content(lines[index])[:40]!r}"


def _cells_of_line(line: str, bar: str, bars: tuple[int, ...], line_number: int) -> list[str]:
    """The text between the bars of one grid line, padding included, checking every bar is in place."""
    widths = [_cell_width(char, line_number) for char in line]
    if sum(widths) != bars[-1] + 1:
        raise SummaryTableError(
            f"line {line_number}: this table line is {sum(widths)} columns wide, the top border {bars[-1] + 1}"
        )
    cells: list[list[str]] = [[] for _ in bars[1:]]
    column = 0  # the terminal cell the next character starts at
    for char, width in zip(line, widths, strict=True):
        if column in bars:
            if char != bar:
                raise SummaryTableError(
                    f"line {line_number}: expected {bar!r} at column {column + 1} to separate the table's "
                    f"columns, found {char!r} (the row's columns do not line up with the top border)"
                )
        elif any(column < b < column + width for b in bars):
            raise SummaryTableError(
                f"line {line_number}: the wide character {char!r} at column {column + 1} straddles a column bar"
            )
        else:
            cells[_cell_index(column, bars)].append(char)
        column += width
    return ["".join(cell) for cell in cells]


def _cell_index(column: int, bars: tuple[int, ...]) -> int:
    return sum(1 for bar in bars if bar < column) - 1


def _cell_width(char: str, line_number: int) -> int:
    """Terminal cells a character takes, as rich counts them for the common cases."""
    category = unicodedata.category(char)
    if category == "Cc":
        raise SummaryTableError(f"line {line_number}: control character {char!r} inside a summary table")
    if category in ("Mn", "Me", "Cf"):
        return 0  # combining marks and format characters draw on the cell before them
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _header_cells(header_lines: list[list[str]]) -> tuple[str, ...]:
    columns = zip(*header_lines, strict=True)
    return tuple(" ".join(part.strip() for part in column if part.strip()) for column in columns)


def _alignments(header_lines: list[list[str]], row_blocks: list[list[list[str]]]) -> tuple[str, ...]:
    """How rich justified each column, told from the spaces around every line of text in it."""
    all_lines = header_lines + [line for block in row_blocks for line in block]
    return tuple(_alignment([padded for padded in column if padded.strip()]) for column in zip(*all_lines, strict=True))


def _alignment(padded_texts: list[str]) -> str:
    # rich pads every cell with one space on each side; more space on one side is justification.
    margins = [(len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" "))) for text in padded_texts]
    if all(left == 1 for left, _ in margins):
        return "left"  # also when every text fills its cell, and nothing can be told
    if all(right == 1 for _, right in margins):
        return "right"
    if all(abs(left - right) <= 1 for left, right in margins):
        return "center"
    return "left"  # indented nested layer names: left-justified text that starts with spaces


def _body_cells(row_lines: list[list[str]]) -> tuple[str, ...]:
    cells = []
    for column in zip(*row_lines, strict=True):
        parts = [part.strip() for part in column]
        while parts and not parts[-1]:
            parts.pop()  # rich pads a short cell with blank lines to the height of the row
        cells.append("\n".join(parts))
    return tuple(cells)


def _nesting_depth(padded_first_cell: str) -> int:
    match = _NESTED_MARK.match(padded_first_cell.removeprefix(" "))
    return len(match[1]) // 3 if match else 0


def table_html(table: Table) -> str:
    """The table as an accessible HTML <table>.

    Column headers are <th scope="col">; the totals are a <tfoot> whose rows are labelled by
    <th scope="row">. A cell's printed lines are joined with spaces, undoing rich's wrapping, so
    the browser wraps the text again at the reader's width instead of at the console's. Classes:
    `summary-table` on the table, `summary-table-<column slug>` on each column's cells (e.g.
    `summary-table-param`), `summary-table-right`/`-center` on aligned cells, and
    `summary-table-nested` with `data-depth` on rows of nested layers.
    """
    slugs = [_slug(name) or f"column-{index + 1}" for index, name in enumerate(table.header)]
    lines = ['<table class="summary-table">']
    if table.title is not None:
        lines.append(f'<caption class="summary-table-title">{_escape(table.title)}</caption>')
    lines.append("<thead>")
    head_cells = "".join(
        f'<th scope="col"{_classes(slug, alignment)}>{_escape(name)}</th>'
        for name, slug, alignment in zip(table.header, slugs, table.alignments, strict=True)
    )
    lines.append(f"<tr>{head_cells}</tr>")
    lines.append("</thead>")
    lines.append("<tbody>")
    for row, depth in zip(table.rows, table.depths, strict=True):
        nested = f' class="summary-table-nested" data-depth="{depth}"' if depth else ""
        cells = "".join(
            f"<td{_classes(slug, alignment)}>{_cell_html(_unwrapped(cell), slug)}</td>"
            for cell, slug, alignment in zip(row, slugs, table.alignments, strict=True)
        )
        lines.append(f"<tr{nested}>{cells}</tr>")
    lines.append("</tbody>")
    if table.totals:
        lines.append('<tfoot class="summary-table-totals">')
        lines.extend(_total_row(label, value, len(table.header)) for label, value in table.totals)
        lines.append("</tfoot>")
    lines.append("</table>")
    return "\n".join(lines)


def _total_row(label: str, value: str, columns: int) -> str:
    if columns == 1:
        return f"<tr><td>{_escape(label)}: {_escape(value)}</td></tr>"
    span = f' colspan="{columns - 1}"' if columns > 2 else ""
    return f'<tr><th scope="row">{_escape(label)}</th><td{span}>{_escape(value)}</td></tr>'


def _unwrapped(cell: str) -> str:
    # rich wraps at spaces and drops the space it broke at; a single space puts it back.
    # A word joiner between "][" keeps a connection such as features[0][0] on one line:
    # browsers may otherwise break it there, which reads as two connections.
    return " ".join(cell.split("\n")).replace("][", "]\u2060[")


def _cell_html(text: str, slug: str) -> str:
    escaped = _escape(text)
    if slug == _OUTPUT_SHAPE:
        # A shape is read as one value: a narrow column wraps between shapes, not inside one
        # ("(None," over "16)"); a span adds no text.
        return re.sub(r"\([^()]*\)", r'<span class="summary-table-shape">\g<0></span>', escaped)
    if slug == _CONNECTED_TO:
        # Connected to lists connections (hidden_layer1_1[0][0]) in a narrow column: on a phone one
        # breaks after an underscore of the layer's name or before its indices (<wbr/> adds no
        # text), not between any two letters.
        return re.sub(r"(\w)\[", r"\1<wbr/>[", escaped.replace("_", "_<wbr/>"))
    return escaped


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _classes(slug: str, alignment: str) -> str:
    names = f"summary-table-{slug}" + ("" if alignment == "left" else f" summary-table-{alignment}")
    return f' class="{names}"'


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
