"""The links under each snippet's code block (scripts/snippet_links.py)."""

import sys
from pathlib import Path

import markdown
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from snippet_links import CSS_CLASS, branch_from_edit_uri, links_markdown  # noqa: E402

REPO_URL = "https://github.com/owner/project"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list"])


def test_links_point_at_the_file_in_the_repository_and_its_download():
    html = render(links_markdown("building_models/seed_sequential.py", REPO_URL + "/", "main"))
    assert f'<p class="{CSS_CLASS}">' in html
    assert 'href="https://github.com/owner/project/blob/main/snippets/building_models/seed_sequential.py"' in html
    assert 'href="/snippets/building_models/seed_sequential.py"' in html
    assert 'download="seed_sequential.py"' in html


def test_a_section_or_line_selection_links_the_whole_file():
    assert links_markdown("topic/file.py:build", REPO_URL) == links_markdown("topic/file.py", REPO_URL)
    assert links_markdown("topic/file.py:3:8", REPO_URL) == links_markdown("topic/file.py", REPO_URL)


@pytest.mark.parametrize("bad", ["/etc/passwd", "../secrets.py", ""])
def test_a_path_outside_snippets_is_refused(bad):
    with pytest.raises(ValueError, match="relative path under snippets/"):
        links_markdown(bad, REPO_URL)


def test_branch_comes_from_edit_uri():
    assert branch_from_edit_uri("edit/trunk/docs/") == "trunk"
    assert branch_from_edit_uri(None) == "main"


def test_mkdocs_yml_edit_uri_names_the_branch_links_use():
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text())
    assert config["edit_uri"].startswith("edit/")
    assert branch_from_edit_uri(config["edit_uri"]) == "main"
