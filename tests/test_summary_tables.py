"""Summary tables read back from printed output: exact round trips, the right cells, loud failures."""

import xml.etree.ElementTree as ElementTree

import pytest

from snippet_engine.summary_tables import SummaryTableError, Table, Text, split_output, table_html, tables_in

# Real outputs of Keras 3.15.1 / rich, printed in a 100-column console as the build runs snippets.
SEQUENTIAL = """\
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ dense (Dense)                        │ (None, 5)                   │              10 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ batch_normalization                  │ (None, 5)                   │              20 │
│ (BatchNormalization)                 │                             │                 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense_1 (Dense)                      │ (None, 10)                  │              60 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 90 (360.00 B)
 Trainable params: 80 (320.00 B)
 Non-trainable params: 10 (40.00 B)
"""

FUNCTIONAL = """\
Model: "small_graph"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)              ┃ Output Shape           ┃        Param # ┃ Connected to           ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━┩
│ numbers (InputLayer)      │ (None, 1)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ hidden (Dense)            │ (None, 5)              │             10 │ numbers[0][0]          │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ extra (InputLayer)        │ (None, 3)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ merged (Concatenate)      │ (None, 9)              │              0 │ hidden[0][0],          │
│                           │                        │                │ numbers[0][0],         │
│                           │                        │                │ extra[0][0]            │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ output (Dense)            │ (None, 10)             │            100 │ merged[0][0]           │
└───────────────────────────┴────────────────────────┴────────────────┴────────────────────────┘
 Total params: 110 (440.00 B)
 Trainable params: 110 (440.00 B)
 Non-trainable params: 0 (0.00 B)
"""

# expand_nested=True and show_trainable=True: Keras 3 draws no inner table, it indents the nested
# model's layers by three spaces per level and marks them "└ ", in the same grid.
NESTED = """\
Model: "functional_nested"
┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Layer (type)           ┃ Output Shape         ┃      Param # ┃ Connected to        ┃ Traina… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ inner_multi            │ [(None, 2), (None,   │           30 │ joined[0][0]        │    Y    │
│ (Functional)           │ 3)]                  │              │                     │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│    └ inner_in          │ (None, 5)            │            0 │ -                   │    -    │
│ (InputLayer)           │                      │              │                     │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│    └ x (Dense)         │ (None, 2)            │           12 │ -                   │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ add (Add)              │ (None, 2)            │            0 │ dense_1[0][0],      │    -    │
│                        │                      │              │ inner_multi[0][0]   │         │
└────────────────────────┴──────────────────────┴──────────────┴─────────────────────┴─────────┘
 Total params: 38 (152.00 B)
 Trainable params: 38 (152.00 B)
 Non-trainable params: 0 (0.00 B)
"""

# line_length=40: rich wraps the header cells too, aligned to the bottom of the header.
NARROW = """\
Model: "seq"
┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┓
┃                 ┃ Output     ┃ Param ┃
┃ Layer (type)    ┃ Shape      ┃     # ┃
┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━┩
│ a_very_long_la… │ (None, 5)  │    10 │
│ (Dense)         │            │       │
├─────────────────┼────────────┼───────┤
│ dense (Dense)   │ (None, 10) │    60 │
└─────────────────┴────────────┴───────┘
 Total params: 70 (280.00 B)
 Trainable params: 70 (280.00 B)
 Non-trainable params: 0 (0.00 B)
"""

EMPTY = """\
Model: "empty"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)
"""

# Each CJK character takes two terminal cells, so the bars are not at the same character index.
WIDE = """\
Model: "wide"
┏━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━┓
┃ Layer      ┃ Output  ┃ Pa… ┃
┃ (type)     ┃ Shape   ┃   # ┃
┡━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━┩
│ 密集層     │ (None,  │   4 │
│ (Dense)    │ 2)      │     │
└────────────┴─────────┴─────┘
 Total params: 4 (16.00 B)
 Trainable params: 4 (16.00 B)
 Non-trainable params: 0 (0.00 B)
"""

SYNTHETIC_OUTPUTS = {
    "sequential": SEQUENTIAL,
    "functional": FUNCTIONAL,
    "nested": NESTED,
    "narrow": NARROW,
    "empty": EMPTY,
    "wide": WIDE,
    "text around two tables": "Epoch 1/5\r\nloss: 1.0\n" + SEQUENTIAL + "between\n\n" + FUNCTIONAL + "after",
    "no final newline": SEQUENTIAL.removesuffix("\n"),
    "untitled, no totals": "\n".join(SEQUENTIAL.splitlines()[1:-3]),
    "title not right above": 'Model: "m"\n\n' + "\n".join(SEQUENTIAL.splitlines()[1:]),
    "no table": 'Model: "m"\n│ a bar │\n┃ heavy ┃\n',
    "empty output": "",
}


def only_table(text: str) -> Table:
    tables = tables_in(text)
    assert len(tables) == 1
    return tables[0]


@pytest.mark.parametrize("text", SYNTHETIC_OUTPUTS.values(), ids=SYNTHETIC_OUTPUTS.keys())
def test_segments_give_back_the_output_byte_for_byte(text):
    segments = split_output(text)
    assert "".join(segment.text for segment in segments) == text
    assert all(segment.text for segment in segments)  # no empty segments
    # Text and tables alternate: two Text segments in a row would mean a cut for nothing.
    assert not any(isinstance(a, Text) and isinstance(b, Text) for a, b in zip(segments, segments[1:], strict=False))


def test_every_output_of_the_site_round_trips(cached_reports):
    outputs = [report["output"] for report in cached_reports]
    assert outputs
    for output in outputs:
        assert "".join(segment.text for segment in split_output(output)) == output
    assert any(tables_in(output) for output in outputs)  # the cache does hold summaries to read


def test_sequential_table():
    table = only_table(SEQUENTIAL)
    assert table.title == 'Model: "sequential"'
    assert table.header == ("Layer (type)", "Output Shape", "Param #")
    assert table.alignments == ("left", "left", "right")
    assert table.rows == (
        ("dense (Dense)", "(None, 5)", "10"),
        ("batch_normalization\n(BatchNormalization)", "(None, 5)", "20"),
        ("dense_1 (Dense)", "(None, 10)", "60"),
    )
    assert table.depths == (0, 0, 0)
    assert table.totals == (
        ("Total params", "90 (360.00 B)"),
        ("Trainable params", "80 (320.00 B)"),
        ("Non-trainable params", "10 (40.00 B)"),
    )
    assert table.text == SEQUENTIAL


def test_functional_table_keeps_a_connected_to_cell_of_three_lines():
    table = only_table(FUNCTIONAL)
    assert table.header == ("Layer (type)", "Output Shape", "Param #", "Connected to")
    assert [row[0] for row in table.rows] == [
        "numbers (InputLayer)",
        "hidden (Dense)",
        "extra (InputLayer)",
        "merged (Concatenate)",
        "output (Dense)",
    ]
    assert table.rows[3] == ("merged (Concatenate)", "(None, 9)", "0", "hidden[0][0],\nnumbers[0][0],\nextra[0][0]")
    assert table.rows[0][3] == "-"


def test_nested_layers_keep_their_marker_and_give_their_depth():
    table = only_table(NESTED)
    assert table.header[-1] == "Traina…"  # rich cut the header short; that is what was printed
    assert table.alignments == ("left", "left", "right", "left", "center")
    assert table.depths == (0, 1, 1, 0)
    assert table.rows[0] == ("inner_multi\n(Functional)", "[(None, 2), (None,\n3)]", "30", "joined[0][0]", "Y")
    assert table.rows[1][0] == "└ inner_in\n(InputLayer)"
    assert table.rows[2] == ("└ x (Dense)", "(None, 2)", "12", "-", "Y")


def test_wrapped_header_cells_are_joined_with_a_space():
    assert only_table(NARROW).header == ("Layer (type)", "Output Shape", "Param #")
    assert only_table(NARROW).rows[0][0] == "a_very_long_la…\n(Dense)"


def test_wide_characters_count_two_columns():
    table = only_table(WIDE)
    assert table.rows == (("密集層\n(Dense)", "(None,\n2)", "4"),)
    assert table.header == ("Layer (type)", "Output Shape", "Pa… #")


def test_a_model_without_layers_has_no_rows():
    table = only_table(EMPTY)
    assert table.rows == () and table.depths == ()
    assert len(table.header) == 3


def test_tables_among_text():
    text = SYNTHETIC_OUTPUTS["text around two tables"]
    segments = split_output(text)
    assert [type(segment) for segment in segments] == [Text, Table, Text, Table, Text]
    assert segments[0].text == "Epoch 1/5\r\nloss: 1.0\n"
    assert segments[2].text == "between\n\n"
    assert segments[4].text == "after"
    assert segments[3].title == 'Model: "small_graph"'


def test_title_only_when_right_above_the_grid():
    segments = split_output(SYNTHETIC_OUTPUTS["title not right above"])
    assert segments[0] == Text('Model: "m"\n\n')
    assert segments[1].title is None
    untitled = only_table(SYNTHETIC_OUTPUTS["untitled, no totals"])
    assert untitled.title is None and untitled.totals == ()
    assert len(untitled.rows) == 3


def broken(original: str, line_index: int, new_line: str) -> str:
    lines = original.split("\n")
    lines[line_index] = new_line
    return "\n".join(lines)


SEQUENTIAL_LINES = SEQUENTIAL.split("\n")
BROKEN_TABLES = {
    "ragged row": (
        broken(SEQUENTIAL, 4, SEQUENTIAL_LINES[4].replace("  │", " │", 1)),
        r"line 5: this table line is 87 columns wide, the top border 88",
    ),
    "bar out of place": (
        broken(SEQUENTIAL, 4, SEQUENTIAL_LINES[4].replace("  │ (None", "│   (None")),
        r"line 5: expected '│' at column 40 to separate the table's columns, found ' '",
    ),
    "column count mismatch": (
        broken(SEQUENTIAL, 5, SEQUENTIAL_LINES[5][:20] + "┼" + SEQUENTIAL_LINES[5][21:]),
        r"line 6: the table's rule between rows has '┼' at column 21 where '─' was expected",
    ),
    "unknown character in a border": (
        broken(SEQUENTIAL, 1, SEQUENTIAL_LINES[1].replace("━", "=", 1)),
        r"line 2: unexpected character '=' at column 2 of a summary table's top border",
    ),
    "cropped at the console's edge": (
        broken(SEQUENTIAL, 1, SEQUENTIAL_LINES[1][:-1] + "━"),
        r"line 2: the top border of a summary table does not end with '┓' \(was the table cropped",
    ),
    "no bottom border": (
        "\n".join(SEQUENTIAL_LINES[:10]),
        r"line 10: the summary table starting at line 2 ends without its bottom border",
    ),
    "a line that belongs to no table": (
        broken(SEQUENTIAL, 5, "not a table line"),
        r"line 6: expected the table's rule between rows \('├'\), found 'not a table line'",
    ),
    "no header": (
        "\n".join(SEQUENTIAL_LINES[1:2] + SEQUENTIAL_LINES[3:]),
        r"line 2: the summary table starting at line 1 has no header row",
    ),
    "control character": (
        broken(SEQUENTIAL, 4, SEQUENTIAL_LINES[4].replace("dense ", "dense\t")),
        r"line 5: control character '\\t' inside a summary table",
    ),
    "rule with no row above it": (
        broken(SEQUENTIAL, 4, SEQUENTIAL_LINES[5]),
        r"line 5: expected a table row \('│'\), found '├",
    ),
}


@pytest.mark.parametrize(("text", "message"), BROKEN_TABLES.values(), ids=BROKEN_TABLES.keys())
def test_a_table_that_cannot_be_read_exactly_is_an_error(text, message):
    with pytest.raises(SummaryTableError, match=message):
        split_output(text)


def test_html_is_a_table_with_header_cells_body_and_totals():
    markup = table_html(only_table(FUNCTIONAL))
    root = ElementTree.fromstring(markup)  # well-formed, and one element
    assert root.tag == "table" and root.get("class") == "summary-table"
    assert root.find("caption").text == 'Model: "small_graph"'
    head_cells = root.findall("thead/tr/th")
    assert [cell.text for cell in head_cells] == ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    assert {cell.get("scope") for cell in head_cells} == {"col"}
    rows = root.findall("tbody/tr")
    assert len(rows) == 5
    assert all(len(row.findall("td")) == 4 for row in rows)
    # The printed line breaks were the console's: the browser wraps again at the reader's width.
    # A word joiner keeps each connection's indices together.
    connected_to = "".join(rows[3].findall("td")[3].itertext())
    assert connected_to == "hidden[0]\u2060[0], numbers[0]\u2060[0], extra[0]\u2060[0]"
    assert rows[3].findall("td")[2].get("class") == "summary-table-param summary-table-right"
    totals = root.findall("tfoot/tr")
    assert [(row.find("th").text, row.find("th").get("scope"), row.find("td").text) for row in totals][0] == (
        "Total params",
        "row",
        "110 (440.00 B)",
    )
    assert totals[0].find("td").get("colspan") == "3"


def test_a_connection_in_connected_to_may_break_after_an_underscore_or_before_its_indices_only():
    renamed = FUNCTIONAL.replace("numbers", "in_nums")  # as long: the table's lines stay aligned
    rows = ElementTree.fromstring(table_html(only_table(renamed))).findall("tbody/tr")
    assert ElementTree.tostring(rows[1].findall("td")[3], encoding="unicode") == (
        '<td class="summary-table-connected-to">in_<wbr />nums<wbr />[0]\u2060[0]</td>'
    )
    # Other columns break where the browser sees fit.
    assert ElementTree.tostring(rows[0].find("td"), encoding="unicode") == (
        '<td class="summary-table-layer-type">in_nums (InputLayer)</td>'
    )


def test_a_shape_in_output_shape_is_one_unbreakable_span():
    root = ElementTree.fromstring(table_html(only_table(FUNCTIONAL)))
    cell = root.findall("tbody/tr")[3].findall("td")[1]
    assert cell.get("class") == "summary-table-output-shape"
    assert [(span.get("class"), span.text) for span in cell] == [("summary-table-shape", "(None, 9)")]
    assert "".join(cell.itertext()) == "(None, 9)"  # the span adds no text


def test_html_marks_nested_rows():
    rows = ElementTree.fromstring(table_html(only_table(NESTED))).findall("tbody/tr")
    assert [row.get("data-depth") for row in rows] == [None, "1", "1", None]
    assert rows[1].get("class") == "summary-table-nested"
    assert rows[1].find("td").text == "└ inner_in (InputLayer)"


def test_html_escapes_text():
    text = SEQUENTIAL.replace('"sequential"', '"<b>&co</b>"').replace("dense_1 (Dense)", 'a<b>&c" (Dense)')
    markup = table_html(only_table(text))
    assert "<b>" not in markup
    root = ElementTree.fromstring(markup)
    assert root.find("caption").text == 'Model: "<b>&co</b>"'
    assert root.findall("tbody/tr")[2].find("td").text == 'a<b>&c" (Dense)'


def test_html_of_a_table_without_rows_or_title():
    root = ElementTree.fromstring(table_html(only_table(SYNTHETIC_OUTPUTS["untitled, no totals"])))
    assert root.find("caption") is None and root.find("tfoot") is None
    empty = ElementTree.fromstring(table_html(only_table(EMPTY)))
    assert empty.findall("tbody/tr") == []
