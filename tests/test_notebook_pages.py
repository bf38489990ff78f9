from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from notebook_pages import STYLESHEET, NotebookPages, nav_sections, under_title

NAV = [{"Home": "index.md"}, {"Guide": [{"First": "guide/first.md"}, {"Second": "guide/second.md"}]}, "about.md"]


def test_pages_are_listed_in_nav_order_depth_first_with_their_top_level_section():
    assert list(nav_sections(NAV).items()) == [
        ("index.md", None),
        ("guide/first.md", "Guide"),
        ("guide/second.md", "Guide"),
        ("about.md", None),
    ]
    assert nav_sections(None) == {}


def test_links_go_right_under_the_title():
    assert under_title("# Title\n\nText.", "LINKS\n") == "# Title\n\nLINKS\n\nText."
    assert under_title("Text without a title.", "LINKS\n") == "LINKS\n\nText without a title."


# --- The rendered notebook pages, made light -----------------------------------------------------

STYLES = "<style>.jupyter-wrapper .jp-Cell{margin:0}.jupyter-wrapper .jp-Dialog{margin:0}</style>"


def rendered(styles: str = STYLES) -> str:
    """A notebook page's content as mkdocs-jupyter renders it, in short."""
    return f'{styles}<div class="jupyter-wrapper"><div class="jp-Cell">x</div></div>'


def whole_page(content: str) -> str:
    """A page as mkdocs-material lays it out around its content, in short."""
    return f'<html><head>\n</head><body>\n<article class="md-typeset">{content}</article></body></html>'


@pytest.fixture
def published(tmp_path):
    """NotebookPages after publishing the notebook of guide/first.md, with the real MkDocs objects of
    a small site, and that notebook's page."""
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "guide" / "first.md").write_text("# First\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Small\nnav:\n  - First: guide/first.md\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([])
    notebooks = NotebookPages()
    notebooks.publish({"guide/first.md": ("First", b"{}")}, files, config, "notebooks")
    yield notebooks, config, Page("First", files.get_file_from_path("notebooks/guide/first.ipynb"), config)
    notebooks.remove_folder()


def test_a_notebook_page_links_the_shared_stylesheet_from_where_it_is(published):
    notebooks, config, page = published
    content = notebooks.light(rendered(), page, config)
    assert "<style" not in content
    html = notebooks.with_stylesheet(whole_page(content), page)
    assert '<link rel="stylesheet" href="../../assets/css/jupyterlab.css">\n</head>' in html


def titled(html: str) -> str:
    return html.replace('<div class="jp-Cell">x</div>', '<div class="jp-Cell"><h1 id="first">First</h1><p>x</p></div>')


def test_a_notebook_page_gets_the_links_of_its_tutorial_page_right_under_its_title(published):
    notebooks, config, page = published
    config.repo_url = "https://github.com/owner/repo/"
    page.file.url = "notebooks/guide/first/"  # where mkdocs-jupyter publishes the rendered notebook
    html = notebooks.light(titled(rendered()), page, config)
    links = (
        '<p class="notebook-links" data-search-exclude><a href="first.ipynb" download>Download notebook</a> · '
        '<a href="https://colab.research.google.com/github/owner/repo/blob/notebooks/guide/first.ipynb">'
        "Open in Colab</a></p>"
    )
    assert f'<h1 id="first">First</h1>{links}\n<p>x</p>' in html


def test_a_notebook_page_without_a_title_fails_the_build(published):
    notebooks, config, page = published
    config.repo_url = "https://github.com/owner/repo/"
    with pytest.raises(PluginError, match="notebooks/guide/first.ipynb: its rendered page has no title"):
        notebooks.light(rendered(), page, config)


def test_other_pages_are_left_as_they_are(published, tmp_path):
    notebooks, config, _ = published
    other = Page("First", File("guide/first.md", str(tmp_path / "docs"), config.site_dir, True), config)
    assert notebooks.light(rendered(), other, config) == rendered()
    assert notebooks.with_stylesheet(whole_page(rendered()), other) == whole_page(rendered())


def test_the_shared_stylesheet_holds_the_rules_the_notebook_pages_use(published, tmp_path):
    notebooks, config, page = published
    notebooks.with_stylesheet(whole_page(notebooks.light(rendered(), page, config)), page)
    notebooks.write_stylesheet(config.site_dir, tmp_path / "styles")
    written = Path(config.site_dir, STYLESHEET).read_text(encoding="utf-8")
    assert written == '@charset "UTF-8";\n.jupyter-wrapper .jp-Cell{margin:0}\n'


def test_no_notebook_page_no_stylesheet(published, tmp_path):
    notebooks, config, _ = published
    notebooks.write_stylesheet(config.site_dir, tmp_path / "styles")
    assert not Path(config.site_dir, STYLESHEET).exists()


def test_notebook_pages_with_other_styles_fail_the_build(published):
    notebooks, config, page = published
    notebooks.light(rendered(), page, config)
    with pytest.raises(PluginError, match="other inline styles than the notebook pages before it"):
        notebooks.light(rendered(STYLES + "<style>.jp-Widget{margin:0}</style>"), page, config)


def test_what_the_page_holds_that_the_module_does_not_know_fails_the_build(published):
    notebooks, config, page = published
    with pytest.raises(PluginError, match="notebooks/guide/first.ipynb: unexpected <script"):
        notebooks.light(rendered(STYLES + "<script>widgets()</script>"), page, config)


def test_a_new_build_starts_without_the_pages_of_the_last(published):
    """`mkdocs serve` rebuilds with the same NotebookPages: a page changed since must not fail."""
    notebooks, config, page = published
    notebooks.light(rendered(), page, config)
    notebooks.publish({"guide/first.md": ("First", b"{}")}, Files([]), config, "notebooks")
    notebooks.light(rendered(STYLES + "<style>.jp-Widget{margin:0}</style>"), page, config)


def test_the_notebooks_section_lists_them_in_nav_order_under_their_pages_sections(tmp_path):
    nav = "nav:\n  - About: about.md\n  - Guide:\n      - Second: guide/second.md\n      - First: guide/first.md\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Small\n" + nav, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    notebooks = NotebookPages()
    pages = {"guide/first.md": ("First", b"{}"), "about.md": ("About", b"{}"), "guide/second.md": ("Second", b"{}")}
    notebooks.publish(pages, Files([]), config, "notebooks")
    notebooks.remove_folder()
    assert config.nav[-1] == {
        "Notebooks": [
            {"All notebooks": "notebooks/index.md"},
            {"About": "notebooks/about.ipynb"},
            {"Guide": [{"Second": "notebooks/guide/second.ipynb"}, {"First": "notebooks/guide/first.ipynb"}]},
        ]
    }
