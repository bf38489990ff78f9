"""The site's notebooks: one per tutorial page, equal to the page of the same build, runnable."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbclient
import nbformat
import pytest
from built_pages import shown_outputs
from conftest import REPO
from notebook_pages import published_notebooks

from snippet_engine.directives import find_directives
from snippet_engine.selections import SECTION_MARKER


def built_notebooks(site: Path) -> dict[str, bytes]:
    """{"building-models/sequential.ipynb": bytes} for each notebook the build published."""
    return {name: source.read_bytes() for name, source in published_notebooks(site).items()}


def pages_with_snippets() -> dict[str, list[str]]:
    """{"building-models/sequential.md": [snippet paths in the order first shown]}."""
    pages = {}
    for page in sorted((REPO / "docs").rglob("*.md")):
        name = page.relative_to(REPO / "docs").as_posix()
        paths = [d.path for d in find_directives(page.read_text(encoding="utf-8"), name) if d.kind == "run"]
        if paths:
            pages[name] = list(dict.fromkeys(paths))
    return pages


@pytest.mark.parametrize("page", sorted(pages_with_snippets()))
def test_notebook_holds_the_pages_snippets_in_order_with_the_pages_outputs(page, built_site):
    notebook = nbformat.reads(built_notebooks(built_site)[page.removesuffix(".md") + ".ipynb"].decode(), as_version=4)
    nbformat.validate(notebook)
    snippet_cells = [cell for cell in notebook.cells if cell.cell_type == "code"][1:]  # after the set-up cell
    snippets = pages_with_snippets()[page]
    assert [cell.source for cell in snippet_cells] == [_without_markers(REPO / "snippets" / path) for path in snippets]
    page_outputs = shown_outputs(built_site)
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
        assert "start_like_the_site_build" not in rendered
        assert "the same layer names and numbers" in rendered


def test_notebooks_run_top_to_bottom_in_a_fresh_kernel(built_site, tmp_path):
    notebooks = sorted(published_notebooks(built_site).values())
    assert notebooks
    folders = [tmp_path / str(index) for index, _ in enumerate(notebooks)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(_execute, notebooks, folders))


def _execute(path: Path, workdir: Path) -> None:
    """Run every cell in a new kernel, in an empty folder (snippets save models and figures)."""
    workdir.mkdir()
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"{path.name} stops with an error:\n{error}", pytrace=False)


def _without_markers(snippet: Path) -> str:
    lines = snippet.read_text(encoding="utf-8").rstrip("\n").split("\n")
    return "\n".join(line for line in lines if not SECTION_MARKER.search(line))
