"""A rendered notebook's headings, with the anchors of the page the notebook comes from.

mkdocs-jupyter makes a heading's id from its words, keeping only ASCII letters and digits:
a Korean heading gets an empty id, and the table of contents links to ids that do not exist.
A translated page gives each heading its original's anchor ({ #id }); its notebook's headings
get the same anchors, so links and the table of contents work, in both editions alike.
"""

import re

from .notebooks import notebook_headings
from .pages import Page

# A heading as nbconvert writes it: <h2 id="...">words<a class="anchor-link" href="#...">¶</a></h2>.
HEADING = re.compile(
    r'<h(?P<level>[1-6])(?P<attributes>[^>]*?) id="(?P<id>[^"]*)"(?P<rest>[^>]*)>(?P<body>.*?)</h(?P=level)>', re.S
)
ANCHOR_LINK = re.compile(r'(<a class="anchor-link" href=")#[^"]*(")')


def notebook_heading_ids(page: Page) -> list[str | None]:
    """The id each heading of the page's notebook should have, in order (its title first), or
    None where the page gives none and mkdocs-jupyter's own id stands."""
    return [None, *(heading.anchor for heading in notebook_headings(page))]


def with_heading_ids(html: str, ids: list[str | None], page: str) -> tuple[str, list[str]]:
    """The rendered notebook with its n-th heading's id (and the link to it) set to ids[n], and
    the ids its headings then have. A heading without an id of its own or from mkdocs-jupyter
    (a title in Korean) gets "notebook", or "notebook-<n>". ValueError when the notebook has
    another number of headings than `ids`: its rendering is not the one this module knows."""
    found = list(HEADING.finditer(html))
    if len(found) != len(ids):
        raise ValueError(
            f"the notebook of {page} renders {len(found)} headings where its page gives {len(ids)}: "
            "mkdocs-jupyter's output changed; see src/snippet_engine/notebook_anchors.py"
        )
    final = [anchor or heading.group("id") for anchor, heading in zip(ids, found, strict=True)]
    final = [anchor or ("notebook" if index == 0 else f"notebook-{index}") for index, anchor in enumerate(final)]
    anchors = iter(final)

    def anchored(heading: re.Match) -> str:
        anchor = next(anchors)
        body = ANCHOR_LINK.sub(rf"\g<1>#{anchor}\g<2>", heading.group("body"))
        level, attributes, rest = heading.group("level", "attributes", "rest")
        return f'<h{level}{attributes} id="{anchor}"{rest}>{body}</h{level}>'

    return HEADING.sub(anchored, html), final
