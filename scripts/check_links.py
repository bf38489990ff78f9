"""Check every internal link and #anchor of a built site.

    python scripts/check_links.py SITE_DIR

Reads each HTML page under SITE_DIR and checks that every link to the site
itself (relative, absolute from the site's path, or the full site_url of
mkdocs.yml) leads to a file of the build, and that every #anchor names an
element of the page it points to. Links to other hosts are not followed (the
build runs offline). Prints one line per broken link and exits 1 if any.
"""

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
# Attributes that make the browser fetch or go to another address.
LINK_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
}
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")


class PageParser(HTMLParser):
    """Collects a page's links (with their line) and the ids and names anchors can point at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)
            elif (tag, name) in LINK_ATTRIBUTES:
                self.links.append((self.getpos()[0], value))


def parse(page: Path) -> PageParser:
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_url_from_config(config_file: Path = REPO / "mkdocs.yml") -> str:
    from mkdocs.utils.yaml import yaml_load

    return yaml_load(config_file.read_text(encoding="utf-8"))["site_url"]


def check_site(site_dir: Path, site_url: str) -> list[str]:
    """One message per broken link or anchor in the HTML pages of site_dir."""
    site_dir = site_dir.resolve()
    site_path = urlsplit(site_url).path.rstrip("/") + "/"
    parsed: dict[Path, PageParser] = {}

    def page(path: Path) -> PageParser:
        if path not in parsed:
            parsed[path] = parse(path)
        return parsed[path]

    problems = []
    for html in sorted(site_dir.rglob("*.html")):
        # Every page is served at /<site_path>/<its path>; 404.html at any address,
        # which is why MkDocs writes its links absolute.
        page_url = site_path + html.relative_to(site_dir).as_posix()
        for line, link in page(html).links:
            where = f"{html.relative_to(site_dir)}:{line}: {link}"
            if link.startswith(NOT_FOLLOWED):
                continue
            if link.startswith(site_url):  # a full address of this site: check it as a path
                link = urlsplit(link)._replace(scheme="", netloc="").geturl()
            parts = urlsplit(urljoin(page_url, link))
            if parts.scheme or parts.netloc:
                continue  # another host
            path = unquote(parts.path)
            if not path.startswith(site_path):
                problems.append(f"{where}: leads outside the site's path {site_path}")
                continue
            target = site_dir / PurePosixPath(path[len(site_path) :])
            if target.is_dir() or path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{where}: no such file in the build ({target.relative_to(site_dir)})")
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html" and anchor not in page(target).anchors:
                problems.append(f"{where}: no element with id {anchor!r} in {target.relative_to(site_dir)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--site-url", help="the site's address (default: site_url in mkdocs.yml)")
    args = parser.parse_args()
    problems = check_site(args.site_dir, args.site_url or site_url_from_config())
    for problem in problems:
        print(problem)
    pages = sum(1 for _ in args.site_dir.rglob("*.html"))
    print(f"check_links: {pages} pages, {len(problems)} broken link(s) or anchor(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
