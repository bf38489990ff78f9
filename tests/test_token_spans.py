"""Code blocks lose the token spans the theme draws like plain code, and nothing else."""

import html
import re

import markdown
from test_browser import CONFIG

from snippet_engine.token_spans import PLAIN_KINDS, THEME_CODE_CLASS, plain_tokens

# The extensions that write code blocks, pymdownx.highlight configured as mkdocs.yml configures it.
EXTENSIONS = ["attr_list", "pymdownx.highlight", "pymdownx.superfences"]
EXTENSION_CONFIGS = {
    "pymdownx.highlight": next(
        extension["pymdownx.highlight"]
        for extension in CONFIG["markdown_extensions"]
        if "pymdownx.highlight" in extension
    )
}
CODE = 'import keras\n\ndef __init__(self):\n    layer = keras.layers.Dense(2, name=f"x{1}")  # a comment\n'
PAGE = f'Some prose.\n\n``` python title="first.py" linenums="3" hl_lines="2"\n{CODE}```\n'


def rendered(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def kinds(page: str) -> set[str]:
    return set(re.findall(r'<span class="([\w-]+)">', page))


def test_names_whitespace_and_other_plain_tokens_become_text_and_the_page_reads_the_same():
    before = rendered(PAGE)
    after = plain_tokens(before)
    assert kinds(before) & PLAIN_KINDS == {"n", "w", "sa", "fm"}  # the example has each (but vm)
    assert not kinds(after) & PLAIN_KINDS
    assert kinds(after) == kinds(before) - PLAIN_KINDS  # keywords, strings, numbers... keep their span
    assert text_of(after) == text_of(before)
    assert after.count('<span class="hll">') == 1 and after.count('id="__span-0-') == 4  # lines stay whole
    assert len(after) < len(before)


def test_spans_outside_highlighted_code_blocks_are_kept():
    prose = '<p>A <span class="n">name</span> in prose.</p>\n<pre><code><span class="n">x</span></code></pre>'
    assert plain_tokens(prose) == prose


def test_code_of_line_spans_has_the_class_the_theme_lays_it_out_by():
    after = plain_tokens(rendered(PAGE))
    assert after.count(f'<code class="{THEME_CODE_CLASS}"><span id="__span-0-3">') == 1  # linenums="3"
    assert after.count('<div style="--code-lines: 4" class="language-python highlight">') == 1
    assert "<code>" not in after


def test_blocks_with_more_classes_or_attributes_are_found_too():
    page = rendered(PAGE).replace(
        '<div class="language-python highlight">',
        '<div class="language-python no-copy highlight" data-copy="import keras&#10;">',
    )
    after = plain_tokens(page)
    assert not kinds(after) & PLAIN_KINDS
    assert f'<code class="{THEME_CODE_CLASS}">' in after


def test_a_block_without_a_title_gives_no_number_of_lines():
    after = plain_tokens(rendered(PAGE.replace(' title="first.py"', "")))
    assert f'<code class="{THEME_CODE_CLASS}">' in after and "--code-lines" not in after


def test_code_without_line_spans_keeps_its_plain_code_element():
    block = '<div class="language-text highlight"><pre><span></span><code>plain text\n</code></pre></div>'
    assert plain_tokens(block) == block
