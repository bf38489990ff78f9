import pytest

from snippet_engine.selections import SelectionError, shown_lines

SOURCE = "import keras\n# --8<-- [start:build]\nmodel = 1\n# --8<-- [end:build]\nprint(model)\n"


def test_whole_file_is_every_line():
    assert shown_lines(SOURCE, None) == (1, 5)


def test_named_section_is_the_lines_between_its_markers():
    assert shown_lines(SOURCE, "build") == (3, 3)


def test_named_section_ends_at_its_last_line_that_is_not_blank():
    assert shown_lines("# --8<-- [start:a]\nx = 1\n\ny = 2\n\n\n# --8<-- [end:a]\n", "a") == (2, 4)


def test_line_range_is_its_lines():
    assert shown_lines(SOURCE, "3:5") == (3, 5)
    assert shown_lines(SOURCE, "4") == (4, 4)


@pytest.mark.parametrize(
    "selection, problem", [("missing", "no section 'missing'"), ("4:9", "outside the file's 5 lines")]
)
def test_selection_the_file_does_not_have_is_an_error(selection, problem):
    with pytest.raises(SelectionError, match=problem):
        shown_lines(SOURCE, selection)
