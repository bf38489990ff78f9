"""The line under each snippet's code block: view it in the repository, download it.

Contract with the snippet pipeline (scripts/mkdocs_hooks.py):

1. After the code block of a snippet, put the Markdown that
   `links_markdown(path, config.repo_url, branch_from_edit_uri(config.edit_uri))`
   returns, after a blank line and with the same indentation as the code block
   (inside a content tab that is four spaces). `path` is the file's path under
   snippets/, without a ":section" or ":3:8" selection.
2. Publish every shown snippet file at snippets/<path> as a MkDocs File added
   in `on_files` (SiteSnippets.generated_files does). MkDocs then resolves and
   checks the download links: mkdocs.yml has
   `validation.absolute_links: relative_to_docs`, so "/snippets/..." is made
   relative to each page, and a missing file fails the strict build.

Only `repo_url` and `edit_uri` in mkdocs.yml say where the repository is; the
links are built from them, never typed.
"""

from pathlib import PurePosixPath
from urllib.parse import quote

from .wording import ENGLISH, Wording

CSS_CLASS = "snippet-links"
SNIPPETS_DIR = "snippets"


def _file_path(snippet_path: str) -> PurePosixPath:
    """The snippet's file path under snippets/, without a section or line selection."""
    path = PurePosixPath(snippet_path.split(":", 1)[0])
    if path.is_absolute() or ".." in path.parts or not path.name:
        raise ValueError(
            f"snippet path {snippet_path!r} must be a relative path under {SNIPPETS_DIR}/, "
            "like 'building_models/seed_sequential.py'"
        )
    return path


def links_markdown(
    snippet_path: str,
    repo_url: str,
    branch: str = "main",
    words: Wording = ENGLISH,
    shown_lines: tuple[int, int] | None = None,
) -> str:
    """Markdown for the line under a snippet's code block.

    A paragraph of class CSS_CLASS with two links: the file in the repository
    at `branch`, and the copy of the file served with the site, which the
    browser downloads under the file's own name. Under a block that shows only
    `shown_lines` (first, last) of the file, it first says so, and that the copy
    button copies the whole file.
    """
    path = _file_path(snippet_path)
    if not repo_url:
        raise ValueError("repo_url is empty: set repo_url in mkdocs.yml")
    view_url = f"{repo_url.rstrip('/')}/blob/{quote(branch)}/{SNIPPETS_DIR}/{quote(str(path))}"
    download_url = f"/{SNIPPETS_DIR}/{quote(str(path))}"
    part = words.part_of_file.format(first=shown_lines[0], last=shown_lines[1]) + " · " if shown_lines else ""
    return (
        f"{part}[{words.view_in_repository.format(name=path.name)}]({view_url}) · "
        f'[{words.download}]({download_url}){{ download="{path.name}" }}\n'
        f"{{ .{CSS_CLASS} data-search-exclude }}\n"
    )


def colab_url(notebook_path: str, repo_url: str, branch: str = "main") -> str:
    """Colab's address for a notebook on `branch` of the GitHub repository at `repo_url`."""
    repository = repo_url.rstrip("/").removeprefix("https://github.com/")
    if repository == repo_url.rstrip("/") or repository.count("/") != 1:
        raise ValueError(f"repo_url {repo_url!r} is not a GitHub repository address: Colab opens notebooks from GitHub")
    return f"https://colab.research.google.com/github/{repository}/blob/{quote(branch)}/{quote(notebook_path)}"


def notebook_links_markdown(download_url: str, colab: str, words: Wording = ENGLISH, view_url: str = "") -> str:
    """The line under a page's title: view its notebook on the site (from the tutorial page, where
    `view_url` is given), download it, or open it in Colab."""
    view = f'<a href="{view_url}">{words.view_notebook}</a> · ' if view_url else ""
    return (
        # The same words on every page: searching for them should find pages, not these links.
        f'<p class="notebook-links" data-search-exclude>{view}'
        f'<a href="{download_url}" download>{words.download_notebook}</a> · '
        f'<a href="{colab}">{words.open_in_colab}</a></p>\n'
    )


def branch_from_edit_uri(edit_uri: str | None, default: str = "main") -> str:
    """The branch named in an edit_uri such as "edit/main/docs/" (GitHub's form)."""
    parts = [part for part in (edit_uri or "").split("/") if part]
    if len(parts) >= 2 and parts[0] in ("edit", "blob", "tree"):
        return parts[1]
    return default
