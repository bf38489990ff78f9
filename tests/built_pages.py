"""Reading what the built HTML shows for each snippet."""

from pathlib import Path

from bs4 import BeautifulSoup


def shown_outputs(site: Path) -> dict[str, list[str]]:
    """For each snippet file (snippets/...), the text of every Output block shown after its code."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for title in soup.select("div.highlight .filename"):
            name = title.get_text()
            if not name.startswith("snippets/"):
                continue
            block = title.find_parent("div", class_="highlight")
            following = block.find_next_sibling()
            if following is not None and "snippet-links" in following.get("class", []):
                following = following.find_next_sibling()
            output = ""
            if following is not None and "snippet-output" in following.get("class", []):
                output = printed_text(following)
            found.setdefault(name, []).append(output)
    return found


def printed_text(output_block) -> str:
    """What the run printed, as an Output block holds it: its <pre> elements in order (text,
    and summary tables as printed; their HTML tables are another view of the same text)."""
    return "".join(code.get_text() for code in output_block.select("pre > code"))


def output_texts(site: Path) -> list[tuple[str, str]]:
    """(page, text) of every Output block of the site."""
    texts = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        blocks = soup.select("div.snippet-output")
        texts.extend((str(page.relative_to(site)), printed_text(block)) for block in blocks)
    return texts
