"""A page, parsed once: its title, headings and directives, and what is wrong with it.

Everything that reads a page (the snippet runs, the page's Markdown, its
notebook, its diagrams) reads this object, never the Markdown again.
"""

import re
from dataclasses import dataclass

from .directives import Directive, lines_outside_fences, read_directives

# A heading's text stops before an attribute list: "## 학습 로그 { #reading-the-log }" keeps the
# original page's anchor in a translation, and the notebook shows only the words.
HEADING = re.compile(
    r"^ {0,3}(?P<hashes>#{1,3})[ \t]+(?P<text>.+?)(?:[ \t]+\{:?[ \t]*(?P<attributes>[#.][^{}]*)\})?[ \t]*$"
)
ANCHOR = re.compile(r"(?:^|\s)#(?P<id>[^\s#.]+)")
# A content tab's label line (pymdownx.tabbed): === "Label", its content indented below it.
TAB = re.compile(r'^(?P<indent>[ \t]*)===[+!]?[ \t]+"(?P<label>[^"]*)"[ \t]*$')


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    # The id written in the heading's attribute list ({ #id }), if any.
    anchor: str | None = None


@dataclass(frozen=True)
class Tab:
    line: int
    indent: str
    label: str


@dataclass(frozen=True)
class Page:
    # The page's path under docs/, as MkDocs names it (building-models/sequential.md).
    path: str
    markdown: str
    title: str
    headings: tuple[Heading, ...]
    directives: tuple[Directive, ...]
    # One message per malformed directive, naming the page and the line.
    errors: tuple[str, ...]
    tabs: tuple[Tab, ...]

    @property
    def runs(self) -> list[Directive]:
        return [directive for directive in self.directives if directive.kind == "run"]

    def tab_of(self, directive: Directive) -> str | None:
        """The label of the content tab `directive` is in, if any: the last tab label above it,
        less indented than it, with no heading in between."""
        since = max((heading.line for heading in self.headings if heading.line < directive.line), default=0)
        labels = [
            tab.label
            for tab in self.tabs
            if since < tab.line < directive.line and len(tab.indent) < len(directive.indent)
        ]
        return labels[-1] if labels else None


def parse_page(markdown: str, path: str, shown_as: str | None = None) -> Page:
    """`shown_as` is how messages name the page (docs/...); the path itself by default."""
    directives, errors = read_directives(markdown, shown_as or path)
    headings = tuple(
        Heading(index + 1, len(heading.group("hashes")), heading.group("text"), _anchor(heading.group("attributes")))
        for index, line in lines_outside_fences(markdown)
        if (heading := HEADING.match(line))
    )
    tabs = tuple(
        Tab(index + 1, tab.group("indent"), tab.group("label"))
        for index, line in lines_outside_fences(markdown)
        if (tab := TAB.match(line))
    )
    titles = [heading.text for heading in headings if heading.level == 1]
    return Page(
        path=path,
        markdown=markdown,
        title=titles[0] if titles else path.rsplit("/", 1)[-1].removesuffix(".md"),
        headings=headings,
        directives=tuple(directives),
        errors=tuple(str(error) for error in errors),
        tabs=tabs,
    )


def _anchor(attributes: str | None) -> str | None:
    found = ANCHOR.search(attributes or "")
    return found.group("id") if found else None
