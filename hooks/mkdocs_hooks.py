"""MkDocs hook: runs the snippets a page shows and puts their outputs on the page,
and publishes each such page as a notebook too.

A switchboard only: each event hands plain data to scripts/snippet_engine and
back. `mkdocs build` stops on the first broken snippet; `mkdocs serve` shows the
error on the page and in the terminal and keeps serving.
"""

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from snippet_engine.engine import EngineSettings
from notebook_pages import NotebookPages
from snippet_engine.site import SiteSnippets
from snippet_engine.worker import stop_shared_worker
from snippet_engine.links import branch_from_edit_uri, links_markdown

log = logging.getLogger("mkdocs.hooks.snippets")
# Under `mkdocs serve` a failing snippet must not stop the server, and MkDocs
# counts (and in strict mode aborts on) every message of its own loggers.
serve_log = logging.getLogger("snippet_engine")
serve_log.propagate = False
serve_log.addHandler(logging.StreamHandler())

_command = "build"
_snippets: SiteSnippets | None = None
_notebooks = NotebookPages()


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
    _notebooks.publish(_snippets.notebooks(pages), files, config)
    return files


# Before the search plugin indexes the page.
@event_priority(50)
def on_page_context(context, page, config, nav):
    if _notebooks.is_notebook(page.file.src_uri):
        page.edit_url = None  # generated from the page and its snippets: edit those instead
        # Search finds the tutorial page, which holds the same code and explains it.
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return context


def on_page_markdown(markdown, page, config, files):
    return _notebooks.with_links(_snippets.expand(markdown, page.file.src_uri), page, config)


def on_post_build(config):
    _notebooks.remove_folder()


def on_serve(server, config, builder):
    server.watch(config.extra["snippet_execution"]["snippets_dir"])
    return server


def on_shutdown():
    stop_shared_worker()
    _notebooks.remove_folder()


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
