"""MkDocs hook: runs the snippets a page shows and puts their outputs on the page,
and publishes each such page as a notebook too.

A switchboard only: each event hands plain data to scripts/snippet_engine and
back. `mkdocs build` stops on the first broken snippet; `mkdocs serve` shows the
error on the page and in the terminal and keeps serving.
"""

import logging
import os
import posixpath
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from snippet_engine.engine import EngineSettings
from snippet_engine.site import SiteSnippets, notebook_path
from snippet_engine.worker import stop_shared_worker
from snippet_links import branch_from_edit_uri, colab_url, links_markdown, notebook_links_markdown

log = logging.getLogger("mkdocs.hooks.snippets")
# Under `mkdocs serve` a failing snippet must not stop the server, and MkDocs
# counts (and in strict mode aborts on) every message of its own loggers.
serve_log = logging.getLogger("snippet_engine")
serve_log.propagate = False
serve_log.addHandler(logging.StreamHandler())

_command = "build"
_snippets: SiteSnippets | None = None
# This build's notebooks, written to a folder of their own so that mkdocs-jupyter
# can read them as files: {page: notebook path in the site}.
_notebooks: dict[str, str] = {}
_notebook_folder: str | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _snippets
    settings = engine_settings(config)
    # pymdownx.snippets reads base_path from the working directory; pointing it
    # at the same snippets folder the engine runs keeps one setting, from anywhere.
    config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(settings.snippets_dir)]
    branch = branch_from_edit_uri(config.edit_uri)
    _snippets = SiteSnippets(
        settings,
        execute=os.environ.get("SNIPPETS_EXECUTE", "1") != "0",
        file_links=(lambda path: links_markdown(path, config.repo_url, branch)) if config.repo_url else None,
    )


# Before mkdocs-jupyter's on_files, which turns the notebooks added here into pages.
@event_priority(50)
def on_files(files, config):
    pages = {file.src_uri: Path(file.abs_src_path).read_text(encoding="utf-8") for file in files.documentation_pages()}
    _snippets.prepare(pages)
    executed = len(_snippets.engine.executed)
    log.info("Snippets: %d run, %d taken from the cache", executed, len(_snippets.results) - executed)
    report_problems(_snippets.problems)
    for path, content in _snippets.generated_files().items():
        files.append(File.generated(config, path, content=content))
    config.extra["outputs_provenance"] = _snippets.provenance()
    add_notebooks(_snippets.notebooks(pages), files, config)
    return files


def add_notebooks(notebooks, files, config) -> None:
    """Publish each page's notebook, rendered by mkdocs-jupyter, under a Notebooks section."""
    global _notebook_folder
    _notebooks.clear()
    remove_notebook_folder()
    if not notebooks:
        return
    _notebook_folder = tempfile.mkdtemp(prefix="notebooks-")
    section = []
    in_nav_order = sorted(notebooks.items(), key=lambda item: nav_position(config.nav, item[0]))
    for page, (title, content) in in_nav_order:
        path = notebook_path(page)
        target = Path(_notebook_folder, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        files.append(File(path, _notebook_folder, config.site_dir, config.use_directory_urls))
        section.append({title: path})
        _notebooks[page] = path
    if config.nav is not None:  # without a nav, MkDocs lists every page by itself
        config.nav.append({"Notebooks": section})


def nav_position(nav, page: str) -> int:
    """Where a page stands in the nav of mkdocs.yml, read depth first."""
    flat = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            walk(value) if isinstance(value, list) else flat.append(value)

    walk(nav or [])
    return flat.index(page) if page in flat else len(flat)


# Before the search plugin indexes the page.
@event_priority(50)
def on_page_context(context, page, config, nav):
    if page.file.src_uri in _notebooks.values():
        page.edit_url = None  # generated from the page and its snippets: edit those instead
        # Search finds the tutorial page, which holds the same code and explains it.
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return context


def on_page_markdown(markdown, page, config, files):
    markdown = _snippets.expand(markdown, page.file.src_uri)
    notebook = _notebooks.get(page.file.src_uri)
    if notebook and config.repo_url:
        markdown = with_notebook_links(markdown, notebook, page, config)
    return markdown


def with_notebook_links(markdown: str, notebook: str, page, config) -> str:
    """The page with links to its notebook under its title: the file mkdocs-jupyter
    publishes beside the rendered notebook, and Colab, which opens it from GitHub."""
    rendered_page = notebook.removesuffix(".ipynb") + "/" if config.use_directory_urls else notebook.removesuffix(".ipynb")
    download = posixpath.relpath(posixpath.join(rendered_page, posixpath.basename(notebook)), page.url or ".")
    links = notebook_links_markdown(download, colab_url(notebook, config.repo_url, branch_from_edit_uri(config.edit_uri)))
    title, _, rest = markdown.partition("\n")
    return f"{title}\n\n{links}{rest}" if title.startswith("# ") else links + "\n" + markdown


def on_post_build(config):
    remove_notebook_folder()


def on_serve(server, config, builder):
    server.watch(config.extra["snippet_execution"]["snippets_dir"])
    return server


def on_shutdown():
    stop_shared_worker()
    remove_notebook_folder()


def remove_notebook_folder() -> None:
    global _notebook_folder
    if _notebook_folder:
        shutil.rmtree(_notebook_folder, ignore_errors=True)
        _notebook_folder = None


def engine_settings(config) -> EngineSettings:
    options = config.extra["snippet_execution"]
    repo_root = Path(config.config_file_path).resolve().parent
    return EngineSettings(
        repo_root=repo_root,
        snippets_dir=repo_root / options["snippets_dir"],
        cache_dir=repo_root / options["cache_dir"],
        timeout=float(os.environ.get("SNIPPET_TIMEOUT") or options["timeout"]),
        console_width=int(options["console_width"]),
        seed=int(options["seed"]),
    )


def report_problems(problems) -> None:
    if _command == "serve":
        for problem in problems:
            serve_log.error("ERROR    -  %s", problem.message)
        return
    for problem in problems:
        if not problem.fatal:
            log.warning(problem.message)
    fatal = [problem.message for problem in problems if problem.fatal]
    if fatal:
        raise PluginError("\n\n".join(fatal))
