"""The site's notebooks: one per tutorial page, equal to the page of the same build, runnable; and
their pages on the site, light, and looking as they did (the cue that an output scrolls: test_browser.py)."""

import functools
import json
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mkdocs_jupyter
import nbclient
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from forked_processes import Forks
from notebook_pages import STYLESHEET, nav_sections, published_notebooks
from test_browser import CONFIG, PHONE, browser, open_page, site_url  # noqa: F401 (fixtures)

from snippet_engine.directives import find_directives
from snippet_engine.selections import SECTION_MARKER
from snippet_engine.site import NOTEBOOKS_FOLDER
from snippet_engine.wording import wording


def built_notebooks(site: Path) -> dict[str, bytes]:
    """{"building-models/sequential.ipynb": bytes} for each notebook the build published."""
    return {name: source.read_bytes() for name, source in published_notebooks(site).items()}


def pages_with_snippets() -> dict[str, list[str]]:
    """{"building-models/sequential.md": [snippet paths in the order first shown]}, for the pages of
    the site's first language (test_editions.py holds the translations' notebooks to these)."""
    translations = {edition["language"] for edition in CONFIG["extra"]["editions"][1:]}
    pages = {}
    for page in sorted((REPO / "docs").rglob("*.md")):
        name = page.relative_to(REPO / "docs").as_posix()
        if name.split("/", 1)[0] in translations:
            continue
        paths = [d.path for d in find_directives(page.read_text(encoding="utf-8"), name) if d.kind == "run"]
        if paths:
            pages[name] = list(dict.fromkeys(paths))
    return pages


@pytest.mark.parametrize("page", sorted(pages_with_snippets()))
def test_notebook_holds_the_pages_snippets_in_order_with_the_pages_outputs(page, built_site, page_outputs):
    notebook = nbformat.reads(built_notebooks(built_site)[page.removesuffix(".md") + ".ipynb"].decode(), as_version=4)
    nbformat.validate(notebook)
    snippet_cells = [cell for cell in notebook.cells if cell.cell_type == "code"][1:]  # after the set-up cell
    snippets = pages_with_snippets()[page]
    assert [cell.source for cell in snippet_cells] == [_without_markers(REPO / "snippets" / path) for path in snippets]
    for cell, path in zip(snippet_cells, snippets, strict=True):
        shown = page_outputs[f"snippets/{path}"][0].rstrip("\n")
        printed = "".join(output.text for output in cell.outputs if output.get("name") == "stdout").rstrip("\n")
        errors = [output for output in cell.outputs if output.output_type == "error"]
        if errors:
            assert shown.startswith(printed) and errors[0].ename in shown and "raises-exception" in cell.metadata.tags
        else:
            assert printed == shown


def test_the_site_shows_no_set_up_code_on_notebook_pages_but_the_download_has_it(built_site):
    published = published_notebooks(built_site)
    assert published
    for source in published.values():
        assert "start_like_the_site_build" in source.read_text(encoding="utf-8")
        rendered = (source.parent / "index.html").read_text(encoding="utf-8")
        # The page tells how to turn the set-up off, by its function's name; its code stays out
        # (read as shown: highlighting could put the words of a line in separate spans).
        shown = BeautifulSoup(rendered, "html.parser").get_text()
        assert "def start_like_the_site_build" not in shown
        assert "so layer names and numbers match" in shown


# The links under a page's title (snippet_engine.links.notebook_links_markdown): one paragraph.
NOTEBOOK_LINKS = re.compile(r'<p class="notebook-links"[^>]*>.*?</p>')


@pytest.mark.parametrize("edition", ["", "ko"])
def test_a_notebook_page_links_its_file_and_colab_under_its_title_as_its_tutorial_page_does(built_site, edition):
    """A reader of the notebook on the site gets it as the tutorial page offers it: the file beside
    the page, and the same Colab address; the tutorial page links to the notebook's page, and the
    title cell back to the tutorial page.
    (The pages are large: only the parts looked at are parsed.)"""
    site = built_site / edition
    published = published_notebooks(site)
    assert published
    for page, source in published.items():
        rendered = (source.parent / "index.html").read_text(encoding="utf-8")
        tutorial = (site / page.removesuffix(".ipynb") / "index.html").read_text(encoding="utf-8")
        [links] = NOTEBOOK_LINKS.findall(rendered)
        title_end = rendered.index("</h1>", rendered.index("<article")) + len("</h1>")
        assert rendered.startswith(links, title_end), f"{page}: the links are not right under the title"
        download, colab = BeautifulSoup(links, "html.parser").select("a")
        assert download.get("href") == source.name and download.has_attr("download")
        [tutorial_links] = NOTEBOOK_LINKS.findall(tutorial)
        view, tutorial_download, tutorial_colab = BeautifulSoup(tutorial_links, "html.parser").select("a")
        assert colab["href"] == tutorial_colab["href"]
        # From the tutorial page: the notebook's page on the site, and the same file.
        notebook_page = source.parent.relative_to(site).as_posix() + "/"
        tutorial_page = page.removesuffix(".ipynb") + "/"
        assert posixpath.normpath(posixpath.join(tutorial_page, view["href"])) + "/" == notebook_page
        assert posixpath.normpath(posixpath.join(tutorial_page, tutorial_download["href"])) == (
            notebook_page + source.name
        )
        # The notebook links to its page by its full address (Colab needs it); the site's view of
        # it, relatively (it leads to the same build, under `mkdocs serve` too).
        address = CONFIG["site_url"] + (f"{edition}/" if edition else "") + tutorial_page
        assert f"]({address})" in source.read_text(encoding="utf-8"), f"{page}: no link back to {address}"
        relative = posixpath.relpath(tutorial_page, notebook_page) + "/"
        assert f'<a href="{relative}">' in rendered, f"{page}: no link back to {relative}"


@pytest.mark.parametrize("edition", ["", "ko"])
def test_the_notebooks_tab_opens_a_page_listing_every_notebook_in_nav_order_with_its_links(built_site, edition):
    site = built_site / edition
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = wording(edition or "en").notebooks_section
    [tab] = [link for link in home.select("a.md-tabs__link") if link.get_text(strip=True) == section]
    assert posixpath.normpath(tab["href"]) == NOTEBOOKS_FOLDER
    overview = BeautifulSoup((site / NOTEBOOKS_FOLDER / "index.html").read_text(encoding="utf-8"), "html.parser")
    published = published_notebooks(site)
    listed = []
    for item in overview.select("article h2 ~ ul > li"):  # the lists of the sections, not the text above
        notebook, tutorial, download, colab = item.select("a")
        page = posixpath.normpath(posixpath.join(NOTEBOOKS_FOLDER, tutorial["href"])) + ".ipynb"
        listed.append(page)
        assert posixpath.normpath(posixpath.join(NOTEBOOKS_FOLDER, notebook["href"])) == (
            published[page].parent.relative_to(site).as_posix()
        )
        assert (site / NOTEBOOKS_FOLDER / download["href"]).resolve() == published[page].resolve()
        [links] = NOTEBOOK_LINKS.findall((published[page].parent / "index.html").read_text(encoding="utf-8"))
        assert colab["href"] == BeautifulSoup(links, "html.parser").select("a")[-1]["href"]
    nav_order = [page.removesuffix(".md") + ".ipynb" for page in nav_sections(CONFIG["nav"])]
    assert listed == [page for page in nav_order if page in published]
    assert set(listed) == set(published)


# mkdocs-material's footer: the links to the previous and the next page.
FOOTER_LINK = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(?:prev|next)"')


@pytest.mark.parametrize("edition", ["", "ko"])
def test_the_footer_leads_from_tutorial_pages_to_tutorial_pages_and_from_notebooks_to_notebooks(built_site, edition):
    """The notebook pages have the titles of the tutorial pages: the last tutorial page's Next led
    to the first notebook, which read as going back to the start. The page listing the notebooks
    leads to the first of them."""
    site = built_site / edition
    notebooks = {source.parent.resolve() for source in published_notebooks(site).values()}
    notebooks.add((site / NOTEBOOKS_FOLDER).resolve())
    pages = [
        page.parent.resolve() for page in site.rglob("index.html") if edition or page.relative_to(site).parts[0] != "ko"
    ]
    links, crossings = 0, []
    for page in pages:
        for href in FOOTER_LINK.findall((page / "index.html").read_text(encoding="utf-8")):
            links += 1
            if ((page / href).resolve() in notebooks) != (page in notebooks):
                crossings.append(f"{page.relative_to(site.resolve())} -> {href}")
    assert links > len(pages), "expected a Previous or a Next link on every page"
    assert not crossings, "the footer crosses between tutorial pages and notebooks:\n" + "\n".join(crossings)


@pytest.fixture
def forked_kernel(tmp_path, monkeypatch) -> str:
    """A kernel spec whose kernels are forks of a process that imported TensorFlow once
    (forked_processes.py); Jupyter finds it through JUPYTER_PATH. Its name."""
    forks = Forks(tmp_path / "forks", dict(os.environ))
    spec = tmp_path / "jupyter" / "kernels" / "python3-forked"
    spec.mkdir(parents=True)
    argv = [str(forks.launcher), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3 (forked)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    yield spec.name
    forks.close()


def test_notebooks_run_top_to_bottom_in_a_fresh_kernel(built_site, tmp_path, forked_kernel):
    notebooks = sorted(published_notebooks(built_site).values())
    assert notebooks
    folders = [tmp_path / str(index) for index, _ in enumerate(notebooks)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(functools.partial(_execute, kernel=forked_kernel), notebooks, folders))


def _execute(path: Path, workdir: Path, kernel: str) -> None:
    """Run every cell in a new kernel, in an empty folder (snippets save models and figures)."""
    workdir.mkdir()
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name=kernel, resources={"metadata": {"path": str(workdir)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"{path.name} stops with an error:\n{error}", pytrace=False)


def _without_markers(snippet: Path) -> str:
    lines = snippet.read_text(encoding="utf-8").rstrip("\n").split("\n")
    return "\n".join(line for line in lines if not SECTION_MARKER.search(line))


# --- The notebook pages on the site ------------------------------------------------------------

# What mkdocs-jupyter puts inline in every notebook page: JupyterLab's stylesheet and its theme's.
JUPYTERLAB_STYLES = [
    Path(mkdocs_jupyter.__file__).parent / "templates" / "mkdocs_html" / "assets" / name
    for name in ("index.css", "theme-light.css")
]


def notebook_pages(site: Path) -> list[Path]:
    """The rendered page of each notebook, beside the notebook it shows."""
    return [source.parent / "index.html" for source in published_notebooks(site).values()]


def test_notebook_pages_link_the_shared_stylesheet_and_inline_no_style_and_no_unused_script(built_site):
    shared = (built_site / STYLESHEET).resolve()
    pages = notebook_pages(built_site)
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        stylesheets = [(page.parent / link["href"]).resolve() for link in soup.head.select('link[rel="stylesheet"]')]
        assert shared in stylesheets, f"{page} does not link {STYLESHEET}"
        assert not soup.find_all("style"), f"{page} has inline styles"
        scripts = soup.select("article script")
        assert len(scripts) == 2 and all("clipboard-copy" in script.get_text() for script in scripts), (
            f"{page}: the notebook's scripts should be the copy button's two, found "
            + ", ".join(str(script)[:60] for script in scripts)
        )


def test_the_shared_stylesheet_is_a_small_part_of_jupyterlabs_and_defines_the_properties_it_uses(built_site):
    shared = (built_site / STYLESHEET).read_text(encoding="utf-8")
    original = "".join(path.read_text(encoding="utf-8") for path in JUPYTERLAB_STYLES)
    assert len(shared) < len(original) / 10, f"{STYLESHEET} keeps {len(shared)} of {len(original)} characters"
    used = set(re.findall(r"var\(\s*(--[\w-]+)", shared))
    defined = set(re.findall(r"(--[\w-]+)\s*:", shared))
    undefined = (used & set(re.findall(r"(--[\w-]+)\s*:", original))) - defined
    assert not undefined, f"{STYLESHEET} uses custom properties it dropped: {sorted(undefined)}"


# For each rule of the stylesheet passed in that an element of the page matches as the browser sees
# it (the theme's script has run), its selector if the page's stylesheet jupyterlab.css lacks it.
# Pseudo-elements are taken off the selector first (querySelector cannot match them); a state
# (:hover) matches nothing here, so such rules are not checked. Rules of custom properties only are
# kept or dropped by whether they are used: the test of the properties above checks those.
MISSING_RULES = r"""
(original) => {
  const style = document.createElement("style");
  style.textContent = original;
  document.head.append(style);
  style.sheet.disabled = true;
  const shared = [...document.styleSheets].find(sheet => sheet.href && sheet.href.endsWith("/jupyterlab.css"));
  const selectors = (rules, found) => {
    for (const rule of rules) {
      if (rule.selectorText !== undefined) found.push(rule);
      else if (rule.cssRules) selectors(rule.cssRules, found);
    }
    return found;
  };
  const kept = new Set(selectors(shared.cssRules, []).map(rule => rule.selectorText));
  const missing = [];
  for (const rule of selectors(style.sheet.cssRules, [])) {
    if ([...rule.style].every(name => name.startsWith("--")) || kept.has(rule.selectorText)) continue;
    const pseudoElements = /::?(before|after|placeholder|selection|-webkit-[\w-]+|-moz-[\w-]+)/g;
    const selector = rule.selectorText.replace(pseudoElements, "");
    try {
      if (document.querySelector(selector)) missing.push(rule.selectorText);
    } catch (error) {}  // a selector the browser cannot query (a vendor pseudo-class): not checked
  }
  style.remove();
  return missing;
}
"""


def test_every_rule_of_jupyterlabs_styles_that_an_element_of_a_notebook_page_matches_is_kept(
    browser,  # noqa: F811 (a fixture)
    site_url,  # noqa: F811
    built_site,
):
    original = "\n".join(path.read_text(encoding="utf-8") for path in JUPYTERLAB_STYLES)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    missing = []
    for page in notebook_pages(built_site):
        path = page.parent.relative_to(built_site).as_posix() + "/"
        open_page(tab, site_url + path)
        missing.extend(f"{path}: {selector}" for selector in tab.evaluate(MISSING_RULES, original))
    context.close()
    assert not missing, "rules dropped from the notebook stylesheet that elements match:\n" + "\n".join(missing)
