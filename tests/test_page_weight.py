"""What a first visit to each page of the built site costs, beside a bare mkdocs-material page (issue 11).

Bytes, not timings: every file a page loads, compressed as GitHub Pages sends it (tests/page_weight.py
says what counts). The bare page is a one-page site of the theme alone, built by this venv as
`make bench` builds it for Lighthouse, so a theme upgrade moves both sides.
"""

import re
from pathlib import Path

import pytest
from bench import bare_material_site
from mkdocs.utils.yaml import yaml_load
from page_weight import Visit, first_visit

REPO = Path(__file__).resolve().parent.parent
SITE_URL = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
KB = 1024  # as `make bench` and Lighthouse count them
# Issue 11: each page transfers at most this much more than the bare theme's page.
BUDGET_OVER_BARE = 300 * KB
# What a page with a model diagram holds (src/snippet_engine/fences.py): an SVG drawn at build time.
DIAGRAM = '<div class="model-diagram-box">'
# Libraries that draw diagrams in the browser; a page without a diagram must not carry any of them.
DIAGRAM_CODE = re.compile(r"mermaid|dagre|elkjs|cytoscape|graphviz|viz\.js", re.IGNORECASE)


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Visit:
    site = bare_material_site(tmp_path_factory.mktemp("bare-material"))
    return first_visit(site, site / "index.html", SITE_URL)


@pytest.fixture(scope="module")
def visits(built_site) -> list[Visit]:
    """Every HTML page of the built site, 404.html and the Notebooks pages included."""
    pages = sorted(page for page in built_site.rglob("*.html") if "assets" not in page.relative_to(built_site).parts)
    return [first_visit(built_site, page, SITE_URL) for page in pages]


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def test_every_page_transfers_at_most_300_kb_more_than_a_bare_material_page(visits, bare):
    assert len(visits) >= 20, f"expected every page of the site, found {[visit.page for visit in visits]}"
    unmeasured = [f"{visit.page}: {url}" for visit in visits for url in visit.missing]
    assert not unmeasured, "pages load files the build did not make (their weight cannot be counted):\n" + "\n".join(
        unmeasured
    )
    problems = [
        f"{visit.page}: {kb(visit.transfer)}, {kb(visit.transfer - bare.transfer)} more than the bare page; "
        f"largest: {', '.join(f'{name} {kb(size)}' for name, size in heaviest(visit))}"
        for visit in visits
        if visit.transfer - bare.transfer > BUDGET_OVER_BARE
    ]
    assert not problems, (
        f"pages over budget: at most {kb(BUDGET_OVER_BARE)} more than the bare mkdocs-material page "
        f"({kb(bare.transfer)}, gzip-compressed as GitHub Pages sends it):\n" + "\n".join(problems)
    )


def heaviest(visit: Visit, count: int = 4) -> list[tuple[str, int]]:
    return sorted(visit.files.items(), key=lambda item: -item[1])[:count]


def test_no_page_loads_anything_from_another_host(visits):
    """Stylesheets, scripts, fonts, images, what the CSS names, what inline scripts import, and the Mermaid
    the theme would fetch for a `pre.mermaid` block: all of it comes from the site itself."""
    problems = [f"{visit.page}: {url}" for visit in visits for url in visit.elsewhere]
    assert not problems, "pages load from outside the site:\n" + "\n".join(problems)


def test_pages_without_a_diagram_carry_no_diagram_code(visits, built_site, bare):
    """Diagrams are SVG drawn at build time; the theme's own script (the bare page runs it too) aside,
    a page without one runs and names no diagram library, inline or as a file."""
    theme = set(bare.scripts.values())
    without = [visit for visit in visits if DIAGRAM not in (built_site / visit.page).read_text(encoding="utf-8")]
    assert 0 < len(without) < len(visits), "expected pages with model diagrams and pages without"
    problems = [
        f"{visit.page}: {where} names {', '.join(sorted({m.group().lower() for m in DIAGRAM_CODE.finditer(text)}))}"
        for visit in without
        for where, text in [*visit.scripts.items(), *((url, url) for url in visit.elsewhere)]
        if text not in theme and DIAGRAM_CODE.search(text)
    ]
    assert not problems, "pages without a diagram carry diagram code:\n" + "\n".join(problems)
