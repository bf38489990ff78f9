"""Reading what the built HTML shows for each snippet."""

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup


@dataclass(frozen=True)
class ShownOutputs:
    """The Output blocks of a built site, read in one pass over its pages (parsing them all takes
    seconds)."""

    # For each snippet file (snippets/...), the text of every Output block shown after its code.
    by_snippet: dict[str, list[str]]
    # (page, text) of every Output block, snippet's or not.
    by_page: list[tuple[str, str]]


def shown_outputs(site: Path) -> ShownOutputs:
    by_snippet: dict[str, list[str]] = {}
    by_page: list[tuple[str, str]] = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = str(page.relative_to(site))
        by_page.extend((name, printed_text(block)) for block in soup.select("div.snippet-output"))
        for title in soup.select("div.highlight .filename"):
            snippet = title.get_text()
            if not snippet.startswith("snippets/"):
                continue
            block = title.find_parent("div", class_="highlight")
            following = block.find_next_sibling()
            if following is not None and "snippet-links" in following.get("class", []):
                following = following.find_next_sibling()
            output = ""
            if following is not None and "snippet-output" in following.get("class", []):
                output = printed_text(following)
            by_snippet.setdefault(snippet, []).append(output)
    return ShownOutputs(by_snippet, by_page)


def printed_text(output_block) -> str:
    """What the run printed, as an Output block holds it: its <pre> elements in order (text,
    and summary tables as printed; their HTML tables are another view of the same text)."""
    return "".join(code.get_text() for code in output_block.select("pre > code"))
