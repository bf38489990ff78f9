"""The site's translations, built by MkDocs beside the primary edition.

mkdocs.yml describes the site once. A translation (extra.editions) is that same
configuration with its own pages (docs/<language>/), theme language, titles and
address (<site>/<language>/). Its build takes every snippet result from the
cache the primary build fills (TranslationBuild): no snippet runs twice,
whatever the number of languages.
MkDocs glue over snippet_engine.editions, kept out of the hook's switchboard.
"""

import contextlib
import copy
import gc
import json
import os
import posixpath
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.yaml import yaml_load

from snippet_engine.editions import Edition, translated_nav
from snippet_engine.pages import Page, parse_page
from snippet_engine.wording import wording

# Set in a translation's config.extra: which edition that build makes.
EDITION_KEY = "edition"
# mkdocs-jupyter's default cache folder.
JUPYTER_CACHE = ".cache/mkdocs-jupyter"
# What the primary build writes to a translation's build once the site folder is cleaned.
CLEANED = b"\n"


def language_links(config, all_editions: list[Edition], language: str) -> list[dict]:
    """extra.alternate as the theme reads it, one entry per edition: `link`, its root, whole
    (search engines want hreflang addresses whole); `path`, that root's path on the server;
    and `prefix`, the way from this edition's root to that one's, by which the language
    switcher (overrides/partials/alternate.html) links each page to its translations."""
    primary = all_editions[0]
    edition = next(edition for edition in all_editions if edition.language == language)
    # From this edition's root up to the primary's: a translation is published in its folder.
    here = "" if edition is primary else "../" * edition.folder.count("/")
    primary_root = urljoin(config.site_url, here) if here else config.site_url
    links = []
    for other in all_editions:
        folder = "" if other is primary else other.folder
        link = primary_root + folder
        prefix = "" if other is edition else here + folder
        links.append(
            {"name": other.name, "lang": other.language, "link": link, "path": urlsplit(link).path, "prefix": prefix}
        )
    return links


def check_nav_titles(nav: list, translations: list[Edition]) -> None:
    """PluginError naming every title of the nav that a translation does not translate."""
    for edition in translations:
        _, missing = translated_nav(nav, edition)
        if missing:
            raise PluginError(
                f"extra.editions in mkdocs.yml: the {edition.language} edition's nav_titles has no translation for "
                + ", ".join(repr(title) for title in missing)
            )


def translation_pages(config, edition: Edition) -> dict[str, Page]:
    """The translation's pages, parsed, keyed by their path under its own folder: the files of
    docs/<language>/ that its build would render (exclude_docs applies as in the primary)."""
    folder = Path(config.docs_dir, edition.folder)
    pages = {}
    for source in sorted(folder.rglob("*.md")):
        path = source.relative_to(folder).as_posix()
        if config.exclude_docs and config.exclude_docs.match_file(path):
            continue
        shown = Path(config.docs_dir).name + "/" + edition.folder + path
        pages[path] = parse_page(source.read_text(encoding="utf-8-sig"), path, shown)
    return pages


def primary_static_files(config, files, all_editions: list[Edition]) -> list[File]:
    """For a translation's build: the primary edition's stylesheets, fonts and images, published
    again under the translation, where its pages and the theme look for them. A file of the
    same path in the translation's folder (an image with translated labels) wins."""
    docs = Path(config.docs_dir).parent
    folders = {edition.folder.rstrip("/") for edition in all_editions[1:]}
    added = []
    for source in sorted(docs.rglob("*")):
        path = source.relative_to(docs).as_posix()
        if source.is_dir() or source.suffix == ".md" or path.split("/", 1)[0] in folders:
            continue
        if (config.exclude_docs and config.exclude_docs.match_file(path)) or files.get_file_from_path(path):
            continue
        added.append(File(path, str(docs), config.site_dir, config.use_directory_urls))
    return added


# In a translation's forked build: the reading end of the pipe by which the primary build says
# that the site folder is cleaned (one byte), then how snippets failed, and closes once every
# snippet result is stored (see TranslationBuild); -1 once read, and in the primary build.
_results_from_primary = -1
# In the primary build: the writing ends of those pipes not yet closed, one per translation.
# A later fork closes its copies, or a translation begun earlier would wait for it too.
_results_ends: set[int] = set()


@dataclass
class TranslationBuild:
    """A translation's build, begun as the primary build begins.

    It runs in a forked process, on another core, beside the primary build. It cleans and writes
    its folder of the site only once the primary build has cleaned the whole site folder
    (site_folder_cleaned), or the primary would delete what it wrote. Its snippet results are the
    primary's: where the cache lacks one, it waits until the primary build has stored them all and
    checked the pages of every edition (results_stored), then reads them, and takes the primary's
    word for those that failed (under `mkdocs serve`, which goes on after a failure): nothing runs
    twice, and the fork never uses the snippet workers it may have inherited. A failure of its own
    fails the primary build with the translation's message. On systems without fork it runs in
    this process when finish() is called."""

    edition: Edition
    build_here: Callable[[], None] | None = None
    process_id: int = 0
    errors: int = -1  # the reading end of the pipe the forked build writes its error to
    results: int = -1  # the writing end of the pipe that says the site folder is clean, then the results stored
    told_cleaned: bool = False

    def site_folder_cleaned(self) -> None:
        """Tells the forked build that it may clean and write its folder of the site."""
        if self.results >= 0 and not self.told_cleaned:
            self.told_cleaned = True
            with contextlib.suppress(BrokenPipeError):  # the fork has ended already: finish() says why
                os.write(self.results, CLEANED)

    def results_stored(self, failures: dict[str, str] | None = None) -> None:
        """Tells the forked build that every result is stored, but those of `failures` ({path: message})."""
        if self.results < 0:
            return
        self.site_folder_cleaned()
        _results_ends.discard(self.results)
        pipe, self.results = os.fdopen(self.results, "wb"), -1
        with contextlib.suppress(BrokenPipeError), pipe:
            pipe.write(json.dumps(failures or {}).encode("utf-8"))

    def finish(self) -> None:
        if self.build_here:
            self.build_here()
            return
        self.results_stored()
        with os.fdopen(self.errors, "rb") as pipe:
            message = pipe.read().decode("utf-8")
        _, status = os.waitpid(self.process_id, 0)
        self.process_id = 0
        code = os.waitstatus_to_exitcode(status)
        if code:
            raise PluginError(message or f"the {self.edition.name} edition's build ended with exit code {code}")

    def stop(self) -> None:
        """Ends a forked build that is still running (the primary build failed first)."""
        if self.process_id:
            os.kill(self.process_id, signal.SIGKILL)
            os.waitpid(self.process_id, 0)
            os.close(self.errors)
            self.results_stored()
            self.process_id = 0


def wait_for_site_folder() -> None:
    """In a translation's forked build, until the primary build has cleaned the site folder
    (or ended). Elsewhere, at once."""
    if _results_from_primary >= 0:
        os.read(_results_from_primary, len(CLEANED))


def wait_for_primary_results() -> dict[str, str]:
    """In a translation's forked build, once the primary build has stored every snippet result:
    how those it could not store failed, {path: message}. Elsewhere, at once, {}."""
    global _results_from_primary
    if _results_from_primary < 0:
        return {}
    with os.fdopen(_results_from_primary, "rb") as pipe:
        _results_from_primary = -1
        said = pipe.read()
    return json.loads(said) if said else {}  # nothing, when the primary build ended first


def start_translation(config, edition: Edition, command: str) -> TranslationBuild:
    """Begin building `edition` (see TranslationBuild)."""
    global _results_from_primary
    if not hasattr(os, "fork"):
        return TranslationBuild(edition, build_here=lambda: build_translation(config, edition, command))
    errors, error_pipe = os.pipe()
    results_read, results_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    # Objects the fork only reads stay shared with it: a collection would write to every one of them,
    # and the kernel would copy each page of memory it touched.
    gc.freeze()
    process_id = os.fork()
    if process_id:
        gc.unfreeze()
        os.close(error_pipe)
        os.close(results_read)
        _results_ends.add(results_write)
        return TranslationBuild(edition, process_id=process_id, errors=errors, results=results_write)
    os.close(errors)
    for end in (results_write, *_results_ends):
        os.close(end)
    _results_ends.clear()
    _results_from_primary = results_read
    status = 0
    try:
        build_translation(config, edition, command)
    except PluginError as error:
        status = _report(error_pipe, str(error))
    except BaseException as error:  # noqa: BLE001 - whatever it is, the primary build must hear of it
        status = _report(error_pipe, f"the {edition.name} edition's build failed: {_last_line(error)}")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # not the primary build's exit handlers, which stop its workers and files


def _report(pipe: int, message: str) -> int:
    with os.fdopen(pipe, "wb") as file:
        file.write(message.encode("utf-8"))
    return 1


def _last_line(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(error)).strip()


def build_translation(config, edition: Edition, command: str) -> None:
    """Build `edition` into <site_dir>/<language>/, with the primary configuration `config`."""
    translated = translated_config(config, edition)
    translated.plugins.on_startup(command=command, dirty=False)
    try:
        build(translated)
    except Abort as error:
        raise PluginError(f"the {edition.name} edition (docs/{edition.folder}): {error}") from None
    finally:
        translated.plugins.on_shutdown()


def translated_config(config, edition: Edition):
    """The primary configuration as `edition` needs it. Read again from mkdocs.yml, so that
    plugins and extensions are fresh instances; the values the primary build worked out
    (its site_dir and site_url, which `mkdocs serve` changes) are taken from `config`."""
    with open(config.config_file_path, "rb") as file:
        raw = yaml_load(file)
    nav, _ = translated_nav(raw.get("nav") or [], edition)
    theme = {**raw["theme"], "language": edition.language, "palette": _translated_palette(raw["theme"], edition)}
    extra = {**config.extra, EDITION_KEY: edition.language}
    overrides = {
        "docs_dir": str(Path(config.docs_dir, edition.folder)),
        "site_dir": str(Path(config.site_dir, edition.folder)),
        "site_url": config.site_url + edition.folder,
        "site_name": edition.site_name,
        "site_description": edition.site_description or raw.get("site_description"),
        "edit_uri": (raw.get("edit_uri") or "") + edition.folder if raw.get("edit_uri") else None,
        "nav": nav,
        "theme": theme,
        "extra": extra,
        "strict": config.strict,
        "markdown_extensions": _translated_extensions(raw.get("markdown_extensions", []), config, edition),
        "plugins": _translated_plugins(raw.get("plugins", []), edition),
    }
    return load_config(config_file=config.config_file_path, **overrides)


def _translated_palette(theme: dict, edition: Edition) -> list:
    """The palettes, with their toggles' names in the translation's language."""
    names = wording(edition.language).interface
    palettes = copy.deepcopy(theme.get("palette") or [])
    for palette in palettes:
        toggle = palette.get("toggle") or {}
        if "name" in toggle:
            if toggle["name"] not in names:
                raise PluginError(
                    f"theme.palette in mkdocs.yml: the toggle name {toggle['name']!r} has no {edition.language} "
                    "translation: add it to `interface` in src/snippet_engine/wording.py"
                )
            toggle["name"] = names[toggle["name"]]
    return palettes


def _translated_extensions(extensions: list, config, edition: Edition) -> list:
    """The Markdown extensions, with the files pymdownx.snippets appends to every page (the
    glossary) taken from the translation: docs/includes/x.md becomes docs/<language>/includes/x.md;
    and the title of the headings' permalinks in the translation's language."""
    extensions = copy.deepcopy(extensions)
    docs = Path(config.docs_dir).resolve()
    for index, entry in enumerate(extensions):
        if entry == "toc" or (isinstance(entry, dict) and "toc" in entry):
            options = {} if entry == "toc" else dict(entry["toc"] or {})
            options["permalink_title"] = wording(edition.language).permalink_title
            extensions[index] = {"toc": options}
        if not isinstance(entry, dict) or "pymdownx.snippets" not in entry:
            continue
        options = entry["pymdownx.snippets"] or {}
        # The hook has set the primary build's base_path: the folder includes are read from.
        base = Path(config.mdx_configs["pymdownx.snippets"]["base_path"][0])
        appended = []
        for path in options.get("auto_append", []):
            target = (base / path).resolve()
            if target.is_relative_to(docs):
                translated = docs / edition.folder / target.relative_to(docs)
                if not translated.is_file():
                    raise PluginError(
                        f"{target.relative_to(docs.parent)} has no translation: write "
                        f"{translated.relative_to(docs.parent)}"
                    )
                path = posixpath.relpath(translated, base.resolve())
            appended.append(path)
        options["auto_append"] = appended
    return extensions


def _translated_plugins(plugins: list, edition: Edition) -> list:
    """The plugins, with search set to the translation's language, and English beside it:
    code names (input_shape) are English words in every edition. mkdocs-jupyter gets a cache
    folder of its own: it deletes every cached notebook that the build it runs in did not use."""
    plugins = copy.deepcopy(plugins)
    for index, entry in enumerate(plugins):
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        options = dict(options or {})
        if name in ("search", "material/search"):
            options["lang"] = [edition.language, "en"]
        elif name == "mkdocs-jupyter":
            options["cache_dir"] = posixpath.join(options.get("cache_dir", JUPYTER_CACHE), edition.language)
        plugins[index] = {name: options}
    return plugins


def exclude_translations(files, editions: list[Edition]) -> None:
    """Keep the translations' folders out of the primary build: they are built on their own."""
    folders = tuple(edition.folder for edition in editions[1:])
    for file in files:
        if file.src_uri.startswith(folders):
            file.inclusion = InclusionLevel.EXCLUDED
