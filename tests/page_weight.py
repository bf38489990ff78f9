"""What a first visit to a page of a built site transfers, read from the files (no browser, no timings).

A page loads itself; the stylesheets, scripts, preloaded files, icon and images its HTML names; what
those stylesheets name in url() and @import (the shipped code font: counted whether or not the page
draws bold code, so the figure does not depend on the text); and what the theme's script fetches as
it starts: the search worker, the index and the lunr scripts for its languages, the sitemap of each
language edition the head links to, and its own when instant navigation is on. Each file is counted
once, gzip-compressed if GitHub Pages compresses its type (`make bench` serves the same types
compressed). Addresses on another host are collected, not counted: a page must have none.
"""

import functools
import gzip
import json
import mimetypes
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bench import COMPRESSED_TYPES
from bs4 import BeautifulSoup

# GitHub Pages does not say which level it compresses at; a fixed one keeps the figures exact.
# Level 9 is what `make bench` serves to Lighthouse; level 6 would add under 1 % to each figure.
GZIP_LEVEL = 9

# Elements whose attribute makes the browser fetch a file as the page loads.
LOADED_BY = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
# A <link> loads its target only for these relations (not canonical, prev, next...).
LOADING_RELATIONS = {"stylesheet", "preload", "modulepreload", "icon"}
CSS_REFERENCE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^"'\s)]+))\s*\)|@import\s+["']([^"']+)["']""")
# Code or styles on another host that an inline script would load (import(), a script element...).
INLINE_SCRIPT_LOAD = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+\.(?:m?js|css|woff2?))["'`]""")
# mkdocs-material draws a `pre.mermaid` block with Mermaid fetched from this address (its bundle names it).
THEME_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
# Word splitters mkdocs-material's search worker imports for languages without spaces between words.
LUNR_EXTRAS = {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}


@dataclass
class Visit:
    """A page's first visit: each same-site file it loads (site-relative path -> bytes sent)."""

    page: str
    files: dict[str, int] = field(default_factory=dict)
    # Addresses on another host that the page (or its CSS, or an inline script) would load.
    elsewhere: list[str] = field(default_factory=list)
    # Same-site addresses with no file behind them: their size cannot be counted.
    missing: list[str] = field(default_factory=list)
    # The text of every script the page runs: inline ones, and same-site files by their path.
    scripts: dict[str, str] = field(default_factory=dict)

    @property
    def transfer(self) -> int:
        return sum(self.files.values())


def first_visit(site: Path, page: Path, site_url: str) -> Visit:
    """Everything `page` (an HTML file of `site`, published at `site_url`) transfers on a first visit."""
    address = urljoin(site_url, page.relative_to(site).as_posix())
    visit = Visit(page.relative_to(site).as_posix())
    html = page.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    _add(visit, site, site_url, address)
    for url in _loaded_by_elements(soup) + _fetched_by_theme(soup, address, site, site_url):
        _add(visit, site, site_url, urljoin(address, url))
    for index, script in enumerate(soup.find_all("script", src=False)):
        opening = script.get_text().strip().partition("\n")[0][:60]
        visit.scripts[f"inline script {index + 1} ({opening})"] = script.get_text()
        visit.elsewhere.extend(INLINE_SCRIPT_LOAD.findall(script.get_text()))
    for style in soup.find_all("style"):
        for url in _css_references(style.get_text()):
            _add(visit, site, site_url, urljoin(address, url))
    return visit


def _loaded_by_elements(soup) -> list[str]:
    urls = []
    for tag, attributes in LOADED_BY.items():
        for element in soup.find_all(tag):
            if tag == "link" and not LOADING_RELATIONS & set(element.get("rel", [])):
                continue
            for attribute in attributes:
                value = element.get(attribute, "").strip()
                if attribute == "srcset":
                    urls.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
                elif value:
                    urls.append(value)
    return urls


def _fetched_by_theme(soup, address: str, site: Path, site_url: str) -> list[str]:
    """What mkdocs-material's script fetches at start, as its configuration on the page names it."""
    urls = [THEME_MERMAID] if soup.select("pre.mermaid") else []
    # The sitemap of each language edition the head links to: the language switcher reads them.
    urls += [urljoin(link["href"], "sitemap.xml") for link in soup.find_all("link", rel="alternate", href=True)]
    element = soup.find("script", id="__config")
    if element is None:
        return urls
    config = json.loads(element.get_text())
    base = config["base"].rstrip("/") + "/"
    if config.get("search"):
        worker, index = urljoin(address, config["search"]), urljoin(address, base + "search/search_index.json")
        urls += [worker, index, *_search_languages(worker, _site_file(site, site_url, index))]
    if "navigation.instant" in config.get("features", []):
        urls.append(base + "sitemap.xml")
    return urls


def _search_languages(worker: str, index: Path | None) -> list[str]:
    """The lunr scripts the search worker imports for the languages of the index (as its code does)."""
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index else ["en"]
    scripts = [name for language in languages for name in LUNR_EXTRAS.get(language, [])]
    scripts += [f"min/lunr.{language}.min.js" for language in languages if language != "en"]
    scripts += ["min/lunr.multi.min.js"] if len(languages) > 1 else []
    scripts += ["min/lunr.stemmer.support.min.js"] if scripts else []
    return [urljoin(worker, "../lunr/" + name) for name in scripts]


def _css_references(css: str) -> list[str]:
    return ["".join(groups) for groups in CSS_REFERENCE.findall(css)]


def _site_file(site: Path, site_url: str, url: str) -> Path | None:
    """The file of `site` that GitHub Pages serves at `url` (a folder's index.html), if there is one."""
    file = site / posixpath.normpath(unquote(urlsplit(url).path[len(urlsplit(site_url).path) :]) or ".")
    file = file / "index.html" if file.is_dir() else file
    return file if file.is_file() else None


def _add(visit: Visit, site: Path, site_url: str, url: str) -> None:
    if url.startswith("data:"):
        return  # its bytes are in the file that holds it
    if not url.startswith(site_url):
        visit.elsewhere.append(url)
        return
    file = _site_file(site, site_url, url)
    if file is None:
        visit.missing.append(url)
        return
    path = file.relative_to(site).as_posix()
    if path in visit.files:
        return
    visit.files[path] = sent_bytes(file)
    kind = mimetypes.guess_type(file.name)[0] or ""
    if kind == "text/css":
        for reference in _css_references(file.read_text(encoding="utf-8")):
            _add(visit, site, site_url, urljoin(url, reference))
    elif kind == "text/javascript" and path not in visit.scripts:
        visit.scripts[path] = file.read_text(encoding="utf-8")


@functools.cache  # every page loads the theme's files: each is compressed once (a built site does not change)
def sent_bytes(file: Path) -> int:
    """The bytes GitHub Pages sends for `file`: gzip-compressed text, other files as they are."""
    data = file.read_bytes()
    kind = mimetypes.guess_type(file.name)[0] or ""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0)) if kind.startswith(COMPRESSED_TYPES) else len(data)
