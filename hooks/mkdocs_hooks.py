"""MkDocs hook: runs the snippets a page shows and puts their outputs on the page,
and publishes each such page as a notebook too.

A switchboard only: each event hands plain data to the snippet_engine package
and back. `mkdocs build` stops on the first broken snippet or page; `mkdocs
serve` shows the error on the page and in the terminal and keeps serving.
"""

import dataclasses
import logging
from pathlib import Path
from urllib.parse import urljoin

import editions
from compiled_templates import compiled_templates
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from notebook_pages import NotebookPages, keep_rendered_notebooks

from snippet_engine.editions import Edition, edition_problems, load_editions
from snippet_engine.engine import SnippetFailure
from snippet_engine.links import branch_from_edit_uri, links_markdown
from snippet_engine.notebook_anchors import notebook_heading_ids, with_heading_ids
from snippet_engine.render import (
    breakable_paths,
    glossary_terms_once_a_section,
    links_and_headings_without_glossary_terms,
    spaced_tab_labels,
)
from snippet_engine.settings import SettingsError, load_settings
from snippet_engine.site import Problem, SiteSnippets
from snippet_engine.token_spans import plain_tokens
from snippet_engine.wording import wording
from snippet_engine.worker import WorkerSettings, shared_pool, stop_shared_pool

log = logging.getLogger("mkdocs.hooks.snippets")
# Under `mkdocs serve` a failing snippet must not stop the server, and MkDocs
# counts (and in strict mode aborts on) every message of its own loggers.
serve_log = logging.getLogger("snippet_engine")
serve_log.propagate = False
serve_log.addHandler(logging.StreamHandler())

_command = "build"
_snippets: SiteSnippets | None = None
_notebooks = NotebookPages()
# Every edition of the site, the primary one first; and the one this build makes.
_editions: list[Edition] = []
_language = ""
# The translations' builds that the primary build has begun and not yet seen finish.
_translations: list[editions.TranslationBuild] = []


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _snippets, _editions, _language
    try:
        settings = load_settings(config.extra.get("snippet_execution"), Path(config.config_file_path).parent)
        translation = config.extra.get(editions.EDITION_KEY)
        # Themes without languages (MkDocs' own) make a one-language site.
        theme_language = config.theme.get("language", "en")
        _editions = load_editions(config.extra.get("editions"), theme_language, translation)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    _language = translation or _editions[0].language
    settings = dataclasses.replace(settings, docs_dir=Path(config.docs_dir))
    # The words the site's templates add (overrides/), in this edition's language.
    config.extra["words"] = wording(_language)
    if len(_editions) > 1:
        if not config.site_url:
            raise PluginError("extra.editions in mkdocs.yml needs site_url: each edition is published under it")
        config.extra["alternate"] = editions.language_links(config, _editions, _language)
        if _is_primary():
            # Before anything is built: a title without translation would stop the translation's build.
            editions.check_nav_titles(config.nav or [], _editions[1:])
    # pymdownx.snippets reads base_path from the working directory; pointing it
    # at the same snippets folder the engine runs keeps one setting, from anywhere.
    config.mdx_configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(settings.snippets_dir)]
    branch = branch_from_edit_uri(config.edit_uri)
    _snippets = SiteSnippets(
        settings,
        file_links=(lambda path, part: links_markdown(path, config.repo_url, branch, wording(_language), part))
        if config.repo_url
        else None,
        language=_language,
    )
    if _is_primary() and len(_editions) > 1:
        # Begun now, beside this build; each waits for this build's snippet results (on_files).
        _translations.extend(editions.start_translation(config, edition, _command) for edition in _editions[1:])
    if not settings.execute:
        keep_rendered_notebooks(config)
    if _command == "serve" and settings.execute and _is_primary():
        # The first edit should not wait for TensorFlow to be imported (translations run nothing).
        shared_pool(WorkerSettings.of(settings)).warm_up(1)


def on_pre_build(config):
    if not _is_primary():
        # Not before the primary build has cleaned the site folder, which holds this build's folder:
        # its cleaning would delete what this build writes there, or trip over this build's own.
        editions.wait_for_site_folder()


# Before mkdocs-jupyter's on_files, which turns the notebooks added here into pages.
@event_priority(50)
def on_files(files, config):
    if _is_primary():
        for translation in _translations:
            translation.site_folder_cleaned()
        editions.exclude_translations(files, _editions)
    else:
        for file in editions.primary_static_files(config, files, _editions):
            files.append(file)
    # Each page's Markdown as on_page_markdown will see it: without its front matter.
    pages = {
        file.src_uri: get_data(Path(file.abs_src_path).read_text(encoding="utf-8-sig"))[0]
        for file in files.documentation_pages()
    }
    _snippets.prepare(pages, before_running=None if _is_primary() else editions.wait_for_primary_results)
    engine = _snippets.engine
    failed = f", {len(engine.failed_elsewhere)} failed in the primary build" if engine.failed_elsewhere else ""
    log.info("Snippets: %d run, %d taken from the cache%s", len(engine.executed), len(engine.cached), failed)
    problems = list(_snippets.problems)
    if _is_primary():
        for edition in _editions[1:]:
            translation = editions.translation_pages(config, edition)
            mismatches = edition_problems(_snippets.pages, translation, edition.folder, _snippets.settings.shown_page)
            problems.extend(Problem(message) for message in mismatches)
    report_problems(problems)
    if _command == "build":
        stop_shared_pool()  # every snippet has its result: the workers are done
    failures = {
        path: result.message for path, result in _snippets.results.items() if isinstance(result, SnippetFailure)
    }
    for translation in _translations:
        translation.results_stored(failures)
    for path, content in _snippets.generated_files().items():
        files.append(File.generated(config, path, content=content))
    config.extra["outputs_provenance"] = _snippets.provenance()
    folder = "" if _is_primary() else next(edition.folder for edition in _editions if edition.language == _language)
    notebooks = _snippets.notebooks(lambda page: urljoin(config.site_url, files.get_file_from_path(page).url))
    _notebooks.publish(notebooks, files, config, _snippets.settings.notebooks_branch, wording(_language), folder)
    return files


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates
    return env


# Before the search plugin indexes the page.
@event_priority(50)
def on_page_context(context, page, config, nav):
    # The footer's Previous and Next stay among the tutorial pages, or in the Notebooks section: the
    # last tutorial page led to a notebook with the title of the first one.
    for neighbour in ("previous_page", "next_page"):
        beside = getattr(page, neighbour)
        if beside and _notebooks.in_section(beside.file.src_uri) != _notebooks.in_section(page.file.src_uri):
            setattr(page, neighbour, None)
    if _notebooks.in_section(page.file.src_uri):
        page.edit_url = None  # generated from the pages and their snippets: edit those instead
    if _notebooks.is_notebook(page.file.src_uri):
        anchor_headings(page)
        # Search finds the tutorial page, which holds the same code and explains it.
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return context


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri not in _snippets.pages:
        return markdown
    return _notebooks.with_links(_snippets.expand(page.file.src_uri), page, config)


def on_page_content(html, page, config, files):
    # A notebook page first loses the inline styles that are most of it, before anything reads it.
    html = _notebooks.light(html, page, config)
    html = glossary_terms_once_a_section(links_and_headings_without_glossary_terms(html))
    return spaced_tab_labels(plain_tokens(breakable_paths(html)))


def on_post_page(output, page, config):
    return _notebooks.with_stylesheet(output, page)


def on_post_build(config):
    _notebooks.write_stylesheet(config.site_dir, _snippets.settings.cache_dir.parent / "notebook-styles")
    _notebooks.remove_folder()
    while _translations:
        _translations.pop(0).finish()


def on_serve(server, config, builder):
    server.watch(str(_snippets.settings.snippets_dir))
    return server


def on_build_error(error):
    # Under `mkdocs serve` the server goes on to the next edit's build: a translation still being
    # built for this one would write into the same folder.
    _stop_translations()


def on_shutdown():
    _stop_translations()
    # A translation's build (a fork of this process, or this process itself where there is no
    # fork) ends with its own on_shutdown: the workers are the primary build's, kept, under
    # `mkdocs serve`, for the next edit.
    if not _editions or _is_primary():
        stop_shared_pool()
    _notebooks.remove_folder()


def _stop_translations() -> None:
    while _translations:
        _translations.pop().stop()


def anchor_headings(page) -> None:
    """The notebook page's headings, and its table of contents, with its tutorial page's anchors."""
    tutorial = next(source for source, notebook in _notebooks.by_page.items() if notebook == page.file.src_uri)
    ids = notebook_heading_ids(_snippets.pages[tutorial])
    try:
        page.content, final = with_heading_ids(page.content, ids, _snippets.settings.shown_page(tutorial))
    except ValueError as error:
        raise PluginError(str(error)) from None
    for link, anchor in zip(_flattened(page.toc), final, strict=True):
        link.id = anchor


def _flattened(links) -> list:
    return [item for link in links for item in (link, *_flattened(link.children))]


def _is_primary() -> bool:
    return _language == _editions[0].language


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
