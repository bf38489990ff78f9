"""Each page's notebook in the built site: its file, its place in the nav, the links under the
page's title, and its rendered page made light. MkDocs glue, kept out of the hook's switchboard."""

import posixpath
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from snippet_engine.cache import ResultCache
from snippet_engine.links import colab_url, notebook_links_markdown
from snippet_engine.notebook_html import NotebookHtmlError, light_content, shared_stylesheet, with_stylesheet
from snippet_engine.notebook_index import ListedNotebook, index_markdown
from snippet_engine.site import NOTEBOOKS_FOLDER, notebook_path
from snippet_engine.wording import ENGLISH, Wording

# The styles of every notebook page, in one file written by the build (snippet_engine.notebook_html).
STYLESHEET = "assets/css/jupyterlab.css"
# The Notebooks section's first page, which lists them all (snippet_engine.notebook_index).
INDEX = f"{NOTEBOOKS_FOLDER}/index.md"


class NotebookPages:
    """The notebooks of one build. mkdocs-jupyter renders a notebook only from a real
    file, so they are written to a folder of their own, removed after the build."""

    def __init__(self):
        self.by_page: dict[str, str] = {}
        self.folder: str | None = None
        self.colab_branch = ""
        self.words = ENGLISH
        # Where this edition's notebooks are on the notebooks branch: "" or "<language>/".
        self.branch_folder = ""
        # The rendered notebook pages, made light, and the inline styles they all had.
        self.pages: list[str] = []
        self.styles: tuple[str, ...] | None = None

    def publish(
        self,
        notebooks: dict[str, tuple[str, bytes]],
        files,
        config,
        colab_branch: str,
        words: Wording = ENGLISH,
        branch_folder: str = "",
    ) -> None:
        """Add each {page: (title, bytes)} as a notebook file, and a Notebooks section to the nav.
        `colab_branch` is the branch the deploy workflow pushes the published notebooks to, under
        `branch_folder` for a translation (.github/workflows/site.yml); `words`, the edition's."""
        self.remove_folder()
        self.colab_branch = colab_branch
        self.words, self.branch_folder = words, branch_folder
        self.by_page.clear()
        self.pages.clear()
        self.styles = None
        if not notebooks:
            return
        self.folder = tempfile.mkdtemp(prefix="notebooks-")
        sections = nav_sections(config.nav)
        order = list(sections)
        # The notebooks in the order of their pages, under the titles of their pages' sections.
        grouped: dict[str | None, list] = {}
        for page, (title, content) in sorted(notebooks.items(), key=lambda item: _position(order, item[0])):
            path = notebook_path(page)
            target = Path(self.folder, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            files.append(File(path, self.folder, config.site_dir, config.use_directory_urls))
            grouped.setdefault(sections.get(page), []).append({title: path})
            self.by_page[page] = path
        Path(self.folder, INDEX).write_text(self._index(grouped, config), encoding="utf-8")
        files.append(File(INDEX, self.folder, config.site_dir, config.use_directory_urls))
        if config.nav is not None:  # without a nav, MkDocs lists every page by itself
            section = [entry for name, entries in grouped.items() for entry in ([{name: entries}] if name else entries)]
            config.nav.append({self.words.notebooks_section: [{self.words.all_notebooks: INDEX}, *section]})

    def _index(self, grouped: dict[str | None, list], config) -> str:
        """The overview page's Markdown: every notebook of `grouped` ({section: [{title: path}]})."""
        index_url = File(INDEX, "", "", config.use_directory_urls).url
        tutorial_pages = {notebook: page for page, notebook in self.by_page.items()}
        sections = []
        for section, entries in grouped.items():
            listed = []
            for entry in entries:
                [(title, notebook)] = entry.items()
                page = tutorial_pages[notebook]
                listed.append(
                    ListedNotebook(
                        title=title,
                        notebook_page=posixpath.relpath(notebook, NOTEBOOKS_FOLDER),
                        tutorial_page=posixpath.relpath(page, NOTEBOOKS_FOLDER),
                        download=self._download(notebook, index_url, config),
                        colab=self._colab(notebook, config) if config.repo_url else "",
                    )
                )
            sections.append((section, listed))
        return index_markdown(sections, self.words)

    def is_notebook(self, src_uri: str) -> bool:
        return src_uri in self.by_page.values()

    def in_section(self, src_uri: str) -> bool:
        """A page of the Notebooks section: a notebook, or the page that lists them."""
        return self.is_notebook(src_uri) or (src_uri == INDEX and bool(self.by_page))

    def with_links(self, markdown: str, page, config) -> str:
        """The page with links to its notebook under its title, when it has one."""
        notebook = self.by_page.get(page.file.src_uri)
        if not notebook or not config.repo_url:
            return markdown
        return under_title(markdown, self._links(notebook, page, config, from_tutorial=True))

    def light(self, content: str, page, config) -> str:
        """A notebook page's rendered content without its inline styles and the scripts it never
        runs, with the same links under its title as its page; any other page's as it is."""
        if not self.is_notebook(page.file.src_uri):
            return content
        try:
            light = light_content(
                content, page.file.src_uri, self.words, site_url=config.site_url or "", page_url=page.url
            )
        except NotebookHtmlError as error:
            raise PluginError(str(error)) from None
        if self.styles is not None and light.styles != self.styles:
            raise PluginError(
                f"{page.file.src_uri}: mkdocs-jupyter gave this notebook page other inline styles than the "
                f"notebook pages before it, and they all share one stylesheet ({STYLESHEET}): an output that "
                "brings its own styles needs snippet_engine/notebook_html.py taught where they go."
            )
        self.styles = light.styles
        if not config.repo_url:
            return light.html
        return self._links_under_title(light.html, page, config)

    def with_stylesheet(self, html: str, page) -> str:
        """A whole notebook page linking the stylesheet its inline styles went to; any other page as it is."""
        if not self.is_notebook(page.file.src_uri):
            return html
        try:
            html = with_stylesheet(html, get_relative_url(STYLESHEET, page.url), page.file.src_uri)
        except NotebookHtmlError as error:
            raise PluginError(str(error)) from None
        self.pages.append(html)
        return html

    def _links_under_title(self, content: str, page, config) -> str:
        """The rendered notebook with its links right after its title (the notebook's first cell)."""
        title_end = content.find("</h1>")
        if title_end < 0:
            raise PluginError(f"{page.file.src_uri}: its rendered page has no title to put its links under")
        title_end += len("</h1>")
        return content[:title_end] + self._links(page.file.src_uri, page, config) + content[title_end:]

    def _links(self, notebook: str, page, config, from_tutorial: bool = False) -> str:
        """Links from `page` to `notebook`: its rendering on the site (from its tutorial page), the
        file mkdocs-jupyter publishes beside the rendering, and Colab (from GitHub)."""
        view = get_relative_url(_rendered(notebook, config), page.url) if from_tutorial else ""
        download = self._download(notebook, page.url, config)
        return notebook_links_markdown(download, self._colab(notebook, config), self.words, view)

    def _download(self, notebook: str, from_url: str, config) -> str:
        """The address of the file mkdocs-jupyter publishes beside the notebook's rendering."""
        return get_relative_url(posixpath.join(_rendered(notebook, config), posixpath.basename(notebook)), from_url)

    def _colab(self, notebook: str, config) -> str:
        on_branch = self.branch_folder + notebook.removeprefix(f"{NOTEBOOKS_FOLDER}/")
        return colab_url(on_branch, config.repo_url, self.colab_branch)

    def write_stylesheet(self, site_dir: str, cache_folder: Path) -> None:
        """The rules of the notebook pages' styles that their elements can match, in one file
        (kept in `cache_folder` for the next build)."""
        if self.styles is None:
            return
        target = Path(site_dir, STYLESHEET)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shared_stylesheet(self.styles, self.pages, ResultCache(cache_folder)), encoding="utf-8")

    def remove_folder(self) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def keep_rendered_notebooks(config) -> None:
    """For a build that makes no notebook (one without execution): mkdocs-jupyter caches each
    notebook it renders, and after a build deletes every rendering that build did not use, which
    would be all of them, to be rendered again by the next build that executes."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is not None:
        plugin.config["cache"] = False


def _rendered(notebook: str, config) -> str:
    """The address of a notebook's rendered page."""
    return notebook.removesuffix(".ipynb") + ("/" if config.use_directory_urls else "")


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


def nav_sections(nav) -> dict[str, str | None]:
    """Each page of the nav of mkdocs.yml, in nav order (read depth first), with the title of the
    top-level section it is in (None for a page at the top level)."""
    sections: dict[str, str | None] = {}

    def walk(items, section):
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if isinstance(value, list):
                walk(value, section or title)
            else:
                sections[value] = section

    walk(nav or [], None)
    return sections


def _position(order: list[str], page: str) -> int:
    """Where a page stands in the nav (last when absent)."""
    return order.index(page) if page in order else len(order)
