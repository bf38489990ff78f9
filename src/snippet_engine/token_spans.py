"""Highlighted code that costs the browser no more than it must: no token span that changes
nothing the reader sees, and from the start the layout the theme gives the code.

Pygments puts every token of highlighted code in a span named after its kind, names and
whitespace included. A page of this site holds about a thousand of them: most of its elements.
The browser styles and lays out each one, again every time the theme's script restyles the whole
page as it loads, and the accessibility checks look at each. A span whose kind the stylesheets
draw exactly like the code around it only costs that; its text reads the same without it.

The theme's script, as it sets up a code block whose lines are spans with ids (line_spans: all of
ours), gives its <code> a class that the theme's stylesheet lays out as a grid. Added then, the
class made the browser rebuild the block's whole layout, line by line, in the task that set it up:
for the first block of reusing-layers, 85 ms of blocked main thread on a desktop CPU (Lighthouse's
phone is four times slower).
Written into the page, the class is already there: the set-up adds nothing, and the code looks as
it will from the first frame.

A block away from the screen is not drawn until the reader scrolls near it (site.css); until then it
holds the room the stylesheet gives it. Its number of lines tells that room exactly.
"""

import re
from collections.abc import Callable

# One token as Pygments writes it (its text is escaped: no "<" inside), or an empty span.
TOKEN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>|<span></span>')

# A code block as pymdownx.highlight writes it: its div (with the classes and attributes a fence
# gives it, data-copy for one), the title (if any) and <pre><span></span><code> before the code,
# then the code's lines, each in a span of its own.
HIGHLIGHTED_BLOCK = re.compile(
    r'(<div class="language-[\w-]+(?: [\w-]+)* highlight"(?: [\w-]+="[^"]*")*>.*?<code>)(.*?)(</code></pre>)',
    re.S,
)

# The class of the theme's code blocks whose lines are spans (mkdocs-material's
# components/content/code: mountCodeBlock), and the first line's span, which tells them.
THEME_CODE_CLASS = "md-code__content"
LINE_SPAN = '<span id="'
# The custom property that gives a titled block's number of lines to the stylesheet, and the
# title's opening tag as pymdownx.highlight writes it.
CODE_LINES = "--code-lines"
TITLE = '<span class="filename">'

# Kinds of token mkdocs-material draws in the code's own colour and font: names
# (--md-code-hl-name-color is --md-code-fg-color), and whitespace, string prefixes
# (the f of f"..."), magic methods and magic variables, which no rule of its styles names.
# test_browser.py checks in both palettes that a span of each kind looks like the code around it.
PLAIN_KINDS = frozenset({"n", "w", "sa", "fm", "vm"})


def without_spans(code: str, is_plain: Callable[[str], bool]) -> str:
    """`code` (highlighted HTML) with each token span whose kind `is_plain` replaced by its text;
    empty spans go too."""

    def unwrap(token: re.Match) -> str:
        if token[1] is None:
            return ""
        return token[2] if is_plain(token[1]) else token[0]

    return TOKEN.sub(unwrap, code)


def with_theme_layout(opening: str, code: str) -> str:
    """The opening of a block (up to its <code>) with the class the theme gives code of line spans,
    and, for a block with a title (every snippet's), its number of lines (CODE_LINES): from it the
    stylesheet knows the block's height before it is drawn (site.css)."""
    if not code.startswith(LINE_SPAN):
        return opening
    if TITLE in opening:
        opening = opening.replace("<div ", f'<div style="{CODE_LINES}: {code.count(LINE_SPAN)}" ', 1)
    return opening.removesuffix("<code>") + f'<code class="{THEME_CODE_CLASS}">'


def plain_tokens(html: str) -> str:
    """A page's HTML with the tokens of PLAIN_KINDS in its code blocks as plain text, and each
    block's code already laid out as the theme lays it out (THEME_CODE_CLASS)."""
    return HIGHLIGHTED_BLOCK.sub(
        lambda block: (
            with_theme_layout(block[1], block[2]) + without_spans(block[2], PLAIN_KINDS.__contains__) + block[3]
        ),
        html,
    )
