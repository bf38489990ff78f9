"""The links under each snippet's code block (scripts/snippet_links.py)."""

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from snippet_engine.links import CSS_CLASS, branch_from_edit_uri, colab_url, links_markdown

REPO_URL = "https://github.com/owner/project"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list"])


def test_links_point_at_the_file_in_the_repository_and_its_download():
    html = render(links_markdown("building_models/seed_sequential.py", REPO_URL + "/", "main"))
    assert f'<p class="{CSS_CLASS}" data-search-exclude>' in html  # the same on every page: not searched
    assert 'href="https://github.com/owner/project/blob/main/snippets/building_models/seed_sequential.py"' in html
    assert 'href="/snippets/building_models/seed_sequential.py"' in html
    assert 'download="seed_sequential.py"' in html


def test_a_section_or_line_selection_links_the_whole_file():
    assert links_markdown("topic/file.py:build", REPO_URL) == links_markdown("topic/file.py", REPO_URL)
    assert links_markdown("topic/file.py:3:8", REPO_URL) == links_markdown("topic/file.py", REPO_URL)


def test_under_a_part_of_the_file_the_line_says_which_lines_and_what_copy_takes():
    html = render(links_markdown("topic/file.py:build", REPO_URL, shown_lines=(10, 25)))
    assert html.startswith(
        f'<p class="{CSS_CLASS}" data-search-exclude>Lines 10–25 of the file; the copy button copies the whole file'
    )
    assert html.count("<a ") == 2


@pytest.mark.parametrize("bad", ["/etc/passwd", "../secrets.py", ""])
def test_a_path_outside_snippets_is_refused(bad):
    with pytest.raises(ValueError, match="relative path under snippets/"):
        links_markdown(bad, REPO_URL)


def test_branch_comes_from_edit_uri():
    assert branch_from_edit_uri("edit/trunk/docs/") == "trunk"
    assert branch_from_edit_uri(None) == "main"


def build_mini_site(tmp_path: Path, publish_snippet: bool) -> subprocess.CompletedProcess:
    """A strict MkDocs build of one page showing the links, with or without the snippet published."""
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "guide" / "page.md").write_text(
        "# Page\n\n```python\nprint(1)\n```\n\n" + links_markdown("topic/example.py", REPO_URL), encoding="utf-8"
    )
    (tmp_path / "hooks.py").write_text(
        "from mkdocs.structure.files import File\n"
        "def on_files(files, config):\n"
        f"    if {publish_snippet}:\n"
        "        files.append(File.generated(config, 'snippets/topic/example.py', content='print(1)\\n'))\n"
        "    return files\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: mini\nsite_url: https://owner.github.io/project/\ntheme: mkdocs\nhooks: [hooks.py]\n"
        "validation:\n  absolute_links: relative_to_docs\nmarkdown_extensions: [attr_list]\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_download_link_becomes_relative_to_the_page_in_a_strict_build(tmp_path):
    result = build_mini_site(tmp_path, publish_snippet=True)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "guide" / "page" / "index.html").read_text(encoding="utf-8")
    assert '<a download="example.py" href="../../snippets/topic/example.py">Download</a>' in html
    assert (tmp_path / "site" / "snippets" / "topic" / "example.py").is_file()


def test_strict_build_fails_when_the_snippet_is_not_published(tmp_path):
    result = build_mini_site(tmp_path, publish_snippet=False)
    assert result.returncode != 0
    assert "snippets/topic/example.py" in result.stderr


def test_colab_opens_the_notebook_committed_on_the_branch():
    assert colab_url("notebooks/building-models/sequential.ipynb", "https://github.com/owner/repo/", "main") == (
        "https://colab.research.google.com/github/owner/repo/blob/main/notebooks/building-models/sequential.ipynb"
    )


def test_colab_needs_a_github_repository():
    with pytest.raises(ValueError, match="not a GitHub repository"):
        colab_url("notebooks/a.ipynb", "https://gitlab.com/owner/repo")
