"""The real site, built cold, warm and elsewhere: strict, deterministic, showing every output."""

import filecmp
from pathlib import Path

from conftest import REPO

from snippet_engine.project_tree import shown_snippets

TABLE_BORDER = "┏┃┡│├└"


def test_warm_build_from_the_cache_is_byte_identical_to_the_cold_build(builds):
    assert_same_files(builds.cold, builds.warm)


def test_build_in_another_folder_is_byte_identical(builds):
    assert_same_files(builds.cold, builds.elsewhere)


def test_built_site_holds_no_path_of_the_build_machine(builds):
    for site in (builds.cold, builds.elsewhere):
        repo = str(site.parent)
        leaks = [str(path) for path in site.rglob("*") if path.is_file() and repo.encode() in path.read_bytes()]
        assert leaks == []


def assert_same_files(first: Path, second: Path) -> None:
    first_files = sorted(str(path.relative_to(first)) for path in first.rglob("*") if path.is_file())
    second_files = sorted(str(path.relative_to(second)) for path in second.rglob("*") if path.is_file())
    assert first_files == second_files
    _, mismatch, errors = filecmp.cmpfiles(first, second, first_files, shallow=False)
    assert mismatch == [] and errors == []


def test_every_snippet_a_page_names_is_shown_with_its_output(page_outputs):
    shown = page_outputs
    expected = set(shown_snippets(REPO))
    assert expected and expected <= set(shown)
    assert all(all(outputs) for name, outputs in shown.items() if name in expected), "an Output block is missing"


def test_no_summary_table_is_cropped_or_cut(site_output_texts):
    texts = site_output_texts
    assert any("Total params" in text for _, text in texts)
    for page, text in texts:
        for table in _tables(text):
            assert "…" not in "".join(table), f"a cell is cut with … on {page}"
            widths = {len(line) for line in table}
            assert len(widths) == 1, f"a table on {page} has lines of different widths: {widths}"
            assert widths.pop() <= 100


def test_the_section_markers_about_the_outputs_explains_are_shown(built_site):
    """pymdownx.snippets drops a Markdown line that holds a section marker, prose included: the page
    writes the markers as HTML, and a reader sees them."""
    for page in ("about-the-outputs", "ko/about-the-outputs"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert "<code># --8&lt;-- [start:lesson]</code>" in html, f"{page} lost its section marker line"
        assert "<code># --8&lt;-- [end:lesson]</code>" in html, f"{page} lost its section marker line"


def test_each_snippet_is_published_for_download(built_site):
    for name in shown_snippets(REPO):
        assert (built_site / name).read_bytes() == (REPO / name).read_bytes()


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines():
        if line[:1] in TABLE_BORDER and line:
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables + ([current] if current else [])
