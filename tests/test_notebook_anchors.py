"""A rendered notebook's headings get the anchors of the page the notebook comes from."""

import pytest

from snippet_engine.notebook_anchors import notebook_heading_ids, with_heading_ids
from snippet_engine.pages import parse_page

PAGE = """# 페이지

## 첫 모델 { #a-first-model }

{{ run("a.py") }}

## 설명만 { #prose-only }

## Plain words

{{ run("b.py") }}
"""

RENDERED = (
    '<h1 id="">페이지<a class="anchor-link" href="#">¶</a></h1><p>intro</p>'
    '<h2 id="">첫 모델<a class="anchor-link" href="#">¶</a></h2><pre>out</pre>'
    '<h2 id="plain-words">Plain words<a class="anchor-link" href="#plain-words">¶</a></h2>'
)


def test_the_ids_are_the_pages_anchors_for_the_headings_the_notebook_keeps():
    # "설명만" shows no snippet: the notebook leaves it out, and its anchor with it.
    assert notebook_heading_ids(parse_page(PAGE, "x.md")) == [None, "a-first-model", None]


def test_headings_and_their_links_get_the_ids_and_a_heading_without_any_gets_one():
    html, ids = with_heading_ids(RENDERED, [None, "a-first-model", None], "docs/ko/x.md")
    assert ids == ["notebook", "a-first-model", "plain-words"]
    assert '<h1 id="notebook">페이지<a class="anchor-link" href="#notebook">¶</a></h1><p>intro</p>' in html
    assert '<h2 id="a-first-model">첫 모델<a class="anchor-link" href="#a-first-model">¶</a></h2>' in html
    assert RENDERED.split("<pre>out</pre>")[1] in html  # kept as mkdocs-jupyter wrote it


def test_another_number_of_headings_than_the_page_gives_fails_naming_the_page():
    with pytest.raises(ValueError, match="the notebook of docs/ko/x.md renders 3 headings where its page gives 2"):
        with_heading_ids(RENDERED, [None, "a-first-model"], "docs/ko/x.md")
