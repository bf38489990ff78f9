"""Internal links and #anchors of the built site all resolve (scripts/check_links.py)."""

from pathlib import Path

from check_links import check_site, site_url_from_config
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


def test_strict_build_turns_every_link_warning_into_an_error():
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    validation = config["validation"]
    for setting in ("omitted_files", "unrecognized_links", "anchors"):
        assert validation[setting] in ("warn", "error"), f"validation.{setting} must warn (strict makes it fail)"
    assert validation.get("not_found", "warn") == "warn"
    assert validation["absolute_links"] == "relative_to_docs"
