"""The site's editions: settings, the check that a translation shows what its original shows,
and, in real builds of a small site, one run of each snippet for every language."""

import os
import re
import subprocess
import sys
import textwrap
import time
from urllib.parse import urlsplit
from xml.etree import ElementTree

import editions
import nbformat
import pytest
from bs4 import BeautifulSoup
from built_pages import shown_outputs
from conftest import REPO, build_environment
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from notebook_pages import published_notebooks
from test_mkdocs_hooks import SmallSite, served

from snippet_engine.editions import Edition, edition_problems, load_editions, translated_nav
from snippet_engine.pages import parse_page
from snippet_engine.settings import SettingsError
from snippet_engine.wording import KOREAN as KOREAN_WORDS

SITEMAP = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
KOREAN = {"language": "ko", "name": "한국어", "site_name": "작은 사이트", "nav_titles": {"Home": "홈"}}


def pages(**markdown: str) -> dict:
    return {f"{name}.md": parse_page(textwrap.dedent(text), f"{name}.md") for name, text in markdown.items()}


def shown(path: str) -> str:
    return f"docs/{path}"


def test_editions_are_read_with_the_primary_first():
    editions = load_editions([{"language": "en", "name": "English"}, KOREAN], "en")
    assert [edition.language for edition in editions] == ["en", "ko"]
    assert editions[1].folder == "ko/" and editions[1].nav_titles == {"Home": "홈"}
    assert load_editions(None, "en") == [Edition("en", "en")]


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"language": "en"}, "extra.editions in mkdocs.yml must be a list"),
        ([{"language": "ko", "name": "한국어"}], "starts with 'ko', but theme.language is 'en'"),
        ([{"language": "en", "name": "English"}, {**KOREAN, "colour": "red"}], "unknown option 'colour'"),
        ([{"language": "en", "name": "English"}, {"language": "ko", "name": "한국어"}], "has no 'site_name'"),
        ([{"language": "en", "name": "English"}, {**KOREAN, "language": "../x"}], "write a language code"),
        ([{"language": "en", "name": "English"}, KOREAN, KOREAN], "lists 'ko' twice"),
    ],
)
def test_a_wrong_editions_setting_says_what_to_write(raw, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_editions(raw, "en")


def test_the_nav_is_translated_title_by_title_and_missing_titles_are_named():
    edition = Edition("ko", "한국어", nav_titles={"Home": "홈", "Guide": "안내"})
    nav = [{"Home": "index.md"}, {"Guide": [{"Start": "guide/start.md"}, "guide/more.md"]}]
    translated, missing = translated_nav(nav, edition)
    assert translated == [{"홈": "index.md"}, {"안내": [{"Start": "guide/start.md"}, "guide/more.md"]}]
    assert missing == ["Start"]


def test_editions_that_show_the_same_snippets_agree_whatever_the_titles():
    original = pages(index='# Page\n\n{{ run("a.py", title="First") }}\n\nText.\n\n{{ diagram("a.py", model="m") }}\n')
    translated = pages(index='# 페이지\n\n설명.\n\n{{ run("a.py", title="처음") }}\n{{ diagram("a.py", model="m") }}\n')
    assert edition_problems(original, translated, "ko/", shown) == []


def test_a_page_on_one_side_only_is_named_with_the_file_to_write():
    original = pages(index="# Page\n", guide="# Guide\n")
    translated = pages(index="# 페이지\n", extra="# 덤\n")
    assert edition_problems(original, translated, "ko/", shown) == [
        "docs/guide.md has no translation: write docs/ko/guide.md, showing the same snippets in the same order",
        "docs/ko/extra.md translates no page: docs/extra.md does not exist (renamed?)",
    ]


@pytest.mark.parametrize(
    "translated, problem",
    [
        (
            '{{ run("b.py") }}\n{{ run("a.py") }}\n',
            'line 1 has run("b.py") where line 1 of the original has run("a.py") (only a title may differ)',
        ),
        (
            '{{ run("a.py", hl_lines="2") }}\n{{ run("b.py") }}\n',
            'line 1 has run("a.py", hl_lines="2") where line 1 of the original has run("a.py")',
        ),
        ('{{ run("a.py") }}\n', 'run("b.py") (line 2 of the original) and any after it are missing'),
        (
            '{{ run("a.py") }}\n{{ run("b.py") }}\n{{ run("c.py") }}\n',
            'line 3 has run("c.py"), which the original does not show',
        ),
    ],
)
def test_a_different_snippet_sequence_is_named_with_both_files_and_lines(translated, problem):
    original = pages(index='{{ run("a.py") }}\n{{ run("b.py") }}\n')
    (message,) = edition_problems(original, pages(index=translated), "ko/", shown)
    assert message.startswith("docs/ko/index.md does not show what docs/index.md shows: ")
    assert problem in message


# Real builds of a small site with a Korean edition.

EDITIONS = """
site_url: https://example.org/small/
theme:
  name: material
  language: en
nav:
  - Home: index.md
extra:
  editions:
    - language: en
      name: English
    - language: ko
      name: 한국어
      site_name: 작은 사이트
      nav_titles:
        Home: 홈
"""


FENCES = """  - pymdownx.superfences:
      custom_fences:
        - name: snippet-output
          class: snippet-output
          format: !!python/name:snippet_engine.fences.output_fence
"""


@pytest.fixture
def bilingual(tmp_path) -> SmallSite:
    site = SmallSite(tmp_path)
    config = site.root / "mkdocs.yml"
    text = config.read_text().replace("extra:\n", EDITIONS, 1).replace("  - pymdownx.superfences\n", FENCES)
    config.write_text(text, encoding="utf-8")
    (site.root / "docs" / "ko").mkdir()
    site.page('# Page\n\n{{ run("hello.py") }}\n')
    site.snippet("hello.py", "print('hello from one run')\n")
    return site


def korean_page(site: SmallSite, text: str) -> None:
    (site.root / "docs" / "ko" / "index.md").write_text(textwrap.dedent(text), encoding="utf-8")


def test_each_snippet_runs_once_for_both_editions_with_the_same_output(bilingual):
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py") }}\n')
    build = bilingual.build()
    assert build.returncode == 0, build.stderr
    assert "Snippets: 1 run, 0 taken from the cache" in build.stderr
    assert "Snippets: 0 run, 1 taken from the cache" in build.stderr  # the Korean edition: no run
    english, korean = shown_outputs(bilingual.root / "site").by_page
    assert english == ("index.html", "hello from one run")
    assert korean == ("ko/index.html", "hello from one run")
    page = (bilingual.root / "site" / "ko" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ko"' in page and f">{KOREAN_WORDS.output}</span>" in page


def test_a_translation_that_shows_other_snippets_fails_the_build_naming_both_files(bilingual):
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py", hl_lines="1") }}\n')
    build = bilingual.build()
    assert build.returncode == 1
    assert (
        'docs/ko/index.md does not show what docs/index.md shows: line 3 has run("hello.py", hl_lines="1") '
        'where line 3 of the original has run("hello.py")' in build.stderr
    )
    assert "Traceback" not in build.stderr


def test_a_page_without_translation_fails_the_build(bilingual):
    build = bilingual.build()
    assert build.returncode == 1
    assert "docs/index.md has no translation: write docs/ko/index.md" in build.stderr


def test_a_nav_title_without_translation_fails_the_build(bilingual):
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py") }}\n')
    config = bilingual.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("        Home: 홈\n", "        Start: 시작\n"), encoding="utf-8")
    build = bilingual.build()
    assert build.returncode == 1
    assert "the ko edition's nav_titles has no translation for 'Home'" in build.stderr
    assert "Traceback" not in build.stderr


def test_a_failure_in_the_translations_own_build_fails_the_build_with_its_message(bilingual):
    # The translation's build runs beside the primary one, in a process of its own (under `build`).
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py") }}\n\n[없는 페이지](missing.md)\n')
    build = bilingual.build()
    assert build.returncode == 1
    assert "Doc file 'index.md' contains a link 'missing.md', but the target is not found" in build.stderr
    assert "the 한국어 edition (docs/ko/): Aborted with 1 warnings in strict mode!" in build.stderr
    assert "Traceback" not in build.stderr
    assert (bilingual.root / "site" / "index.html").is_file()  # the primary build went on to its end


# A build in which the primary edition's cleaning of the site folder comes late: the translation's build,
# forked before it, must not have written its pages there yet.
SLOW_CLEANING_BUILD = """
import time
import mkdocs.utils
from mkdocs.__main__ import cli

clean_directory = mkdocs.utils.clean_directory

def late_cleaning(directory):
    if not directory.endswith("ko"):
        time.sleep(2)
    clean_directory(directory)

mkdocs.utils.clean_directory = late_cleaning
cli(["build", "--strict"])
"""


def test_the_translation_writes_nothing_before_the_primary_build_has_cleaned_the_site_folder(bilingual):
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py") }}\n')
    assert bilingual.build().returncode == 0  # every result cached: the translation has nothing to wait for
    build = subprocess.run(
        [sys.executable, "-c", SLOW_CLEANING_BUILD],
        cwd=bilingual.root,
        env=build_environment(),
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    assert "hello from one run" in (bilingual.root / "site" / "ko" / "index.html").read_text(encoding="utf-8")


def test_serve_rebuilds_both_editions_when_a_snippet_changes(bilingual):
    korean_page(bilingual, '# 페이지\n\n{{ run("hello.py") }}\n')
    with served(bilingual.root) as server:
        assert "hello from one run" in server.page_when(lambda html: "hello from one run" in html, path="small/ko/")
        server.log.wait_for("Snippet worker started")
        bilingual.snippet("hello.py", "print('edited once')\n")
        assert "edited once" in server.page_when(lambda html: "edited once" in html, path="small/ko/")
        assert "edited once" in server.page_when(lambda html: "edited once" in html, path="small/")
        bilingual.snippet("hello.py", "raise RuntimeError('broken on purpose')\n")
        for path in ("small/", "small/ko/"):
            assert "broken on purpose" in server.page_when(lambda html: "broken on purpose" in html, path=path)
        bilingual.snippet("hello.py", "print('mended')\n")
        for path in ("small/", "small/ko/"):
            assert "mended" in server.page_when(lambda html: "mended" in html, path=path)
    text = server.log.text()
    assert "Traceback" not in text.partition("the snippet raised RuntimeError")[0]
    # After that, the snippet's own traceback, in each edition's message, and nothing else.
    assert text.count("Traceback (most recent call last)") == 2
    assert "shown on docs/index.md, line 3" in text and "shown on docs/ko/index.md, line 3" in text
    # In every build, the translation's ran nothing, not even the snippet that failed in the primary's;
    # the primary's ran each on the worker started with the server.
    assert text.count("Snippets: 0 run") >= text.count("Building documentation..."), text
    assert "Snippets: 0 run, 0 taken from the cache, 1 failed in the primary build" in text
    assert text.count("Snippet worker started") == 1, text


def test_a_failed_build_stops_the_translation_it_began():
    """Under `mkdocs serve` the next edit's build follows a failed one: the translation forked for
    the failed one must not go on writing into the same folder."""
    import mkdocs_hooks

    errors, unused = os.pipe()
    translation = os.fork()
    if translation == 0:  # a translation's build that takes its time
        time.sleep(120)
        os._exit(0)
    os.close(unused)
    begun = editions.TranslationBuild(Edition("ko", "한국어"), process_id=translation, errors=errors)
    mkdocs_hooks._translations[:] = [begun]
    try:
        mkdocs_hooks.on_build_error(error=PluginError("a page failed"))
        assert mkdocs_hooks._translations == []
        with pytest.raises(ChildProcessError):  # ended and waited for: no process of that id is left
            os.waitpid(translation, os.WNOHANG)
    finally:
        begun.stop()


# The site's own build (the `built_site` fixture: both editions, from one run).


def pages_of(site, edition: str) -> dict[str, str]:
    """{page path within its edition: html} of one edition's pages."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        in_korean = path.startswith("ko/")
        if in_korean == (edition == "ko"):
            found[path.removeprefix("ko/")] = page.read_text(encoding="utf-8")
    return found


def test_every_korean_page_shows_exactly_the_outputs_of_its_english_page(site_output_texts):
    by_page: dict[str, list[str]] = {}
    for page, text in site_output_texts:
        by_page.setdefault(page, []).append(text)
    english = {page: texts for page, texts in by_page.items() if not page.startswith("ko/")}
    korean = {page.removeprefix("ko/"): texts for page, texts in by_page.items() if page.startswith("ko/")}
    assert len(english) > 10
    assert korean == english


def test_every_code_and_output_block_of_a_korean_page_is_its_english_pages_byte_for_byte(built_site):
    """The snippets' code as the copy buttons copy it, and every output, as the English page has
    them: one run feeds both editions."""
    english, korean = pages_of(built_site, "en"), pages_of(built_site, "ko")
    assert korean.keys() == english.keys()
    blocks, snippets = {}, 0
    for language, edition in (("en", english), ("ko", korean)):
        for path, html in edition.items():
            page = BeautifulSoup(html, "html.parser")
            blocks[language, path] = [str(pre) for pre in page.find_all("pre")]
            # A snippet's code block is followed by its links (view, download); other code is prose.
            snippets += len(page.select("div.highlight + .snippet-links")) if language == "en" else 0
    assert snippets > 100
    different = [path for path in english if blocks["ko", path] != blocks["en", path]]
    assert not different, f"Korean pages whose code or output blocks differ from the English page's: {different}"


def test_every_page_names_its_language_and_links_to_its_translation(built_site):
    with open(REPO / "mkdocs.yml", "rb") as file:
        site_url = yaml_load(file)["site_url"]
    roots = {"en": site_url, "ko": site_url + "ko/"}
    english, korean = pages_of(built_site, "en"), pages_of(built_site, "ko")
    assert english.keys() == korean.keys()
    for language, edition in (("en", english), ("ko", korean)):
        for path, html in edition.items():
            assert f'<html lang="{language}"' in html, path
            head = html[: html.index("</head>")]
            for hreflang, root in roots.items():
                assert f'<link rel="alternate" href="{root}" hreflang="{hreflang}">' in head, (path, hreflang)
                # The 404 page, served for any missing address, links to each edition's home page.
                page_url = "" if path in ("index.html", "404.html") else path.removesuffix("index.html")
                switcher_link = f'<a href="{urlsplit(root).path}{page_url}" hreflang="{hreflang}"'
                assert switcher_link in html, (language, path, hreflang)


def test_each_editions_sitemap_gives_every_page_its_translations_that_exist(built_site):
    with open(REPO / "mkdocs.yml", "rb") as file:
        site_url = yaml_load(file)["site_url"]
    roots = {"en": site_url, "ko": site_url + "ko/", "x-default": site_url}
    folders = {"en": built_site, "ko": built_site / "ko"}
    for language, folder in folders.items():
        entries = ElementTree.parse(folder / "sitemap.xml").getroot().findall("sitemap:url", SITEMAP)
        assert len(entries) > 20, language
        for entry in entries:
            page = entry.find("sitemap:loc", SITEMAP).text.removeprefix(roots[language])
            alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", SITEMAP)}
            assert alternates == {hreflang: root + page for hreflang, root in roots.items()}, (language, page)
            for hreflang in ("en", "ko"):
                assert (folders[hreflang] / page / "index.html").is_file(), (language, page, hreflang)


def test_korean_notebooks_hold_the_code_and_outputs_of_the_english_ones(built_site):
    english, korean = published_notebooks(built_site), published_notebooks(built_site / "ko")
    assert english.keys() == korean.keys() and len(english) > 10
    for page, path in english.items():
        ours, theirs = (nbformat.read(notebook, as_version=4) for notebook in (path, korean[page]))
        ours_setup, *ours_cells = [cell for cell in ours.cells if cell.cell_type == "code"]
        theirs_setup, *theirs_cells = [cell for cell in theirs.cells if cell.cell_type == "code"]
        assert [(cell.source, cell.outputs) for cell in theirs_cells] == [
            (cell.source, cell.outputs) for cell in ours_cells
        ], page
        # The set-up cell's code is the same; its title and comments are in Korean.
        assert _code_lines(theirs_setup.source) == _code_lines(ours_setup.source), page
        assert "준비" in theirs_setup.source, page
        title = theirs.cells[0].source
        assert title.startswith("# ") and not title.isascii() and "준비 셀" in title, page


def _code_lines(source: str) -> list[str]:
    return [line for line in source.splitlines() if not line.lstrip().startswith("#")]
