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
                output = following.find("code").get_text()
            found.setdefault(name, []).append(output)
    return found


def output_texts(site: Path) -> list[tuple[str, str]]:
    """(page, text) of every Output block of the site."""
    texts = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        texts.extend(
            (str(page.relative_to(site)), block.find("code").get_text()) for block in soup.select("div.snippet-output")
        )
    return texts
