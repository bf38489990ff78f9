"""The Markdown of the Notebooks section's first page: what the notebooks are, then each one under
its tutorial's section, with its tutorial page, its download and Colab.

The build knows the addresses (snippet_engine has no idea of MkDocs' URLs); this module only
writes them down, in the nav's order, in the edition's words."""

import html
from dataclasses import dataclass

from .wording import ENGLISH, Wording


@dataclass(frozen=True)
class ListedNotebook:
    title: str
    # Relative to the overview page: its rendering's Markdown source, the tutorial page's source
    # (MkDocs resolves and checks both), and the file to download (HTML: MkDocs does not know it).
    notebook_page: str
    tutorial_page: str
    download: str
    colab: str


def index_markdown(sections: list[tuple[str | None, list[ListedNotebook]]], words: Wording = ENGLISH) -> str:
    """The page: a title, what a notebook holds, then each section's notebooks (a section without
    a title lists its notebooks first, under no heading)."""
    # Titled as in the nav, and so in the browser's tab.
    lines = [f"# {words.all_notebooks}", "", words.notebooks_overview, ""]
    for title, notebooks in sections:
        if title:
            # In HTML, which the table of contents leaves out: with the theme's toc.integrate it
            # would list these headings under the page, right above the same sections of the nav.
            lines += [f"<h2>{html.escape(title)}</h2>", ""]
        lines += [_item(notebook, words) for notebook in notebooks]
        lines.append("")
    return "\n".join(lines)


def _item(notebook: ListedNotebook, words: Wording) -> str:
    links = [
        f"[{words.tutorial_page}]({notebook.tutorial_page})",
        f'<a href="{notebook.download}" download>{words.download_notebook}</a>',
    ]
    if notebook.colab:  # Colab opens notebooks from GitHub: none without the repository's address
        links.append(f'<a href="{notebook.colab}">{words.open_in_colab}</a>')
    return f"- [{notebook.title}]({notebook.notebook_page}): " + " · ".join(links)
