import pytest

from snippet_engine.selections import SelectionError, first_line

SOURCE = "import keras\n# --8<-- [start:build]\nmodel = 1\n# --8<-- [end:build]\nprint(model)\n"


def test_whole_file_starts_at_line_one():
    assert first_line(SOURCE, None) == 1


def test_named_section_starts_after_its_marker():
    assert first_line(SOURCE, "build") == 3


def test_line_range_starts_at_its_first_line():
    assert first_line(SOURCE, "3:5") == 3


@pytest.mark.parametrize(
    "selection, problem", [("missing", "no section 'missing'"), ("4:9", "outside the file's 5 lines")]
)
def test_selection_the_file_does_not_have_is_an_error(selection, problem):
    with pytest.raises(SelectionError, match=problem):
        first_line(SOURCE, selection)
