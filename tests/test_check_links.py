"""Internal links and #anchors of the built site all resolve (scripts/check_links.py)."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from check_links import check_site, site_url_from_config
from conftest import build_environment
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parent.parent

SITE_URL = "https://owner.github.io/project/"


def test_every_internal_link_and_anchor_of_the_built_site_resolves(built_site):
    problems = check_site(built_site, site_url_from_config())
    assert not problems, "broken links in the built site:\n" + "\n".join(problems)


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_checker_reports_missing_pages_and_anchors_and_accepts_good_links(tmp_path):
    write(
        tmp_path / "index.html",
        '<h1 id="top">Home</h1><a href="guide/#setup">ok</a><a href="guide/#nowhere">bad anchor</a>',
    )
    write(
        tmp_path / "guide" / "index.html",
        '<h2 id="setup">Setup</h2><a href="../">home</a><a href="../missing/">gone</a>'
        '<a href="https://owner.github.io/project/guide/#setup">full address</a>'
        '<a href="https://example.org/x">other host</a><script src="../assets/app.js"></script>',
    )
    write(tmp_path / "404.html", '<a href="/project/">home</a><a href="/elsewhere/">outside</a>')

    problems = check_site(tmp_path, SITE_URL)

    assert len(problems) == 4, problems
    assert any("guide/#nowhere" in p and "no element with id 'nowhere'" in p for p in problems)
    assert any("../missing/" in p and "no such file" in p for p in problems)
    assert any("assets/app.js" in p and "no such file" in p for p in problems)
    assert any("/elsewhere/" in p and "outside the site's path" in p for p in problems)


@pytest.mark.parametrize(
    "link, complaint",
    [
        ("other.md#nowhere", "does not contain an anchor '#nowhere'"),
        ("missing.md", "'missing.md'"),
        ("/missing/", "/missing/"),
    ],
)
def test_the_sites_own_settings_fail_a_build_on_a_broken_link(tmp_path, link, complaint):
    real = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {"site_name": "Links", "strict": real["strict"], "validation": real["validation"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Home\n\n[a link]({link}) and [a good one](other.md#there)\n")
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n## There\n")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True, env=build_environment()
    )
    assert build.returncode == 1, build.stderr
    assert complaint in build.stderr
