import pytest

from snippet_engine.directives import DirectiveError, find_directives, replace_directives


def test_directive_with_options_is_read_with_its_page_and_line():
    page = 'Intro\n\n{{ run("topic/file.py:build", hl_lines="2 3", raises="ValueError") }}\n'
    [directive] = find_directives(page, "docs/page.md")
    assert (directive.page, directive.line) == ("docs/page.md", 3)
    assert (directive.path, directive.selection) == ("topic/file.py", "build")
    assert (directive.hl_lines, directive.raises) == ("2 3", "ValueError")


def test_directive_inside_a_fenced_block_is_left_alone():
    page = '```markdown\n{{ run("topic/file.py") }}\n```\n\n{{ run("topic/other.py") }}\n'
    assert [directive.path for directive in find_directives(page, "p.md")] == ["topic/other.py"]


def test_indented_directive_keeps_its_indent_for_content_tabs():
    page = '=== "Tab"\n\n    {{ run("topic/file.py") }}\n'
    [directive] = find_directives(page, "p.md")
    assert directive.indent == "    "
    assert replace_directives(page, [directive], lambda d: d.indent + "X") == '=== "Tab"\n\n    X\n'


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{{ run(topic/file.py) }}", "expected one quoted snippet path"),
        ('{{ run("topic/file.py", colour="red") }}', "unknown option 'colour'"),
        ('{{ run("topic/file.txt") }}', "is not a .py file"),
        ('{{ run("topic/file.py", raises=ValueError) }}', "must be a quoted string"),
        ('{{ run("topic/file.py" }}', "cannot read this directive"),
        ('{{ run("a.py", "b.py") }}', "expected one quoted snippet path"),
        ('Text before {{ run("topic/file.py") }}', "a run directive must stand alone on its line"),
        (
            'See {{ diagram("topic/file.py", model="m") }}',
            "a diagram directive must stand alone on its line; write it as {{ diagram(",
        ),
    ],
)
def test_malformed_directive_names_page_line_and_problem(line, problem):
    with pytest.raises(DirectiveError) as error:
        find_directives(f"# Title\n\n{line}\n", "docs/page.md")
    assert str(error.value).startswith("docs/page.md, line 3: ")
    assert problem in str(error.value)


def test_diagram_directive_names_the_variable_holding_the_model():
    [directive] = find_directives('{{ diagram("topic/file.py", model="net") }}', "p.md")
    assert (directive.kind, directive.path, directive.model) == ("diagram", "topic/file.py", "net")


def test_diagram_without_a_model_is_an_error():
    with pytest.raises(DirectiveError, match="missing option model"):
        find_directives('{{ diagram("topic/file.py") }}', "p.md")
