"""A page as a notebook: its headings and snippets in order, with the build's outputs."""

import base64
import copy
import re

import nbclient
import nbformat
import pytest

from snippet_engine.engine import SnippetResult
from snippet_engine.notebooks import notebook_bytes, page_notebook
from snippet_engine.pages import parse_page
from snippet_engine.wording import ENGLISH

VERSIONS = {"python": "3.12.3", "tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.1.3"}
SEED = 1234

PAGE = """\
# Sequential models

Prose that stays on the site.

```markdown
## Not a heading: inside a fence
{{ run("topic/never_run.py") }}
```

{{ run("topic/first.py") }}

## A heading with prose only

Nothing runs here.

## Two ways

=== "A section"

    {{ run("topic/sectioned.py:build", hl_lines="1") }}

=== "With an error"

    {{ run("topic/raises.py", raises="ValueError") }}

### Only a repeat under this one

{{ run("topic/first.py") }}

## Figures

{{ run("topic/draws.py") }}
"""

SOURCES = {
    "topic/first.py": 'print("first")\n',
    "topic/sectioned.py": (
        "import keras\n\n# --8<-- [start:build]\nlayer = keras.layers.Dense(2)\n"
        "# --8<-- [end:build]\nprint(layer.name)\n"
    ),
    "topic/raises.py": 'raise ValueError("on purpose")\n',
    "topic/draws.py": 'open("curve.png", "wb").write(b"png bytes")\nopen("graph.svg", "w").write("<svg/>")\n',
}

ERROR_TEXT = (
    "Traceback (most recent call last):\n"
    '  File "snippets/topic/raises.py", line 1, in <module>\n'
    '    raise ValueError("on purpose")\n'
    "ValueError: on purpose\n"
)


def result(path: str, output: str = "", warnings=(), error: str | None = None, images=None) -> SnippetResult:
    return SnippetResult(
        path=path,
        output=output,
        warnings=list(warnings),
        error=error,
        images=images or {},
        versions=VERSIONS,
        graphs={},
    )


RESULTS = {
    "topic/first.py": result("topic/first.py", output="first\n"),
    "topic/sectioned.py": result(
        "topic/sectioned.py", output="dense\n", warnings=["a.py:1: UserWarning: one", "a.py:2: UserWarning: two"]
    ),
    "topic/raises.py": result("topic/raises.py", error=ERROR_TEXT),
    "topic/draws.py": result("topic/draws.py", images={"curve.png": b"png bytes", "graph.svg": b"<svg/>"}),
}


ADDRESS = "https://example.org/site/building-models/sequential/"


def make_notebook(
    markdown: str = PAGE, sources=SOURCES, results=RESULTS, seed: int = SEED, **options
) -> nbformat.NotebookNode:
    page = parse_page(markdown, "building-models/sequential.md")
    return page_notebook(
        page, sources, results, seed, page_address=ADDRESS, shown=lambda path: f"snippets/{path}", **options
    )


def code_cell_for(notebook: nbformat.NotebookNode, source: str) -> nbformat.NotebookNode:
    [cell] = [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source == source]
    return cell


def test_notebook_is_valid_nbformat_4_5_for_a_python_kernel():
    notebook = make_notebook()
    nbformat.validate(notebook)
    assert (notebook.nbformat, notebook.nbformat_minor) == (4, 5)
    assert notebook.metadata.kernelspec == {"name": "python3", "display_name": "Python 3", "language": "python"}
    assert notebook.metadata.language_info.name == "python"


def test_cells_follow_the_page_headings_that_have_snippets_and_no_prose():
    cells = make_notebook().cells
    outline = [cell.source.split("\n")[0] if cell.cell_type == "markdown" else cell.source for cell in cells[2:]]
    assert outline == [
        "`snippets/topic/first.py`",
        'print("first")',
        "## Two ways",
        "**A section** · `snippets/topic/sectioned.py`",
        "import keras\n\nlayer = keras.layers.Dense(2)\nprint(layer.name)",
        "**With an error** · `snippets/topic/raises.py`",
        'raise ValueError("on purpose")',
        "## Figures",
        "`snippets/topic/draws.py`",
        SOURCES["topic/draws.py"].rstrip("\n"),
    ]


def test_above_a_snippet_that_raises_its_label_says_that_run_all_may_stop_there():
    cells = make_notebook().cells
    raising = next(index for index, cell in enumerate(cells) if cell.source == 'raise ValueError("on purpose")')
    assert cells[raising - 1].source == f"**With an error** · `snippets/topic/raises.py`\n\n{ENGLISH.notebook_raises}"
    assert not any(ENGLISH.notebook_raises in cell.source for cell in cells[: raising - 1] + cells[raising:])


def test_first_cell_is_the_title_with_the_versions_that_made_the_outputs_and_a_link_to_the_page():
    title = make_notebook().cells[0]
    assert title.cell_type == "markdown"
    assert title.source.startswith(f"# Sequential models\n\nThe code of [the page of the same name]({ADDRESS})")
    assert "TensorFlow 2.21.0 and Keras 3.15.1" in title.source


def test_setup_cell_resets_keras_and_the_seed_before_each_cell():
    setup = make_notebook(seed=77).cells[1]
    assert setup.cell_type == "code" and setup.outputs == []
    assert 'events.register("pre_run_cell"' in setup.source
    assert "keras.backend.clear_session()" in setup.source
    assert "keras.utils.set_random_seed(77)" in setup.source


def test_setup_cell_leaves_tensorflows_own_log_out_as_the_site_pages_do():
    # The build's worker captures what a snippet prints; TensorFlow's logger writes to the stream
    # it found when TensorFlow was imported, which a notebook shows in the next cell's output.
    setup = make_notebook().cells[1].source
    assert 'tf.get_logger().setLevel("ERROR")' in setup
    assert setup.index("import tensorflow as tf") < setup.index("tf.get_logger()")


def test_setup_cell_is_folded_in_colab_and_jupyter_and_tagged_for_the_site_to_hide():
    setup = make_notebook().cells[1]
    assert setup.source.startswith("#@title ")  # what Colab's form view shows of it
    assert setup.metadata["cellView"] == "form" and setup.metadata["jupyter"] == {"source_hidden": True}
    assert setup.metadata["tags"] == ["setup"]


def test_setup_cell_gives_summaries_the_console_width_of_the_build_when_told_it():
    assert (
        'os.environ["COLUMNS"] = os.environ["JUPYTER_COLUMNS"] = "100"'
        in make_notebook(console_width=100).cells[1].source
    )
    assert "os.environ" not in make_notebook().cells[1].source


def test_code_cell_is_the_whole_file_without_section_markers_or_final_newline():
    sources = [cell.source for cell in make_notebook().cells if cell.cell_type == "code"]
    assert sources[2] == "import keras\n\nlayer = keras.layers.Dense(2)\nprint(layer.name)"


def test_snippet_shown_twice_has_one_cell_at_its_first_place():
    cells = make_notebook().cells
    first = [index for index, cell in enumerate(cells) if cell.source == 'print("first")']
    assert first == [3]  # after the title, the set-up cell and its label
    assert not any("Only a repeat" in cell.source for cell in cells)


def test_outputs_are_the_build_results():
    notebook = make_notebook()
    assert code_cell_for(notebook, 'print("first")').outputs == [
        nbformat.v4.new_output("stream", name="stdout", text="first\n")
    ]
    sectioned = code_cell_for(notebook, "import keras\n\nlayer = keras.layers.Dense(2)\nprint(layer.name)")
    assert sectioned.outputs == [
        nbformat.v4.new_output("stream", name="stdout", text="dense\n"),
        nbformat.v4.new_output("stream", name="stderr", text="a.py:1: UserWarning: one\na.py:2: UserWarning: two\n"),
    ]
    drawing = code_cell_for(notebook, SOURCES["topic/draws.py"].rstrip("\n"))
    assert [output.data for output in drawing.outputs] == [
        {"image/png": base64.b64encode(b"png bytes").decode("ascii")},
        {"image/svg+xml": "<svg/>"},
    ]
    assert all(output.output_type == "display_data" for output in drawing.outputs)


def test_error_is_an_error_output_and_the_cell_is_tagged_to_let_run_all_go_on():
    raising = code_cell_for(make_notebook(), 'raise ValueError("on purpose")')
    [error] = raising.outputs
    assert (error.output_type, error.ename, error.evalue) == ("error", "ValueError", "on purpose")
    assert error.traceback == ERROR_TEXT.splitlines()
    assert raising.metadata.tags == ["raises-exception"]
    assert "tags" not in code_cell_for(make_notebook(), 'print("first")').metadata


def test_error_message_over_several_lines_keeps_its_type_and_whole_value():
    text = (
        "Traceback (most recent call last):\n"
        '  File "snippets/topic/raises.py", line 1, in <module>\n'
        "    model(x)\n"
        "  [2 frames inside installed packages]\n"
        "ValueError: Exception encountered when calling Sequential.call().\n\n"
        "Arguments received by Sequential.call():\n"
        "  • inputs=tf.Tensor(shape=(2, 3), dtype=float32)\n"
    )
    results = {**RESULTS, "topic/raises.py": result("topic/raises.py", error=text)}
    [error] = code_cell_for(make_notebook(results=results), 'raise ValueError("on purpose")').outputs
    assert error.ename == "ValueError"
    assert error.evalue == (
        "Exception encountered when calling Sequential.call().\n\n"
        "Arguments received by Sequential.call():\n  • inputs=tf.Tensor(shape=(2, 3), dtype=float32)"
    )


def test_code_cells_are_numbered_as_one_run_from_the_top():
    cells = make_notebook().cells
    assert [cell.execution_count for cell in cells if cell.cell_type == "code"] == [1, 2, 3, 4, 5]


def test_cell_ids_are_valid_unique_and_the_same_on_every_build():
    ids = [cell.id for cell in make_notebook().cells]
    assert all(re.fullmatch(r"[a-zA-Z0-9-_]{1,64}", cell_id) for cell_id in ids)
    assert len(set(ids)) == len(ids)
    assert ids == [cell.id for cell in make_notebook().cells]


def test_same_inputs_give_the_same_bytes_which_read_back_as_the_notebook():
    first, second = notebook_bytes(make_notebook()), notebook_bytes(make_notebook())
    assert first == second
    assert first.endswith(b"}\n")
    assert nbformat.reads(first.decode("utf-8"), as_version=4) == make_notebook()


def test_invalid_notebook_is_refused_before_it_is_written():
    notebook = make_notebook()
    notebook.cells[2].execution_count = "first"
    with pytest.raises(nbformat.ValidationError):
        notebook_bytes(notebook)


def test_diagram_directive_adds_no_cell_nor_moves_its_snippet():
    page = PAGE.replace(
        "Nothing runs here.\n", 'Nothing runs here.\n\n{{ diagram("topic/draws.py", model="model") }}\n'
    )
    assert [cell.source for cell in make_notebook(page).cells] == [cell.source for cell in make_notebook().cells]


def test_snippet_without_a_result_is_refused_naming_page_and_line():
    results = {path: value for path, value in RESULTS.items() if path != "topic/draws.py"}
    with pytest.raises(ValueError, match=r"building-models/sequential\.md, line 32"):
        make_notebook(results=results)


DENSE_NAME = (
    "import keras\n\n"
    "layer = keras.layers.Dense(3, input_shape=(1,))  # Keras 3 warns about input_shape\n"
    "print(layer.name)\n"
)
WARNINGS_AS_ERRORS = 'import warnings\n\nwarnings.simplefilter("error")\nprint("strict")\n'
UNBUILT_COUNT = "import keras\n\nkeras.Sequential([keras.layers.Dense(5)]).count_params()\n"


def test_notebook_runs_top_to_bottom_in_a_fresh_kernel(tmp_path):
    page = """# Tiny

## A layer

{{ run("tiny/dense_name.py") }}

## An error

{{ run("tiny/unbuilt.py", raises="ValueError") }}

## Strict about warnings

{{ run("tiny/warnings_are_errors.py") }}
"""
    sources = {
        "tiny/dense_name.py": DENSE_NAME,
        "tiny/warnings_are_errors.py": WARNINGS_AS_ERRORS,
        "tiny/unbuilt.py": UNBUILT_COUNT,
    }
    results = {
        "tiny/dense_name.py": result(
            "tiny/dense_name.py", output="dense\n", warnings=["<cell>:3: UserWarning: Do not pass an `input_shape`"]
        ),
        "tiny/warnings_are_errors.py": result("tiny/warnings_are_errors.py", output="strict\n"),
        "tiny/unbuilt.py": result(
            "tiny/unbuilt.py", error="ValueError: You tried to call `count_params` on layer 'sequential'\n"
        ),
    }
    notebook = make_notebook(page, sources, results, console_width=100)
    dense_cell = code_cell_for(notebook, DENSE_NAME.rstrip("\n"))
    # Run the Dense cell again right after itself, and once more at the end, after cells that
    # made more layers and turned warnings into errors. Only the pre_run_cell reset makes
    # each run print "dense" (not "dense_1", "dense_2") and show its warning, rather than
    # hide it as already shown or raise it as an error.
    runs = [dense_cell, copy.deepcopy(dense_cell), copy.deepcopy(dense_cell)]
    for number, rerun in enumerate(runs[1:], 1):
        rerun.id = f"dense-again-{number}"
    notebook.cells.insert(notebook.cells.index(dense_cell) + 1, runs[1])
    notebook.cells.append(runs[2])
    # After the strict cell, the filters are back to the kernel's defaults, not merely emptied
    # (that would show every library's DeprecationWarning, which the build's runs do not show).
    filters_check = (
        "import warnings\n\nprint(any(f[0] == 'ignore' and f[2] is DeprecationWarning for f in warnings.filters))"
    )
    notebook.cells.append(nbformat.v4.new_code_cell(filters_check, id="filters-check"))
    # Keras sizes summaries from the terminal's width, rich draws them at its console's width.
    widths_check = (
        "import shutil\n\nimport rich.console\n\n"
        "print(shutil.get_terminal_size().columns, rich.console.Console().width)"
    )
    notebook.cells.append(nbformat.v4.new_code_cell(widths_check, id="widths-check"))

    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()

    def printed(cell, stream):
        return "".join(output.text for output in cell.outputs if output.get("name") == stream)

    assert [printed(run, "stdout") for run in runs] == ["dense\n"] * 3
    assert ["input_shape" in printed(run, "stderr") for run in runs] == [True] * 3
    assert printed(notebook.cells[-2], "stdout") == "True\n"
    assert printed(notebook.cells[-1], "stdout") == "100 100\n"
    raising = code_cell_for(notebook, UNBUILT_COUNT.rstrip("\n"))
    assert [output.ename for output in raising.outputs if output.output_type == "error"] == ["ValueError"]
