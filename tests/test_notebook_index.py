from snippet_engine.notebook_index import ListedNotebook, index_markdown
from snippet_engine.wording import ENGLISH, KOREAN


def listed(title: str, colab: str = "https://colab.example/n.ipynb") -> ListedNotebook:
    name = title.lower()
    return ListedNotebook(title, f"part/{name}.ipynb", f"../part/{name}.md", f"part/{name}/{name}.ipynb", colab)


def listing(markdown: str) -> str:
    """The page below its title and the text that says what a notebook holds (a list of its own)."""
    head = f"# {ENGLISH.all_notebooks}\n\n{ENGLISH.notebooks_overview}\n"
    assert markdown.startswith(head)
    return markdown.removeprefix(head)


def test_each_notebook_is_listed_under_its_section_in_order_with_its_three_links():
    markdown = index_markdown([("Part one", [listed("First"), listed("Second")]), ("Part two", [listed("Third")])])
    lines = listing(markdown).splitlines()
    assert lines.index("<h2>Part one</h2>") < lines.index("<h2>Part two</h2>")
    items = [line for line in lines if line.startswith("- ")]
    assert [item.split("]")[0] for item in items] == ["- [First", "- [Second", "- [Third"]
    assert items[0] == (
        "- [First](part/first.ipynb): [Tutorial page](../part/first.md) · "
        '<a href="part/first/first.ipynb" download>Download notebook</a> · '
        '<a href="https://colab.example/n.ipynb">Open in Colab</a>'
    )


def test_notebooks_outside_any_section_come_under_no_heading_and_without_colab_no_colab_link():
    markdown = listing(index_markdown([(None, [listed("Alone", colab="")])]))
    assert "<h2>" not in markdown
    assert markdown.count("\n- ") == 1 and "Open in Colab" not in markdown


def test_the_page_is_in_the_editions_words():
    markdown = index_markdown([("1부", [listed("First")])], KOREAN)
    assert markdown.startswith(f"# {KOREAN.all_notebooks}\n\n{KOREAN.notebooks_overview}\n")
    assert f"[{KOREAN.tutorial_page}]" in markdown and KOREAN.open_in_colab in markdown
