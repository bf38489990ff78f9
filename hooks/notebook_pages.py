"""Each page's notebook in the built site: its file, its place in the nav, and the
links under the page's title. MkDocs glue, kept out of the hook's switchboard."""

import posixpath
import shutil
import tempfile
from pathlib import Path

from mkdocs.structure.files import File

from snippet_engine.links import colab_url, notebook_links_markdown
from snippet_engine.site import NOTEBOOKS_FOLDER, notebook_path


class NotebookPages:
    """The notebooks of one build. mkdocs-jupyter renders a notebook only from a real
    file, so they are written to a folder of their own, removed after the build."""

    def __init__(self):
        self.by_page: dict[str, str] = {}
        self.folder: str | None = None
        self.colab_branch = ""

    def publish(self, notebooks: dict[str, tuple[str, bytes]], files, config, colab_branch: str) -> None:
        """Add each {page: (title, bytes)} as a notebook file, and a Notebooks section to the nav.
        `colab_branch` is the branch the deploy workflow pushes the published notebooks to."""
        self.remove_folder()
        self.colab_branch = colab_branch
        self.by_page.clear()
        if not notebooks:
            return
        self.folder = tempfile.mkdtemp(prefix="notebooks-")
        section = []
        for page, (title, content) in sorted(notebooks.items(), key=lambda item: nav_position(config.nav, item[0])):
            path = notebook_path(page)
            target = Path(self.folder, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            files.append(File(path, self.folder, config.site_dir, config.use_directory_urls))
            section.append({title: path})
            self.by_page[page] = path
        if config.nav is not None:  # without a nav, MkDocs lists every page by itself
            config.nav.append({"Notebooks": section})

    def is_notebook(self, src_uri: str) -> bool:
        return src_uri in self.by_page.values()

    def with_links(self, markdown: str, page, config) -> str:
        """The page with links to its notebook under its title, when it has one: the file
        mkdocs-jupyter publishes beside the rendered notebook, and Colab (from GitHub)."""
        notebook = self.by_page.get(page.file.src_uri)
        if not notebook or not config.repo_url:
            return markdown
        rendered = notebook.removesuffix(".ipynb") + ("/" if config.use_directory_urls else "")
        download = posixpath.relpath(posixpath.join(rendered, posixpath.basename(notebook)), page.url or ".")
        on_branch = notebook.removeprefix(f"{NOTEBOOKS_FOLDER}/")
        links = notebook_links_markdown(download, colab_url(on_branch, config.repo_url, self.colab_branch))
        return under_title(markdown, links)

    def remove_folder(self) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def published_notebooks(site_dir: Path) -> dict[str, Path]:
    """The notebooks of a built site, by the page they come from ("building-models/sequential.ipynb"):
    mkdocs-jupyter publishes notebooks/<page>.ipynb as notebooks/<page>/<name>.ipynb beside its
    rendering. The deploy workflow flattens them the same way onto the notebooks branch."""
    folder = site_dir / NOTEBOOKS_FOLDER
    return {
        source.parent.relative_to(folder).as_posix() + ".ipynb": source
        for source in sorted(folder.rglob("*.ipynb"))
        if source.stem == source.parent.name
    }


def under_title(markdown: str, addition: str) -> str:
    """The page with `addition` right after its first line when that is a title, else first."""
    title, _, rest = markdown.partition("\n")
    return f"{title}\n\n{addition}{rest}" if title.startswith("# ") else f"{addition}\n{markdown}"


def nav_position(nav, page: str) -> int:
    """Where a page stands in the nav of mkdocs.yml, read depth first (last when absent)."""
    flat = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            walk(value) if isinstance(value, list) else flat.append(value)

    walk(nav or [])
    return flat.index(page) if page in flat else len(flat)
