"""Highlighted code without the token spans that change nothing the reader sees.

Pygments puts every token of highlighted code in a span named after its kind, names and
whitespace included. A page of this site holds about a thousand of them: most of its elements.
The browser styles and lays out each one, again every time the theme's script restyles the whole
page as it loads, and the accessibility checks look at each. A span whose kind the stylesheets
draw exactly like the code around it only costs that; its text reads the same without it.
"""

import re
from collections.abc import Callable

# One token as Pygments writes it (its text is escaped: no "<" inside), or an empty span.
TOKEN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>|<span></span>')

# A code block as pymdownx.highlight writes it: the title (if any) and <pre><span></span><code>
# before the code, then the code's lines, each in a span of its own.
HIGHLIGHTED_BLOCK = re.compile(r'(<div class="language-[\w-]+ highlight">.*?<code>)(.*?)(</code></pre>)', re.S)

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


def plain_tokens(html: str) -> str:
    """A page's HTML with the tokens of PLAIN_KINDS in its code blocks as plain text."""
    return HIGHLIGHTED_BLOCK.sub(
        lambda block: block[1] + without_spans(block[2], PLAIN_KINDS.__contains__) + block[3], html
    )
