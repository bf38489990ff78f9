"""The Notebooks pages made light: mkdocs-jupyter's rendering without what these notebooks never use.

mkdocs-jupyter puts into every notebook page JupyterLab's whole stylesheet (574 KB), its theme's,
Pygments' (twice), a MathJax loader and a Mermaid loader. Here the page keeps its content and the
scripts it needs (the copy button of each code cell); its styles move to one stylesheet that all
notebook pages share, cut down to the rules their elements can match; and the highlighted code
loses the spans that no rule styles. A script or link it does not know fails: an upgrade of
mkdocs-jupyter that adds one must be looked at, not shipped heavy. Each Keras summary table an
output printed is shown as on the other pages: an HTML table that reflows on a phone, with the
printed one a click away; and so are a cell's warnings, in a titled warning box.
"""

import functools
import hashlib
import html as html_text
import posixpath
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2

from .cache import ResultCache, cache_key
from .fences import keeps_its_lines, summary_html, with_error_message_marked
from .summary_tables import SummaryTableError, Table, split_output
from .token_spans import without_spans
from .wording import ENGLISH, Wording

# The elements that load or run something; a script's or a style's body ends at the first closing
# tag of its kind, as the HTML tokenizer reads it.
OPENING = re.compile(r"<(script|style|link)\b[^>]*>", re.I)
CLOSING = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
# A code cell's source as Pygments highlights it: each token in a span with the class of its kind.
HIGHLIGHTED = re.compile(r'(<div class="highlight-ipynb[^"]*"><pre)(>.*?)(</pre>)', re.S)
# nbconvert makes each cell's input box focusable (a tab stop on every cell, Markdown ones
# included), though what scrolls, when a line is wider than the cell, is the code's <pre> inside.
FOCUSABLE_CELL = '<div class="jp-Cell-inputWrapper" tabindex="0">'
# An output as nbconvert writes a printed text (text/plain), a stream of warnings or an error's
# traceback (both application/vnd.jupyter.stderr; a traceback's every line after a newline):
# the text, escaped, in a <pre> of its own.
TEXT_OUTPUT = re.compile(
    r'(<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="(?P<mime>text/plain|application/vnd'
    r'\.jupyter\.stderr)"[^>]*>\s*)<pre>(?P<text>.*?)</pre>',
    re.S,
)
OUTPUT_CLASS = "jp-OutputArea-output"
TRACEBACK_START = "Traceback (most recent call last):"
# Each warning starts as Python's default format starts it (snippet_engine.worker_main):
# file:line: Category: message, the message going on over more lines at times.
WARNING_START = re.compile(r"^[^\s:][^:\n]*:\d+: \w+: ", re.M)
STYLED_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Classes of mkdocs-material's own elements: its script adds some to the content as the page
# loads (md-typeset__scrollwrap around tables, md-clipboard...), so the page's HTML does not show them.
THEME_CLASS_PREFIX = "md-"


class NotebookHtmlError(ValueError):
    """A notebook page holds something this module does not know what to do with."""


@dataclass(frozen=True)
class Script:
    """A script mkdocs-jupyter writes into notebook pages, known by its opening tag (exactly as
    written) and a text its body holds; kept, or dropped unless the page has what `needed_by` finds."""

    opening: str
    marker: str
    keep: bool
    needed_by: re.Pattern | None = None


SCRIPTS = (
    # Defines <clipboard-copy>, the copy button of each code cell.
    Script("<script>", "customElements.define('clipboard-copy'", keep=True),
    # Shows "Copied!" when a copy button is used.
    Script("<script>", "addEventListener('clipboard-copy'", keep=True),
    # nbconvert's MathJax loader, given mkdocs-jupyter's custom_mathjax_url, which is empty: the
    # browser fetches and runs nothing (another address would load MathJax from another host).
    Script('<script src="">', "", keep=False),
    # Read by MathJax alone, which no notebook page loads.
    Script('<script type="text/x-mathjax-config">', "init_mathjax", keep=False),
    # Imports Mermaid from cdnjs.cloudflare.com when the notebook has a Mermaid output; the site's
    # notebooks have none, and one that had would need its diagram drawn another way.
    Script(
        '<script type="module">',
        ".jp-Mermaid > pre.mermaid",
        keep=False,
        needed_by=re.compile(r'class="[^"]*\bjp-Mermaid\b'),
    ),
)


@dataclass(frozen=True)
class LightContent:
    html: str  # the page's content without its inline styles
    styles: tuple[str, ...]  # the stylesheets it had inline, in page order


def light_content(
    content: str, page: str, words: Wording = ENGLISH, *, site_url: str = "", page_url: str = ""
) -> LightContent:
    """`content`, a notebook page's content as mkdocs-jupyter renders it (`page` names it in errors),
    without its inline styles, the scripts it never runs and its unstyled code spans, its summary
    tables in both forms and its warnings in a titled box (in the language of `words`), its links
    to `site_url` relative to `page_url` (see `relative_site_links`). Made light before the rest of
    the build reads it: the styles are four fifths of it. Raises NotebookHtmlError on a script or
    link it does not know."""
    kept, styles, position = [], [], 0
    for opening in OPENING.finditer(content):
        if opening.start() < position:
            continue  # inside a script or a style: text, not a tag
        tag = opening.group(1).lower()
        if tag == "link":
            raise NotebookHtmlError(f"{page}: unexpected {opening.group()} in the notebook; {_what_to_do()}")
        closing = CLOSING[tag].search(content, opening.end())
        if closing is None:
            raise NotebookHtmlError(f"{page}: {_opening(content[opening.start() :])} is never closed.")
        element, body = content[opening.start() : closing.end()], content[opening.end() : closing.start()]
        kept.append(content[position : opening.start()])
        position = closing.end()
        if tag == "style":
            styles.append(body)
        elif _kept_script(element, body, content, page):
            kept.append(element)
    if not styles:
        raise NotebookHtmlError(
            f"{page}: the notebook has no inline <style>; mkdocs-jupyter must have changed how it "
            f"styles notebooks: look at the page and update {__name__}."
        )
    kept.append(content[position:])
    lighter = plain_unstyled_tokens("".join(kept), _styled_classes(tuple(styles)))
    lighter = focusable_code(lighter)
    lighter = TEXT_OUTPUT.sub(lambda output: _text_output(output, words, page), lighter)
    return LightContent(relative_site_links(lighter, site_url, page_url), tuple(styles))


def with_stylesheet(html: str, stylesheet_href: str, page: str) -> str:
    """The whole page `html` with a link to `stylesheet_href` at the end of its head."""
    if html.count("</head>") != 1:
        raise NotebookHtmlError(
            f"{page}: expected one </head> in the page; a theme upgrade may have changed it: update {__name__}."
        )
    return html.replace("</head>", f'<link rel="stylesheet" href="{stylesheet_href}">\n</head>')


def relative_site_links(html: str, site_url: str, page_url: str) -> str:
    """`html` with its links to pages under `site_url` made relative to the page at `page_url`
    (both as MkDocs gives them). A notebook links to its tutorial page by its full address, which
    Colab and Jupyter need; on the site itself, a relative link leads to the page of the same
    build: the one `mkdocs serve` serves, or a copy read offline."""
    if not site_url:
        return html
    link = re.compile(rf'(<a href="){re.escape(site_url)}([^"]*)"')

    def relative(match: re.Match) -> str:
        target, fragment = match.group(2).partition("#")[::2]
        path = posixpath.relpath(target or ".", page_url or ".") + ("/" if target.endswith("/") or not target else "")
        return f'{match.group(1)}{path}{"#" + fragment if fragment else ""}"'

    return link.sub(relative, html)


@functools.lru_cache(maxsize=2)
def _styled_classes(styles: tuple[str, ...]) -> frozenset[str]:
    """Every class a selector of `styles` may name (more, not fewer: a ".png" in a url() counts)."""
    return frozenset(STYLED_CLASS.findall("".join(styles)))


def _kept_script(element: str, body: str, content: str, page: str) -> bool:
    for script in SCRIPTS:
        if element.startswith(script.opening) and script.marker in body:
            needed = script.needed_by and script.needed_by.search(content)
            if needed:
                raise NotebookHtmlError(
                    f"{page}: the notebook has {needed.group()!r}, which needs {_opening(element)}; "
                    f"{__name__} drops that script (SCRIPTS there says why)."
                )
            return script.keep
    raise NotebookHtmlError(f"{page}: unexpected {_opening(element)} in the notebook; {_what_to_do()}")


def plain_unstyled_tokens(html: str, styled: Container[str]) -> str:
    """`html` with the highlighted code's token spans whose class is not in `styled` replaced by
    their text. JupyterLab's styles colour keywords, strings and numbers but not names, so a quarter
    of a page's elements were spans that change nothing; each one costs the browser time to style
    and lay out, again every time the theme's script restyles the whole page (six times as it loads)."""

    return HIGHLIGHTED.sub(
        lambda code: code[1] + without_spans(code[2], lambda kind: kind not in styled) + code[3], html
    )


def focusable_code(html: str) -> str:
    """`html` with the keyboard's tab stops on the code of each code cell, which scrolls sideways
    where a line is wider than the cell, instead of on every cell's box, which never scrolls."""
    html = html.replace(FOCUSABLE_CELL, FOCUSABLE_CELL.replace(' tabindex="0"', ""))
    return HIGHLIGHTED.sub(lambda code: code[1] + ' tabindex="0"' + code[2] + code[3], html)


def _text_output(output: re.Match, words: Wording, page: str) -> str:
    if "<" in output["text"]:  # nbconvert's colours for ANSI codes, which these outputs never print
        raise NotebookHtmlError(
            f"{page}: a printed output holds markup ({_opening(output['text'])}): mkdocs-jupyter colours "
            f"ANSI codes so; {__name__} reads plain text only."
        )
    text = html_text.unescape(output["text"])
    if output["mime"] == "text/plain":
        shown = reflowable_tables(output[0], output[1], text, words, page)
    elif text.lstrip("\n").startswith(TRACEBACK_START):
        # In JupyterLab's pink, as the other pages show an error in their output block.
        shown = f"{output[1]}<pre>{with_error_message_marked(text)}</pre>"
    else:
        return titled_warnings(output[0], output[1], text, words, page)
    return _titled(shown, words)


def _titled(output: str, words: Wording) -> str:
    """A printed output or an error with the title the other pages' output blocks have ("Output")."""
    opening_end = output.index(">") + 1
    return f'{output[:opening_end]}<span class="filename">{words.output}</span>{output[opening_end:]}'


def reflowable_tables(output: str, opening: str, text: str, words: Wording, page: str) -> str:
    """A printed `output` (its `opening` tag, its `text`) with each summary table it holds in both
    forms, as on the other pages (fences.summary_html); the rest stays in <pre>s of its own. Joining
    the text of its <pre>s in order gives back `text`. An output without a table keeps its markup.
    In notebooks.css, an output with a table does not scroll; each of its <pre>s does. Text that
    can wrap at every width (fences.keeps_its_lines) has the class "wraps", on its <pre> or, in
    an output without a table, on the output."""
    try:
        segments = split_output(text)
    except SummaryTableError as error:
        raise NotebookHtmlError(f"{page}: a printed output holds a summary table it cannot read: {error}") from None
    if not any(isinstance(segment, Table) for segment in segments):
        if keeps_its_lines(text):
            return output
        # Text that wraps never scrolls: it needs no tab stop.
        wrapping = opening.replace(OUTPUT_CLASS, f"{OUTPUT_CLASS} wraps", 1).replace(' tabindex="0"', "")
        return wrapping + output.removeprefix(opening)
    # Each part scrolls on its own where it is wider than the output (the HTML table never
    # is), so the keyboard's tab stop moves from the output to them.
    parts = [
        summary_html(segment, words, _pre(segment.text, ' class="summary-printed" tabindex="0"'))
        if isinstance(segment, Table)
        else _pre(segment.text, ' tabindex="0"' if keeps_its_lines(segment.text) else ' class="wraps"')
        for segment in segments
    ]
    return opening.replace(' tabindex="0"', "") + "".join(parts)


def titled_warnings(output: str, opening: str, text: str, words: Wording, page: str) -> str:
    """Warnings a cell wrote to stderr (`output`: its `opening` tag, its `text`), shown as the other
    pages show them, in a warning box titled with their number; JupyterLab draws them in the pink
    of an error, and a cell that raises on purpose shows both."""
    count = len(WARNING_START.findall(text))
    if not count:
        raise NotebookHtmlError(
            f"{page}: a cell wrote to stderr something that is neither a traceback nor warnings "
            f"({_opening(text)}); {__name__} knows those two only."
        )
    opening = opening.replace(OUTPUT_CLASS, f"{OUTPUT_CLASS} notebook-warnings", 1)
    title = f'<p class="admonition-title">{words.warnings_title(count)}</p>'
    return f'{opening}<div class="admonition warning">{title}{_pre(text, "")}</div>'


def _pre(text: str, attributes: str) -> str:
    return f"<pre{attributes}>{html_text.escape(text, quote=False)}</pre>"


def _opening(element: str) -> str:
    """An element's opening tag and the start of its body, for an error message."""
    return " ".join(element[:120].split()) + ("..." if len(element) > 120 else "")


def _what_to_do() -> str:
    return (
        f"mkdocs-jupyter may have been upgraded. Add it to SCRIPTS in {__name__} "
        "if the notebook pages need it (keep=True) or say why they do not (keep=False)."
    )


# --- The shared stylesheet: the rules the notebook pages can use -------------------------------

# A start tag and its attributes, values quoted or not (a ">" inside quotes does not end it).
START_TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
CLASS_OR_ID = re.compile(r"""\s(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# What a stylesheet's top-level structure turns on; comments, strings and escapes are skipped whole.
CSS_STRUCTURE = re.compile(r"""/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\\.|[{};]""", re.S)
BETWEEN_RULES = re.compile(r"(?:\s+|/\*.*?\*/)*", re.S)
AT_KEYWORD = re.compile(r"@([\w-]+)")
GROUPING_RULES = {"media", "supports", "container"}
KEYFRAMES = re.compile(r"(?:-\w+-)?keyframes")


@dataclass(frozen=True)
class PageElements:
    """The tag names, classes and ids of some pages' elements: what a selector can match."""

    tags: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]

    @classmethod
    def of(cls, pages: Iterable[str]) -> "PageElements":
        tags, classes, ids = set(), set(), set()
        for html in pages:
            for tag in START_TAG.finditer(html):
                tags.add(tag.group(1).lower())
                for attribute in CLASS_OR_ID.finditer(tag.group(2)):
                    value = "".join(part or "" for part in attribute.group(2, 3, 4))
                    if attribute.group(1).lower() == "class":
                        classes.update(value.split())
                    else:
                        ids.add(value)
        return cls(frozenset(tags), frozenset(classes), frozenset(ids))

    def may_match(self, selector: list) -> bool:
        """Whether every tag, class and id `selector` names is on the pages. Attributes, pseudo-classes
        and combinators are not checked: states and the palette switch change them as the page runs."""
        tags, classes, ids = _named(selector)
        return (
            tags <= self.tags
            and ids <= self.ids
            and all(name in self.classes or name.startswith(THEME_CLASS_PREFIX) for name in classes)
        )


def _named(selector: list) -> tuple[set[str], set[str], set[str]]:
    """The tag names, classes and ids one complex selector (tinycss2 tokens) requires."""
    tags, classes, ids = set(), set(), set()
    tokens = iter(selector)
    for token in tokens:
        if _is_literal(token, "."):
            name = next(tokens, None)
            if name is not None and name.type == "ident":
                classes.add(name.value)
        elif _is_literal(token, ":"):
            # A pseudo-class (:hover, :not(...)) or, after a second colon, a pseudo-element.
            if _is_literal(next(tokens, None), ":"):
                next(tokens, None)
        elif token.type == "hash":
            ids.add(token.value)
        elif token.type == "ident":
            tags.add(token.lower_value)
    return tags, classes, ids


def _is_literal(token, value: str) -> bool:
    return token is not None and token.type == "literal" and token.value == value


@dataclass(frozen=True)
class _Rule:
    prelude: str  # a selector list, or an at-rule's keyword and condition ("@media (max-width:760px)")
    body: str | None  # what its braces hold; None for a statement (@charset "UTF-8";)


@dataclass(frozen=True)
class _Group:
    """An @media (or @supports, @container) rule with the rules of it that are kept."""

    prelude: str
    rules: list


def _rules(css: str) -> list[_Rule]:
    """The top-level rules of a stylesheet, split as a browser splits them. Text left without its
    block at the end (mkdocs-jupyter's second, unparsable copy of the Pygments CSS) a browser drops."""
    rules, depth, start, opening = [], 0, 0, 0
    for mark in CSS_STRUCTURE.finditer(css):
        if mark.group() == "{":
            opening = mark.start() if depth == 0 else opening
            depth += 1
        elif mark.group() == "}" and depth:
            depth -= 1
            if depth == 0:
                rules.append(_Rule(_prelude(css, start, opening), css[opening + 1 : mark.start()]))
                start = mark.end()
        elif mark.group() == ";" and depth == 0 and _prelude(css, start, mark.start()).startswith("@"):
            rules.append(_Rule(_prelude(css, start, mark.start()), None))
            start = mark.end()
    if depth:
        raise NotebookHtmlError(f"A notebook page's styles end inside a block: {css[opening : opening + 80]!r}...")
    return rules


def _prelude(css: str, start: int, end: int) -> str:
    """A rule's prelude, without the comments before it (Pygments labels each rule after its "}")."""
    return css[BETWEEN_RULES.match(css, start, end).end() : end].strip()


def shared_stylesheet(styles: Iterable[str], pages: Iterable[str], cache: ResultCache | None = None) -> str:
    """The rules of the stylesheets `styles` that elements of `pages` can match, with the custom
    properties and keyframes those rules use, in their order, one rule a line. What a browser drops
    (a rule it cannot parse, a @charset after the start) is dropped; an unknown at-rule fails.

    Pruning reads JupyterLab's whole stylesheet, about half a second a build and edition. With
    `cache`, the result is stored under a key of the styles, the elements and this module's code,
    so a build whose notebooks bring no new kind of element reads it back."""
    styles, elements = tuple(styles), PageElements.of(pages)
    if cache is None:
        return _pruned(styles, elements)
    key = cache_key(
        [(f"style:{index}", css.encode("utf-8")) for index, css in enumerate(styles)],
        versions={},
        settings={"tags": sorted(elements.tags), "classes": sorted(elements.classes), "ids": sorted(elements.ids)},
        engine=hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    )
    stored = cache.load(key)
    if stored is not None:
        return stored["stylesheet"]
    stylesheet = _pruned(styles, elements)
    cache.store(key, {"stylesheet": stylesheet})
    return stylesheet


def _pruned(styles: tuple[str, ...], elements: PageElements) -> str:
    kept = [rule for css in styles for rule in _matching(_rules(css), elements)]
    used = _used_names(kept)
    lines = ['@charset "UTF-8";']  # the rules hold non-ASCII text (content:"•")
    lines.extend(text for text in (_text(rule, used) for rule in kept) if text)
    return "\n".join(lines) + "\n"


def _matching(rules: list[_Rule], elements: PageElements) -> list:
    kept = []
    for rule in rules:
        if not rule.prelude.startswith("@"):
            selectors = tinycss2.parse_component_value_list(rule.prelude, skip_comments=True)
            if any(elements.may_match(selector) for selector in _selectors(selectors)):
                kept.append(rule)
            continue
        keyword = AT_KEYWORD.match(rule.prelude).group(1).lower()
        if keyword in GROUPING_RULES and rule.body is not None:
            inner = _matching(_rules(rule.body), elements)
            if inner:
                kept.append(_Group(rule.prelude, inner))
        elif KEYFRAMES.fullmatch(keyword) and rule.body is not None:
            kept.append(rule)  # kept or not once the animations of the kept rules are known
        elif keyword != "charset":
            raise NotebookHtmlError(
                f"The notebook pages' styles have a rule {rule.prelude[:80]!r}, which {__name__} "
                "does not know how to keep or drop: teach it there."
            )
    return kept


def _selectors(prelude: list) -> list[list]:
    """A selector list's selectors, split at its top-level commas."""
    selectors = [[]]
    for token in prelude:
        if _is_literal(token, ","):
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


@dataclass(frozen=True)
class _Names:
    """The custom properties (--jp-...) and the animations that the kept rules use."""

    properties: set[str]
    animations: set[str]


def _used_names(rules: list) -> _Names:
    custom: dict[str, list] = {}
    used = _Names(set(), set())
    for rule in _style_rules(rules):
        for declaration in _declarations(rule):
            if declaration.name.startswith("--"):
                custom.setdefault(declaration.name, []).append(declaration)
                continue
            used.properties.update(_var_names(declaration.value))
            if declaration.lower_name in ("animation", "animation-name"):
                used.animations.update(token.value for token in declaration.value if token.type == "ident")
    # A custom property that one in use names is in use too.
    pending = list(used.properties)
    while pending:
        for declaration in custom.get(pending.pop(), []):
            new = _var_names(declaration.value) - used.properties
            used.properties.update(new)
            pending.extend(new)
    return used


def _style_rules(rules: list) -> list[_Rule]:
    """The rules among `rules` that hold declarations, those inside @media included."""
    found = []
    for rule in rules:
        if isinstance(rule, _Group):
            found.extend(_style_rules(rule.rules))
        elif not rule.prelude.startswith("@"):
            found.append(rule)
    return found


def _declarations(rule: _Rule) -> list:
    nodes = tinycss2.parse_blocks_contents(rule.body, skip_comments=True, skip_whitespace=True)
    nested = [node for node in nodes if node.type in ("qualified-rule", "at-rule")]
    if nested:
        raise NotebookHtmlError(
            f"The notebook pages' styles nest rules in {rule.prelude[:80]!r}, which {__name__} does not prune."
        )
    return [node for node in nodes if node.type == "declaration"]  # the browser drops the rest too


def _var_names(tokens: list) -> set[str]:
    """The custom properties that the var() calls among `tokens` name, nested calls included."""
    names = set()
    for token in tokens:
        if token.type != "function":
            continue
        if token.lower_name == "var":
            first = next((argument for argument in token.arguments if argument.type == "ident"), None)
            if first is not None:
                names.add(first.value)
        names.update(_var_names(token.arguments))
    return names


def _text(rule, used: _Names) -> str:
    """A kept rule as one line of CSS, without the custom properties nothing uses; "" if that empties it."""
    if isinstance(rule, _Group):
        inner = "".join(_text(child, used) for child in rule.rules)
        return f"{rule.prelude}{{{inner}}}" if inner else ""
    if rule.prelude.startswith("@"):  # @keyframes
        return f"{rule.prelude}{{{rule.body.strip()}}}" if rule.prelude.split()[-1] in used.animations else ""
    declarations = [
        f"{declaration.name}:{_css(declaration.value)}{'!important' if declaration.important else ''}"
        for declaration in _declarations(rule)
        if not declaration.name.startswith("--") or declaration.name in used.properties
    ]
    return f"{rule.prelude}{{{';'.join(declarations)}}}" if declarations else ""


def _css(tokens: list) -> str:
    return tinycss2.serialize(tokens).strip()
