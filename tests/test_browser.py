"""The built site in a real browser: headless Chromium driven by Playwright.

The site is served on 127.0.0.1 under the path of its site_url, as GitHub
Pages serves it (unknown addresses get 404.html with status 404). One browser
is started for the module; each test opens the contexts it needs.

Chromium is Debian's `chromium` (/usr/bin/chromium; `make test` installs it as
root) or the browser at $CHROMIUM_PATH. Where none can be had the tests skip
and say how to install one. With SITE_SCREENSHOTS=1 (`make screenshots`) the
tours leave a screenshot of every page, at both widths in both palettes, in
site-screenshots/ for people to look at.
"""

import contextlib
import functools
import http.server
import io
import os
import re
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from PIL import Image

from snippet_engine.selections import SECTION_MARKER
from snippet_engine.token_spans import PLAIN_KINDS
from snippet_engine.wording import ENGLISH, KOREAN

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "site-screenshots"
TAKE_SCREENSHOTS = bool(os.environ.get("SITE_SCREENSHOTS"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the network flags keep it from calling
# Google's hosts at start, which would count as requests leaving localhost.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# 1280 px: the desktop width the site is laid out for (issue 11): every code
# and output block must fit its box there.
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# A line of a summary table starts with one of these (┏ ┃ ┡ │ ├ └ ...).
BOX_DRAWING = re.compile(r"^\s*[\u2500-\u257F]")
CODE_FONT = "JetBrains Mono"
# axe-core, the npm package pinned in package.json (make test installs it),
# injected into each page the tours open. The rules: WCAG 2.0 and 2.1, A and
# AA, plus the few that Lighthouse's accessibility score also counts.
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
EVERY_AXE_RULE = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"target-size": {"enabled": True}, "aria-dialog-name": {"enabled": True}},
}
# The rules whose findings depend on the colours. The others read the page's
# elements and layout, which are the same in both palettes: the dark tours run
# only these, the light tours run every rule.
AXE_COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}

CONFIG = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_PATH = urlsplit(CONFIG["site_url"]).path.rstrip("/") + "/"  # e.g. /keras-model-building/
TRANSLATIONS = {edition["language"] for edition in CONFIG["extra"]["editions"][1:]}


# ---------------------------------------------------------------- serving --


def serve_site(site_dir: Path) -> http.server.ThreadingHTTPServer:
    """Serve site_dir at SITE_PATH on a free local port, 404.html for the rest."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith(SITE_PATH):
                return str(site_dir / "404-not-under-site-path")
            return super().translate_path("/" + path[len(SITE_PATH) :])

        def send_error(self, code, message=None, explain=None):
            page = site_dir / "404.html"
            if code != 404 or not page.exists():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def open_page(tab, url: str, **goto_options):
    """Goes to url and waits until the theme's script has set the page up.

    The script starts once the page is painted (overrides/main.html), which can be after the page's
    load event: what the theme adds (copy buttons, search, tooltips) is not there yet at load.
    """
    response = tab.goto(url, **goto_options)
    tab.wait_for_function("() => window.document$ !== undefined")
    tab.evaluate("new Promise((resolve) => document$.subscribe(() => resolve(true)))")
    return response


@pytest.fixture(scope="module")
def site_url(built_site):
    server = serve_site(built_site)
    yield f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"no browser at {CHROMIUM}: install Debian's chromium (as root: apt-get install -y chromium; "
            "`make test` does it when run as root) or set CHROMIUM_PATH to a Chromium or Chrome binary"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def page_paths(site_dir: Path) -> list[str]:
    """Every page of the built site, as a path under the site root ("" is the home page)."""
    skip = {"assets", "search", "snippets"}
    return sorted(
        "" if index.parent == site_dir else index.parent.relative_to(site_dir).as_posix() + "/"
        for index in site_dir.rglob("index.html")
        if not skip & set(index.relative_to(site_dir).parts)
    )


def page_html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def screenshot_name(path: str) -> str:
    return path.strip("/").replace("/", "--") or "home"


# --------------------------------------------------------------- the tour --


@dataclass
class Tour:
    """What the browser saw on a visit of every page at one width and palette."""

    viewport: str
    scheme: str
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    output_fonts: list[tuple[str, list[dict]]] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    diagrams: dict[str, int] = field(default_factory=dict)
    # How many texts of model diagrams were checked against their box, and those under 4.5:1.
    diagram_texts: int = 0
    diagram_contrast: list[str] = field(default_factory=list)
    # How many texts of code and output blocks were checked against what is drawn behind them, and
    # each pair of colours under 4.5:1.
    code_texts: int = 0
    code_contrast: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    cut_blocks: list[str] = field(default_factory=list)
    # On a phone: how many printed texts may wrap, and those wider than their box all the same.
    wrapping_texts: int = 0
    cut_wrapping_texts: list[str] = field(default_factory=list)
    # Summary tables drawn as HTML tables (phones): how many, and those with a column off screen.
    reflowed_tables: int = 0
    hidden_columns: list[str] = field(default_factory=list)
    # Words of code under a code block's copy button, and prose tables a reader cannot read whole.
    covered_code: list[str] = field(default_factory=list)
    prose_tables: list[str] = field(default_factory=list)
    # Paths (code block titles, inline code) that wrap anywhere but after a "/".
    cut_paths: list[str] = field(default_factory=list)
    # Korean words split between two lines (between their syllables).
    cut_korean_words: list[str] = field(default_factory=list)
    # Rows of tab labels wider than the page (the last labels hidden, to be scrolled to).
    cut_tab_labels: list[str] = field(default_factory=list)
    # Outputs of notebook cells with several texts (title, printed lines, a summary table as printed):
    # how many, and those whose texts do not start at one place.
    stacked_outputs: int = 0
    ragged_outputs: list[str] = field(default_factory=list)
    # How many code blocks had their copy button when the tour looked under them, and those the
    # theme should have given one (not marked no-copy) that had none.
    copy_buttons: int = 0
    missing_copy_buttons: list[str] = field(default_factory=list)
    # At desktop width: what the copy button of each code block titled with a file put on the
    # clipboard, as (page, title, text); and output blocks that had a copy button.
    copied: list[tuple[str, str, str]] = field(default_factory=list)
    output_copy_buttons: list[str] = field(default_factory=list)


# Shows the content of every content tab and <details> at once, so that an
# output in a tab the reader has not opened is checked and measured too. The
# toggles of summary tables stay as they are (SHOW_PRINTED_SUMMARIES).
REVEAL_ALL = """
() => {
  document.querySelectorAll("details:not(.summary-toggle)").forEach((d) => { d.open = true; });
  const style = document.createElement("style");
  style.id = "test-reveal-all";
  style.textContent = ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }";
  document.head.append(style);
}
"""

# A block away from the screen is drawn only when the reader scrolls near it (content-visibility
# in site.css); until then its text has no box and no up-to-date colours. The tours measure every
# block as it is drawn, so they draw them all. test_blocks_away_from_the_screen_wait_to_be_drawn
# checks the page as it loads.
DRAW_EVERY_BLOCK = """
document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "* { content-visibility: visible !important; }";
  document.head.append(style);
});
"""

# On a phone, an open toggle shows a summary table as printed in place of its HTML table.
SHOW_PRINTED_SUMMARIES = (
    "(shown) => document.querySelectorAll('details.summary-toggle').forEach((d) => { d.open = shown; })"
)

MEASURE_TABLES = """
(boxDrawing) => {
  // Each line of each output block: its text, width and number of line boxes,
  // measured on the text itself (a Range), so padding or wrapping shows.
  const startsTable = new RegExp(boxDrawing);
  const tables = [];
  document.querySelectorAll(".snippet-output pre > code, .jp-OutputArea-output pre").forEach((code, block) => {
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const pieces = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node);
    let lines = [[]];
    for (const node of pieces) {
      let start = 0;
      const text = node.data;
      for (let i = 0; i <= text.length; i++) {
        if (i === text.length || text[i] === "\\n") {
          if (i > start) lines[lines.length - 1].push([node, start, i]);
          if (i < text.length) lines.push([]);
          start = i + 1;
        }
      }
    }
    let table = null;
    for (const parts of lines) {
      const text = parts.map(([n, a, b]) => n.data.slice(a, b)).join("");
      if (!parts.length || !startsTable.test(text)) { table = null; continue; }
      const range = document.createRange();
      range.setStart(parts[0][0], parts[0][1]);
      const last = parts[parts.length - 1];
      range.setEnd(last[0], last[2]);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      if (!table) { table = { block, lines: [] }; tables.push(table); }
      table.lines.push({ text, chars: [...text].length, width: range.getBoundingClientRect().width, boxes: tops.size });
    }
  });
  return tables;
}
"""


SCHEMES = {"light": "default", "dark": "slate"}  # the system's setting: the palette the theme shows for it

# Resolves once the theme shows the palette asked for and has finished switching to it.
PALETTE_SHOWN = """
(scheme) => document.body.getAttribute("data-md-color-scheme") === scheme
  && !document.body.hasAttribute("data-md-color-switching")
"""


def show_palette(page, scheme: str, path: str) -> None:
    """Set the system's colour scheme; the theme's automatic palette follows it on the open page."""
    from playwright.sync_api import TimeoutError as NotShownInTime

    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(PALETTE_SHOWN, arg=SCHEMES[scheme], timeout=5_000)
    except NotShownInTime:
        shown = page.locator("body").get_attribute("data-md-color-scheme")
        pytest.fail(f"{path or 'home'}: the palette shows {shown!r}, not the system's {scheme} setting", pytrace=False)


def visit_all_pages(browser, site_url, paths, viewport, screenshot: bool) -> dict[str, Tour]:
    """Every page at one width, in the light palette, then in the dark one: the theme follows the
    system's setting on the open page, so one visit serves both palettes, and switches once."""
    tours = {scheme: Tour(viewport=viewport, scheme=scheme) for scheme in SCHEMES}
    light, dark = tours["light"], tours["dark"]  # light: what the browser reports about requests and the console
    context = browser.new_context(
        viewport=PHONE if viewport == "phone" else DESKTOP,
        color_scheme="light",
        permissions=["clipboard-read", "clipboard-write"],  # the copy buttons are tried (desktop)
    )
    # axe-core goes into every page before the page's own scripts: compiled once per page, not sent each time.
    context.add_init_script(path=str(AXE_SCRIPT))
    context.add_init_script(script=DRAW_EVERY_BLOCK)
    page = context.new_page()
    origin = site_url[: site_url.index("/", len("http://"))]
    page.on(
        "request",
        lambda r: r.url.startswith((origin, "data:")) or light.outside_requests.append(r.url),
    )
    # Going to the next page cancels what is still on its way (the favicon, say): no failure of the site.
    page.on(
        "requestfailed",
        lambda r: r.failure == "net::ERR_ABORTED" or light.failed_requests.append(f"{r.url}: {r.failure}"),
    )
    page.on("response", lambda r: r.status >= 400 and light.failed_requests.append(f"{r.url}: HTTP {r.status}"))
    page.on("console", lambda m: m.type == "error" and light.console_errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: light.console_errors.append(f"{page.url}: {e}"))
    cdp = context.new_cdp_session(page)
    for path in paths:
        open_page(page, site_url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        if screenshot:
            take_screenshots(page, viewport, path)
        show_palette(page, "light", path)
        look_at_the_page(page, light, path)
        # axe-core reads the page with every tab and toggle open, so what a reader opens is checked
        # too; but the summary tables' toggles: on a phone, axe reads the tables as HTML tables,
        # and the measures read them as printed.
        page.evaluate(REVEAL_ALL)
        set_up_every_code_block(page)
        check_accessibility(page, light, path, EVERY_AXE_RULE)
        page.evaluate(SHOW_PRINTED_SUMMARIES, True)
        measure_every_block(page, light, path)
        show_palette(page, "dark", path)
        measure_every_block(page, dark, path)
        page.evaluate(SHOW_PRINTED_SUMMARIES, False)
        look_at_the_page(page, dark, path)
        check_accessibility(page, dark, path, AXE_COLOUR_RULES)
        if viewport == "desktop":
            light.output_fonts.extend((path, fonts) for fonts in output_block_fonts(cdp))
            copy_every_titled_block(page, light, path)
        # Late requests (the search index, fonts) are seen before the next page cancels them.
        page.wait_for_load_state("networkidle")
        # The next page opens in the light palette; switching this one back would restyle it for nothing.
        page.goto("about:blank")
        page.emulate_media(color_scheme="light")
    context.close()
    return tours


def take_screenshots(page, viewport: str, path: str) -> None:
    """The page as a reader first sees it, in each palette, for people to look at; it ends light."""
    for scheme in reversed(SCHEMES):
        show_palette(page, scheme, path)
        page.screenshot(path=str(SCREENSHOTS / f"{screenshot_name(path)}--{viewport}-{scheme}.png"), full_page=True)


def look_at_the_page(page, tour: Tour, path: str) -> None:
    """What the page shows in the tour's palette: its width and, on a phone, whether the summary
    tables show every column."""
    page_width = page.evaluate("document.documentElement.scrollWidth")
    if page_width > page.viewport_size["width"]:
        tour.too_wide.append(f"{path}: {page_width} px")
    if tour.viewport == "phone":
        count, hidden = page.evaluate(SUMMARY_COLUMNS_ON_SCREEN)
        tour.reflowed_tables += count
        tour.hidden_columns.extend(f"{path or 'home'}: {problem}" for problem in hidden)


def measure_every_block(page, tour: Tour, path: str) -> None:
    """With every tab and toggle open and every code block set up: the copy buttons, the diagrams,
    the prose tables, the blocks cut at desktop width and every line of every summary table."""
    tour.copy_buttons += page.locator(".md-typeset pre > .md-code__nav").count()
    tour.missing_copy_buttons.extend(f"{path or 'home'}: {block}" for block in page.evaluate(WITHOUT_COPY_BUTTON))
    tour.diagrams[path] = drawn_diagrams(page)  # those in closed tabs too
    checked, low = page.evaluate(DIAGRAM_TEXT_CONTRAST)
    tour.diagram_texts += checked
    tour.diagram_contrast.extend(f"{path or 'home'}: {text}" for text in low)
    checked, low = page.evaluate(CODE_TEXT_CONTRAST)
    tour.code_texts += checked
    tour.code_contrast.extend(f"{path or 'home'}: {text}" for text in low)
    tour.covered_code.extend(f"{path or 'home'}: {words}" for words in page.evaluate(CODE_UNDER_COPY_BUTTON))
    tour.prose_tables.extend(f"{path or 'home'}: {problem}" for problem in page.evaluate(PROSE_TABLE_PROBLEMS))
    tour.cut_paths.extend(f"{path or 'home'}: {shown}" for shown in page.evaluate(PATHS_CUT_MID_NAME))
    stacked, ragged = page.evaluate(OUTPUT_TEXTS_OUT_OF_LINE)
    tour.stacked_outputs += stacked
    tour.ragged_outputs.extend(f"{path}: {output}" for output in ragged)
    if tour.scheme == "light":  # where lines break and how wide labels are is the same in the dark
        tour.cut_tab_labels.extend(f"{path or 'home'}: {labels}" for labels in page.evaluate(TAB_LABELS_CUT))
        if path.split("/", 1)[0] in TRANSLATIONS:
            tour.cut_korean_words.extend(f"{path}: {cut}" for cut in page.evaluate(KOREAN_WORDS_CUT))
    if tour.viewport == "desktop":
        tour.cut_blocks.extend(f"{path or 'home'}: {block}" for block in page.evaluate(CUT_BLOCKS, EVERY_BLOCK))
    else:
        tour.wrapping_texts += page.locator(WRAPPING_TEXT).count()
        tour.cut_wrapping_texts.extend(f"{path or 'home'}: {text}" for text in page.evaluate(CUT_BLOCKS, WRAPPING_TEXT))
    for table in page.evaluate(MEASURE_TABLES, BOX_DRAWING.pattern):
        tour.tables.append({"page": path, **table})


# Clicks the copy button of every code block titled with a file, one after the
# other, and reads the clipboard after each click. The theme has set every block
# up (set_up_every_code_block) and every tab is shown (REVEAL_ALL). Output
# blocks: only a summary table as printed has a copy button (the engine asks for
# it); how many others have one.
COPY_EVERY_TITLED_BLOCK = """
async () => {
  const copied = [];
  for (const block of document.querySelectorAll("div.highlight:has(> .filename)")) {
    const button = block.querySelector("button.md-code__button[data-md-type=copy]");
    await navigator.clipboard.writeText("");
    button?.click();
    copied.push([block.querySelector(".filename").innerText, button ? await navigator.clipboard.readText() : ""]);
  }
  const outputs = ".snippet-output pre:not(.summary-printed) button.md-code__button[data-md-type=copy]";
  return [copied, document.querySelectorAll(outputs).length];
}
"""


def copy_every_titled_block(page, tour: Tour, path: str) -> None:
    copied, output_buttons = page.evaluate(COPY_EVERY_TITLED_BLOCK)
    tour.copied.extend((path or "home", title, text) for title, text in copied)
    if output_buttons:
        tour.output_copy_buttons.append(f"{path or 'home'}: {output_buttons} output blocks have a copy button")


# On a phone, each summary table is an HTML table whose cells wrap. Every cell
# must be on screen, without scrolling its box: Param # is what pages talk about;
# and no table is shown as printed only (the Notebooks pages' were).
# Tabs are shown (a table in a closed tab counts too); the toggles stay closed.
SUMMARY_COLUMNS_ON_SCREEN = """
() => {
  const style = document.createElement("style");
  style.textContent = ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }";
  document.head.append(style);
  const shown = [...document.querySelectorAll(".summary-reflow")].filter((box) => box.getClientRects().length);
  const hidden = [];
  shown.forEach((box, index) => {
    const cells = [...box.querySelectorAll("th, td")];
    const right = Math.max(...cells.map((cell) => cell.getBoundingClientRect().right));
    if (box.scrollWidth > box.clientWidth + 1 || right > window.innerWidth) {
      hidden.push(`table ${index + 1}: cells reach ${Math.round(right)} px`);
    }
  });
  // A table shown as printed (its grid's top left corner) is cut at the phone's edge.
  const printed = [...document.querySelectorAll("pre")]
    .filter((pre) => pre.getClientRects().length && pre.textContent.includes("\u250f"))
    .map((pre) => JSON.stringify(pre.textContent.trim().slice(0, 40)));
  hidden.push(...printed.map((start) => `a table shown as printed, cut at the edge: ${start}`));
  style.remove();
  return [shown.length, hidden];
}
"""


# Resolves once the browser has drawn twice more (intersection observers have run) and a moment after.
SETTLED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))"


# Shrinks the whole page into the window for a moment (a transform: the layout the theme measures
# stays as it is), so that every block is in view at once, then restores it.
IN_VIEW_AT_ONCE = f"""
async () => {{
  const root = document.documentElement;
  const scale = Math.min(1, innerHeight / root.scrollHeight);
  root.style.transformOrigin = "0 0";
  root.style.transform = `scale(${{scale}})`;
  await {SETTLED};
  root.style.transform = root.style.transformOrigin = "";
}}
"""


def set_up_every_code_block(page) -> None:
    """The theme sets up a code block (its copy button; its focus, if it scrolls) when the block
    comes into view (content.lazy): bring the whole page into view at once, long enough for the
    theme to see it, and no more. On a phone, summary tables as printed are shown for it too;
    their toggles are closed after."""
    page.evaluate(SHOW_PRINTED_SUMMARIES, True)
    page.evaluate(IN_VIEW_AT_ONCE)
    page.evaluate(SHOW_PRINTED_SUMMARIES, False)


# Model diagrams are inline SVG drawn at build time: drawn means the browser
# gave the drawing a real size.
DRAWN_DIAGRAMS = """
() => [...document.querySelectorAll(".model-diagram-box > svg")]
  .filter((svg) => svg.getBoundingClientRect().height > 50).length
"""


def drawn_diagrams(page) -> int:
    return page.evaluate(DRAWN_DIAGRAMS)


# WCAG's contrast ratio of a colour drawn over an opaque background (CSS colour strings); the
# colour is blended over the background by its alpha, as the browser draws it. And the background
# an element's text is drawn on, from the element's and its ancestors' colours; and the colour of
# its text as its opacity and theirs fade it.
CONTRAST_RATIO = """
const rgba = (css) => {
  const [r, g, b, alpha = 1] = css.match(/[\\d.]+/g).map(Number);
  // A color-mix() computes to color(srgb r g b / alpha), its channels from 0 to 1.
  return css.startsWith("color(srgb") ? [r * 255, g * 255, b * 255, alpha] : [r, g, b, alpha];
};
const drawnOver = (color, background) => {
  const [r, g, b, alpha] = rgba(color);
  const back = rgba(background);
  return `rgb(${[r, g, b].map((c, i) => c * alpha + back[i] * (1 - alpha)).join(", ")})`;
};
// A colour made that much more transparent (an opacity, a fill-opacity).
const fainter = (color, factor) => {
  const [r, g, b, alpha] = rgba(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha * factor})`;
};
const contrastRatio = (color, background) => {
  const luminance = (css) => {
    const linear = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [R, G, B] = rgba(css).slice(0, 3).map(linear);
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(drawnOver(color, background)), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};
// The colour an element's text is drawn on: the background colours of the element and of its
// ancestors, blended from the nearest opaque one (a page without one is white).
const behind = (element) => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    const alpha = rgba(colour)[3];
    if (alpha > 0) layers.push(colour);
    if (alpha === 1) break;
  }
  return layers.reduceRight((under, over) => drawnOver(over, under), "rgb(255, 255, 255)");
};
// An element's colour as the opacity of the element and of its ancestors fades it. (A faded
// ancestor fades its background too; the text is taken over the background unfaded, which is
// right where that background is the page's colour, as on this site.)
const opacities = new Map();  // each element's is read once: a page has tens of thousands of texts
const opacity = (element) => {
  if (!element) return 1;
  if (!opacities.has(element)) {
    opacities.set(element, Number(getComputedStyle(element).opacity) * opacity(element.parentElement));
  }
  return opacities.get(element);
};
const faded = (element, colour) => fainter(colour, opacity(element));
"""

# axe-core cannot tell what is behind the text of an SVG drawing: it lists every text of a model
# diagram as not checked (incomplete, "bgOverlap"), as neither passed nor failed. Each text is
# checked here against the box it is drawn in (a box without a colour of its own shows the page's),
# to the 4.5:1 that text of its size needs.
DIAGRAM_TEXT_CONTRAST = f"""
() => {{
  {CONTRAST_RATIO}
  const page = getComputedStyle(document.body).backgroundColor;
  const texts = document.querySelectorAll("svg.model-diagram text");
  const low = [];
  for (const text of texts) {{
    const box = getComputedStyle(text.parentElement.querySelector(":scope > rect.model-diagram-box")).fill;
    const ratio = contrastRatio(faded(text, getComputedStyle(text).fill), drawnOver(box, page));
    if (ratio < 4.5) low.push(`${{JSON.stringify(text.textContent)}}: ${{ratio.toFixed(2)}}:1`);
  }}
  return [texts.length, low];
}}
"""


# axe-core lists the text of a code or output block that scrolls sideways as not checked
# (incomplete, "elmPartiallyObscured": the block's edge cuts it), and it does not look at line
# numbers, which the theme draws as generated content. Every text in a <pre> is checked here
# instead, wherever it is scrolled to: its colour against the colours drawn behind it (a line's
# highlight over the block's background), to the 4.5:1 that text of its size needs; a line number
# with the colour of its generated content. The shading at the edge of a block that scrolls is a
# background image, not a colour: its own test looks at it. axe-core's contrast rule leaves <pre>
# to this check.
CODE_TEXT_CONTRAST = f"""
() => {{
  {CONTRAST_RATIO}
  const seen = new Map();
  let checked = 0;
  const check = (element, colour, text) => {{
    checked += 1;
    const background = behind(element);
    const drawn = faded(element, colour);
    const key = `${{drawn}} on ${{background}}`;
    if (!seen.has(key)) seen.set(key, [contrastRatio(drawn, background), text]);
  }};
  for (const pre of document.querySelectorAll(".md-content pre")) {{
    if (!pre.checkVisibility({{visibilityProperty: true}})) continue;
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
      if (node.data.trim()) check(node.parentElement, getComputedStyle(node.parentElement).color, node.data.trim());
    }}
    for (const number of pre.querySelectorAll("[data-linenos]")) {{
      const generated = getComputedStyle(number, "::before");
      const label = `line number ${{number.dataset.linenos.trim()}}`;
      if (generated.content !== "none") check(number, generated.color, label);
    }}
  }}
  const low = [...seen.entries()].filter(([, [ratio]]) => ratio < 4.5)
    .map(([key, [ratio, text]]) => `${{JSON.stringify(text.slice(0, 40))}} (${{key}}): ${{ratio.toFixed(2)}}:1`);
  return [checked, low];
}}
"""


# Runs the injected axe-core on the page as it is and returns one line per rule broken. axe-core
# leaves some text out of its contrast rule, as neither passed nor failed (incomplete), saying why;
# here each such text is checked another way, or counts as a finding, never dropped in silence:
# - text over a background image or gradient: a finding (no colour to check it against);
# - the text of a model diagram: DIAGRAM_TEXT_CONTRAST checks it against its box;
# - the text of another drawing (SVG): against the shape drawn under its middle, over the page;
# - other text (beside generated content, a symbol, text axe-core found a box over): its colour,
#   faded by any opacity, against its own and its ancestors' backgrounds (not against the box axe
#   found), to 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
# Text in a <pre> is CODE_TEXT_CONTRAST's: axe-core's contrast rule skips it.
RUN_AXE = f"""
async (options) => {{
  {CONTRAST_RATIO}
  axe.configure({{rules: [{{id: "color-contrast", selector: ":not(pre):not(pre *)"}}]}});
  // Only violations and incomplete checks are read: axe then keeps one node of each other kind.
  const result = await axe.run(document, {{...options, resultTypes: ["violations", "incomplete"]}});
  // The colour under the middle of a drawing's text: the shape drawn there (a colour, or none),
  // over the page. null if that shape is painted with something else (a gradient, a pattern).
  const drawnUnder = (text) => {{
    text.scrollIntoView({{block: "center"}});  // only what is in the window can be found at a point
    const box = text.getBoundingClientRect();
    const shape = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      .find((e) => e !== text && e.ownerSVGElement === text.ownerSVGElement && e instanceof SVGGeometryElement);
    const page = behind(text.ownerSVGElement);
    const fill = shape ? getComputedStyle(shape).fill : "none";
    if (fill === "none") return page;
    if (!fill.startsWith("rgb")) return null;
    return drawnOver(fainter(fill, getComputedStyle(shape).fillOpacity), page);
  }};
  const problem = (node) => {{
    const reason = node.any.map((check) => check.data?.messageKey).find(Boolean) ?? "no reason given";
    if (["bgImage", "bgGradient"].includes(reason)) return `not checked, text over an image (${{reason}})`;
    const element = document.querySelector(node.target[0]);
    if (!element) return `not checked, ${{reason}}: the element is gone`;
    if (element.closest("svg.model-diagram")) return null;
    const style = getComputedStyle(element);
    const inDrawing = element instanceof SVGElement;
    const background = inDrawing ? drawnUnder(element) : behind(element);
    if (!background) return `not checked, ${{reason}}: drawn over a gradient or a pattern`;
    const ratio = contrastRatio(faded(element, inDrawing ? style.fill : style.color), background);
    const size = parseFloat(style.fontSize);
    const needed = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5;
    return ratio < needed ? `${{ratio.toFixed(2)}}:1, under ${{needed}}:1 (${{reason}}, checked here)` : null;
  }};
  const [x, y] = [scrollX, scrollY];
  const checkedHere = result.incomplete
    .filter((rule) => rule.id === "color-contrast")
    .flatMap((rule) => rule.nodes.map((node) => [node, problem(node)]))
    .filter(([, found]) => found)
    .map(([node, found]) => `color-contrast: ${{node.target.join(" ")}}: ${{found}}`);
  scrollTo(x, y);
  return [
    ...result.violations.map((v) =>
      `${{v.id}} (${{v.nodes.length}}): ${{v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}}`),
    ...checkedHere,
  ];
}}
"""


def check_accessibility(page, tour: Tour, path: str, axe_rules: dict) -> None:
    """Notes axe-core's findings on the page; the tour's context put axe-core in every page it opens."""
    tour.accessibility.extend(f"{path or 'home'}: {problem}" for problem in page.evaluate(RUN_AXE, axe_rules))


# Blocks (a selector) whose content is wider than their box: the reader would
# have to scroll sideways to see the rest (a cut block).
CUT_BLOCKS = """
(selector) => [...document.querySelectorAll(selector)]
  .filter((box) => box.getClientRects().length && box.scrollWidth > box.clientWidth + 1)
  .map((box) => {
    const longest = box.textContent.split("\\n").reduce((a, b) => (b.length > a.length ? b : a), "");
    return `${box.scrollWidth} px in a ${box.clientWidth} px box: ${JSON.stringify(longest.slice(0, 80))}`;
  })
"""
# Every code and output block; on the Notebooks pages, code cells and output areas.
EVERY_BLOCK = ".md-typeset pre > code, .jupyter-wrapper .highlight-ipynb pre, .jupyter-wrapper .jp-OutputArea-output"
# Printed text that may wrap at every width (fences.keeps_its_lines), on both kinds of page.
WRAPPING_TEXT = ".snippet-text.wraps > code, .jupyter-wrapper :is(.jp-OutputArea-output.wraps, pre.wraps)"


# Code blocks the theme sets up with a copy button (every one in the content, unless inside
# .no-copy and not .copy: the rule of mkdocs-material's code block component) that have none.
WITHOUT_COPY_BUTTON = """
() => [...document.querySelectorAll("[data-md-component=content] pre:not(.mermaid) > code")]
  .filter((code) => code.closest(".copy") || !code.closest(".no-copy"))
  .filter((code) => !code.parentElement.querySelector(":scope > .md-code__nav"))
  .map((code) => JSON.stringify(code.textContent.trim().slice(0, 60)))
"""


# Code a reader cannot see because the copy button sits on it. The button
# stays in the block's corner while the code scrolls sideways under it, so a
# word is hidden if it crosses the button's box at any scroll position: on its
# lines, and not wholly left of the button once scrolled as far as it goes.
# Output blocks count too (a summary table as printed has a copy button), and
# so do the Notebooks pages' code cells, whose button is mkdocs-jupyter's.
CODE_UNDER_COPY_BUTTON = """
() => [
  ...[...document.querySelectorAll(".md-typeset pre > .md-code__nav")]
    .map((nav) => [nav, nav.parentElement.querySelector(":scope > code")]),
  ...[...document.querySelectorAll(".jupyter-wrapper .CodeMirror > .zeroclipboard-container")]
    .map((nav) => [nav.querySelector("clipboard-copy"), nav.parentElement.querySelector("pre")]),
]
  .filter(([button, code]) => code && button.getClientRects().length)
  .map(([button, code]) => {
    const box = button.getBoundingClientRect();
    const scroll = code.scrollWidth - code.clientWidth;
    const hidden = [];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const under = [...range.getClientRects()].some((r) =>
          r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left - scroll < box.right);
        if (under) hidden.push(word[0]);
      }
    }
    const title = button.closest(".snippet-output") ? "an output block"
      : button.closest(".jp-CodeCell") ? `code cell ${button.getAttribute("for")}`
      : button.closest(".highlight")?.querySelector(".filename")?.textContent.trim() || "a code block";
    return hidden.length ? `${title}: ${JSON.stringify(hidden.join(" ").slice(0, 60))} under the copy button` : "";
  })
  .filter(Boolean)
"""

# Prose tables (the Markdown ones; the theme wraps each in a box that scrolls
# sideways). A reader sees one whole if it fits its box, no cell's text runs
# past the cell (under its neighbour), and no word, identifiers included, is
# cut across two lines (Sequentia / l).
PROSE_TABLE_PROBLEMS = """
() => [...document.querySelectorAll(".md-typeset table:not([class])")]
  .filter((table) => table.getClientRects().length)
  .flatMap((table) => {
    const name = JSON.stringify(table.rows[0].textContent.trim().replace(/\\s+/g, " ").slice(0, 50));
    const problems = [];
    for (const box of new Set([table.closest(".md-typeset__scrollwrap") || table, table])) {
      if (box.scrollWidth > box.clientWidth + 1) {
        problems.push(`table ${name} scrolls sideways: ${box.scrollWidth} px in a ${box.clientWidth} px box`);
      }
    }
    for (const cell of table.querySelectorAll("th, td")) {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        const text = JSON.stringify(cell.textContent.trim().slice(0, 60));
        problems.push(`table ${name}: a cell's text runs past the cell: ${text}`);
      }
    }
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\w+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`table ${name}: ${JSON.stringify(word[0])} is cut at the end of a line`);
      }
    }
    return problems;
  })
"""


# Paths (code block titles, inline code of one path) that wrap onto a new line anywhere but
# after a "/": each character's line is where the browser drew it.
PATHS_CUT_MID_NAME = """
() => [...document.querySelectorAll(".md-typeset .highlight .filename, .md-typeset :not(pre) > code")]
  .filter((shown) => shown.getClientRects().length && /^\\S*\\/\\S*$/.test(shown.textContent))
  .filter((shown) => {
    const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
    let previous = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = range.getBoundingClientRect().top;
        if (previous && top > previous.top + 1 && previous.character !== "/") return true;
        previous = { top, character: node.data[i] };
      }
    }
    return false;
  })
  .map((shown) => JSON.stringify(shown.textContent))
"""


# The texts of a notebook cell's output, one under the other in its box: its title, what the cell
# printed, a summary table as printed. Each starts where the first glyph of its first line is drawn.
OUTPUT_TEXTS_OUT_OF_LINE = """
() => {
  const outputs = [...document.querySelectorAll(".jupyter-wrapper .jp-OutputArea-output")].map((output) =>
    [...output.querySelectorAll(":scope > .filename, :scope > pre, :scope > .summary > pre")]
      .filter((text) => text.getClientRects().length && text.textContent.trim())
      .map((text) => {
        const range = document.createRange();
        range.selectNodeContents(text);
        return Math.round(Math.min(...[...range.getClientRects()].map((line) => line.left)));
      }));
  const ragged = outputs
    .map((starts, index) => [starts, index])
    .filter(([starts]) => new Set(starts).size > 1)
    .map(([starts, index]) => `output ${index + 1}: its texts start at ${starts.join(", ")} px`);
  return [outputs.filter((starts) => starts.length > 1).length, ragged];
}
"""


# Rows of content tab labels that do not fit their box: the theme lets them scroll sideways, and
# the labels past the edge are cut (the text names tabs by their labels).
TAB_LABELS_CUT = """
() => [...document.querySelectorAll(".tabbed-labels")]
  .filter((labels) => labels.getClientRects().length && labels.scrollWidth > labels.clientWidth + 1)
  .map((labels) => JSON.stringify([...labels.children].map((label) => label.textContent.trim()).join(" | ")))
"""


# Korean words (runs of Hangul syllables) that the browser drew on two lines: Korean breaks lines
# between words. Text in the page, its navigation and its footer; not in code, which scrolls, nor
# in the search box's results (laid out at no width until the box opens).
KOREAN_WORDS_CUT = """
() => {
  const cut = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shown = node.parentElement;
    if (!shown.getClientRects().length || shown.closest("pre, .md-search")) continue;
    for (const word of node.data.matchAll(/[\\uac00-\\ud7a3]+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) cut.push(JSON.stringify(word[0]));
    }
  }
  return cut;
}
"""


def output_block_fonts(cdp) -> list[list[dict]]:
    """The fonts Chromium really drew each output block's text with (not what CSS asked for)."""
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    blocks = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": ".snippet-output pre > code"})
    return [cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"] for node in blocks["nodeIds"]]


@pytest.fixture(scope="module")
def tours(browser, site_url, built_site) -> dict[tuple[str, str], Tour]:
    """Every page at desktop and phone width, in the light and the dark palette: the two widths at
    once, each in a browser of its own (Playwright's objects belong to the thread that made them)."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(REPO)} is missing: run `npm ci` (make test does)", pytrace=False)
    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(exist_ok=True)
        for old in SCREENSHOTS.glob("*.png"):
            old.unlink()
    viewports = ("desktop", "phone")
    with ThreadPoolExecutor(max_workers=len(viewports)) as pool:
        visits = [
            pool.submit(tour_in_own_browser, site_url, page_paths(built_site), width, TAKE_SCREENSHOTS)
            for width in viewports
        ]
        return {
            (viewport, scheme): tour
            for viewport, visit in zip(viewports, visits, strict=True)
            for scheme, tour in visit.result().items()
        }


def tour_in_own_browser(site_url, paths, viewport, screenshot: bool) -> dict[str, Tour]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return visit_all_pages(browser, site_url, paths, viewport, screenshot)
        finally:
            browser.close()


# ------------------------------------------------------------------ tests --


def assert_seen_in_no_tour(tours, found: str, what: str) -> None:
    """Fails if any tour's list `found` has an entry, naming them all under `what`."""
    seen = seen_in_tours(tours, found)
    assert not seen, f"{what}:\n" + "\n".join(seen)


def seen_in_tours(tours, found: str) -> list[str]:
    """Every entry of one of the tours' lists (a Tour field), each named with its tour."""
    return [f"{tour.viewport}, {tour.scheme}: {entry}" for tour in tours.values() for entry in getattr(tour, found)]


def test_every_summary_table_line_has_the_same_width_in_both_palettes(tours):
    """Lines of as many characters end at the same pixel: every character cell is as wide.

    Comparing each line with its length times the table's cell width also covers a
    table whose lines the console cropped to different lengths.
    """
    tables = tours["desktop", "light"].tables
    assert tables, "no summary table found in any output block: the tables test has nothing to measure"
    problems = []
    for (viewport, scheme), tour in tours.items():
        for table in tour.tables:
            cells = sorted(line["width"] / line["chars"] for line in table["lines"])
            cell = cells[len(cells) // 2]
            for line in table["lines"]:
                if abs(line["width"] - line["chars"] * cell) > 0.5:
                    problems.append(
                        f"{table['page']} ({viewport}, {scheme}), output block {table['block']}: {line['text']!r} "
                        f"is {line['width']:.2f} px, not {line['chars']} x {cell:.2f} px like the table's other lines"
                    )
    assert not problems, "summary tables do not line up:\n" + "\n".join(problems)


def test_summary_tables_scroll_rather_than_wrap_on_a_phone(tours):
    problems = [
        f"{table['page']} ({scheme}): {line['text']!r} wraps onto {line['boxes']} lines"
        for (viewport, scheme), tour in tours.items()
        if viewport == "phone"
        for table in tour.tables
        for line in table["lines"]
        if line["boxes"] != 1
    ]
    assert tours["phone", "light"].tables, "no summary table found on a phone"
    assert not problems, "\n".join(problems)


def test_every_column_of_every_summary_table_is_on_a_phones_screen(tours):
    for scheme in ("light", "dark"):
        tour = tours["phone", scheme]
        assert tour.reflowed_tables > 0, "no summary table drawn as an HTML table on a phone"
        assert not tour.hidden_columns, f"columns off screen ({scheme}):\n" + "\n".join(tour.hidden_columns)


def test_pages_fit_the_screen_width_without_sideways_scrolling(tours):
    problems = [f"{viewport}: {entry}" for (viewport, _), tour in tours.items() for entry in tour.too_wide]
    assert not problems, "pages wider than the screen (only code blocks may scroll sideways):\n" + "\n".join(problems)


def test_output_blocks_are_drawn_with_the_shipped_code_font_only(tours):
    fonts_per_block = tours["desktop", "light"].output_fonts
    assert fonts_per_block, "no output block found"
    problems = [
        f"{page}: drawn with {[(f['familyName'], f['isCustomFont'], f['glyphCount']) for f in fonts]}"
        for page, fonts in fonts_per_block
        if any(f["familyName"] != CODE_FONT or not f["isCustomFont"] for f in fonts)
    ]
    assert not problems, (
        f"output text must be drawn only with the {CODE_FONT} web font shipped in docs/assets/fonts "
        "(a system font or a glyph-by-glyph fallback breaks the columns):\n" + "\n".join(problems)
    )


def test_every_model_diagram_is_drawn_at_both_widths_in_both_palettes(tours, built_site):
    expected = {
        path: page_html(built_site, path).count('<div class="model-diagram-box">') for path in page_paths(built_site)
    }
    assert sum(expected.values()) >= 3, "the site should draw at least three models"
    for tour in tours.values():
        missing = {
            path: f"{tour.diagrams.get(path, 0)} of {expected[path]}"
            for path in page_paths(built_site)
            if tour.diagrams.get(path, 0) != expected[path]
        }
        assert missing == {}, f"diagrams not drawn ({tour.viewport}, {tour.scheme}): {missing}"


def test_axe_finds_no_accessibility_violation_on_any_page_in_either_palette(tours):
    """WCAG 2.1 A and AA (axe-core), at both widths, with every tab and toggle open: every rule in
    the light palette (names, target sizes, contrast...), the colour rules in the dark one."""
    assert_seen_in_no_tour(tours, "accessibility", "axe-core violations")


def test_the_text_of_every_model_diagram_stands_out_from_its_box_in_both_palettes(tours):
    assert all(tour.diagram_texts for tour in tours.values()), "a tour checked no diagram text"
    assert_seen_in_no_tour(tours, "diagram_contrast", "diagram text under 4.5:1 against its box")


def test_every_text_of_every_code_and_output_block_stands_out_from_its_background_in_both_palettes(tours):
    assert all(tour.code_texts for tour in tours.values()), "a tour checked no text of a code or output block"
    assert_seen_in_no_tour(tours, "code_contrast", "code or output text under 4.5:1 against its background")


def test_no_code_or_output_block_is_cut_at_desktop_width(tours):
    """At 1280 px a reader sees every line whole: no block is wider than its box (notebook pages included)."""
    assert_seen_in_no_tour(tours, "cut_blocks", "blocks wider than their box at 1280 px")


def test_printed_values_and_logs_wrap_inside_their_box_on_a_phone(tours):
    """The learner's review: on a phone, the numbers an output compares were off screen. Only a
    traceback's frames and printed columns keep their lines there (fences.keeps_its_lines)."""
    phone_tours = [tour for tour in tours.values() if tour.viewport == "phone"]
    assert all(tour.wrapping_texts for tour in phone_tours), "a phone tour found no printed text that may wrap"
    assert_seen_in_no_tour(tours, "cut_wrapping_texts", "printed text that may wrap, wider than its box on a phone")


def test_no_code_is_hidden_under_a_copy_button(tours):
    """On a phone a code block is narrower than its lines: the copy button must not sit on any of them."""
    # Every tour looked at every copy button (the theme adds them as blocks come into view).
    assert_seen_in_no_tour(tours, "missing_copy_buttons", "code blocks without their copy button when the tour looked")
    counts = {(tour.viewport, tour.scheme): tour.copy_buttons for tour in tours.values()}
    assert min(counts.values()) > 100, counts
    assert_seen_in_no_tour(tours, "covered_code", "code under a copy button")


def test_prose_tables_fit_whole_with_every_word_on_one_line(tours):
    """On Side by side, at 390 px, the comparison table scrolled sideways; before that it cut Sequentia / l."""
    assert_seen_in_no_tour(tours, "prose_tables", "prose tables a reader cannot read whole")


def test_every_row_of_tab_labels_fits_the_page(tours):
    assert_seen_in_no_tour(tours, "cut_tab_labels", "tab labels cut at the edge (shorter labels fit)")


def test_korean_words_stay_whole_at_the_end_of_a_line(tours):
    assert_seen_in_no_tour(tours, "cut_korean_words", "Korean words drawn on two lines")


def test_paths_wrap_only_after_a_slash(tours):
    """On a phone a snippet's path is longer than the line: it wraps between folders, not mid-name."""
    assert_seen_in_no_tour(tours, "cut_paths", "paths cut mid-name")


def test_the_texts_of_a_notebook_output_start_at_one_place(tours):
    """A summary table as printed started 8 px left of the lines above it, at the box's edge."""
    counts = {(tour.viewport, tour.scheme): tour.stacked_outputs for tour in tours.values()}
    assert min(counts.values()) > 50, counts
    assert_seen_in_no_tour(tours, "ragged_outputs", "notebook outputs whose texts do not line up")


def visited(tour: Tour) -> set[str]:
    """The pages a tour looked at (it notes the diagrams of each, none or more)."""
    return set(tour.diagrams)


def test_notebook_pages_are_in_the_tour(tours):
    """The Notebooks pages are visited like the others (every test above covers them), at both widths."""
    for (viewport, scheme), tour in tours.items():
        notebooks = [path for path in visited(tour) if path.startswith("notebooks/")]
        assert len(notebooks) >= 10, f"expected the Notebooks pages in the {viewport}, {scheme} tour, found {notebooks}"


def test_every_page_of_both_editions_is_in_every_tour(tours, built_site):
    every = set(page_paths(built_site))
    assert len({path for path in every if path.split("/", 1)[0] in TRANSLATIONS}) >= 10
    for (viewport, scheme), tour in tours.items():
        assert visited(tour) >= every, f"not visited ({viewport}, {scheme}): {sorted(every - visited(tour))}"


def test_no_request_leaves_localhost(tours):
    outside = sorted({url for tour in tours.values() for url in tour.outside_requests})
    assert not outside, "pages requested other hosts:\n" + "\n".join(outside)


def test_console_has_no_errors_and_every_request_succeeds(tours):
    problems = sorted({p for tour in tours.values() for p in tour.console_errors + tour.failed_requests})
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("multiple outputs", "multiple-outputs/"),
        ("input_shape", "building-models/side-by-side/"),
        # The Korean edition's search: Korean words, and code names.
        ("다중 출력", "ko/multiple-outputs/"),
        ("손실 함수", "ko/multiple-outputs/"),
        ("input_shape", "ko/building-models/"),
    ],
)
def test_search_finds(browser, site_url, query, page):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + ("ko/" if page.startswith("ko/") else ""), wait_until="networkidle")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(query)  # as a reader types: the search listens to key events
    results = tab.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    hrefs = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    context.close()
    assert any(href.startswith(SITE_PATH + page) for href in hrefs), (
        f"searching {query!r} does not find {page}; it finds {hrefs}"
    )


def test_search_results_show_only_the_code_lines_that_match(browser, site_url):
    """The theme keeps each code block of a result whole: on a phone, one result for loss_weights
    was 2,500 px tall."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    open_page(tab, site_url, wait_until="networkidle")
    tab.locator("label.md-header__button[for=__search]").click()
    tab.keyboard.type("loss_weights")
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    blocks = tab.locator(".md-search-result pre > code").evaluate_all("codes => codes.map(code => code.innerHTML)")
    context.close()
    assert blocks, "no code in the results for loss_weights"
    unmatched = [line for block in blocks for line in block.split("\n") if "<mark" not in line]
    assert not unmatched, f"code lines without a match in the results: {unmatched[:5]}"


def snippet_file(title: str) -> Path | None:
    """The file a code block's title names ("snippets/x/y.py" or "x/y.py"), if it is one."""
    name = title.strip().split(":", 1)[0]
    for candidate in (REPO / name, REPO / "snippets" / name):
        if candidate.suffix == ".py" and candidate.is_file() and "snippets" in candidate.relative_to(REPO).parts:
            return candidate
    return None


def test_copy_button_puts_the_whole_snippet_file_on_the_clipboard(tours):
    """Every code block titled with a snippet file, in every edition, tried in the desktop tour:
    its copy button copies the file as it is downloaded, even where the block shows only a section
    (which alone may not run), so its lines keep the numbers the page shows. The theme trims the
    last line end."""
    checked = [
        (path, file, text, file.read_text(encoding="utf-8"))
        for path, title, text in tours[("desktop", "light")].copied
        if (file := snippet_file(title))
    ]
    assert checked, "no snippet code block (title = file under snippets/) found on any page"
    problems = [
        f"{path}: the copy button of {file.relative_to(REPO)} copied {text[:300]!r}"
        for path, file, text, source in checked
        if text != source.rstrip()
    ]
    assert not problems, "\n".join(problems)
    assert any(SECTION_MARKER.search(source) for *_, source in checked), "no block showing a section was tried"
    assert_seen_in_no_tour(tours, "output_copy_buttons", "output blocks with a copy button")


def expect_scheme(tab, scheme: str, message: str) -> None:
    from playwright.sync_api import expect

    expect(tab.locator("body"), message).to_have_attribute("data-md-color-scheme", scheme, timeout=5_000)


def expect_address_bar_in_header_colour(tab, message: str) -> None:
    """A phone browser draws its address bar in the colour of <meta name="theme-color">."""
    from playwright.sync_api import expect

    header = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    expect(tab.locator('meta[name="theme-color"]'), message).to_have_attribute("content", header, timeout=5_000)


def test_palette_follows_the_system_and_the_toggle_is_remembered(browser, site_url, built_site):
    """The tours look at every page in the dark palette by switching the system's setting on the
    open page; here a page also opens dark when the system already is."""
    pages = page_paths(built_site)
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    tab = context.new_page()
    open_page(tab, site_url + pages[-1])
    expect_scheme(tab, "slate", "a dark system setting does not give the dark palette")
    expect_address_bar_in_header_colour(tab, "the address bar's colour is not the header's")
    context.close()

    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    tab = context.new_page()
    open_page(tab, site_url, wait_until="networkidle")
    expect_scheme(tab, "default", "a light system setting does not give the light palette")
    tab.emulate_media(color_scheme="dark")
    expect_scheme(tab, "slate", "the automatic palette does not follow a change of system setting")
    tab.emulate_media(color_scheme="light")
    expect_scheme(tab, "default", "the automatic palette does not follow a change of system setting")

    toggle = tab.locator("form[data-palette-toggle] label:not([hidden])")
    assert toggle.get_attribute("title") == "Switch to light mode"
    toggle.click()  # automatic -> light
    expect_scheme(tab, "default", "the toggle's light choice is not light")
    toggle.click()  # light -> dark
    expect_scheme(tab, "slate", "the toggle does not switch to the dark palette")
    expect_address_bar_in_header_colour(tab, "the address bar's colour is not the header's after a switch")

    tab.reload(wait_until="networkidle")
    expect_scheme(tab, "slate", "the chosen palette is forgotten on reload")
    open_page(tab, site_url + pages[-1], wait_until="networkidle")
    expect_scheme(tab, "slate", "the chosen palette is forgotten on another page")
    context.close()


def test_the_keyboard_lands_on_the_palette_toggle_that_is_shown(browser, site_url):
    """The toggle is three hidden radio buttons, each followed by its visible button. Once a reader
    has chosen a palette, a page opened later must put the keyboard's focus on the one shown, and
    Space must keep the palette: with none checked, the focus went to the hidden "automatic" one and
    Space switched to it (a learner's review)."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    tab = context.new_page()
    open_page(tab, site_url + "building-models/sequential/", wait_until="load")
    tab.locator("form[data-palette-toggle] label:not([hidden])").click()  # automatic -> light
    expect_scheme(tab, "default", "the toggle's light choice is not light")
    tab.reload(wait_until="load")
    on_toggle = "document.activeElement.matches('form[data-palette-toggle] input')"
    for _ in range(20):  # from the top of the page to the toggle
        tab.keyboard.press("Tab")
        if tab.evaluate(on_toggle):
            break
    reached = tab.evaluate(on_toggle)
    shown = tab.evaluate("!document.activeElement.nextElementSibling?.hidden")
    tab.keyboard.press("Space")
    tab.evaluate(SETTLED)
    scheme = tab.locator("body").get_attribute("data-md-color-scheme")
    context.close()
    assert reached, "20 presses of Tab did not reach the palette toggle"
    assert shown, "the focus is on a hidden palette toggle"
    assert scheme == "default", "Space on the toggle changed the palette"


# Counts, from the first moment of the page, each time an element is marked as switching palettes.
PALETTE_SWITCHES_COUNTED = """
window.paletteSwitches = 0;
new MutationObserver((changes) => {
  window.paletteSwitches += changes.filter((change) => change.target.hasAttribute(change.attributeName)).length;
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"] });
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_opens_in_its_palette_without_switching_to_it(browser, site_url, scheme):
    """The theme's toggle marked the page as switching palettes on every load, and gave it a
    color-scheme of its own: three restyles of the whole page as it started. The palette the
    reader has is applied before the page is drawn (the theme's script in the header), and the
    page changes only when the palette does: here, once the system's setting changes."""
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    context.add_init_script(PALETTE_SWITCHES_COUNTED)
    tab = context.new_page()
    open_page(tab, site_url, wait_until="load")  # the first visit stores the palette
    open_page(tab, site_url + "building-models/sequential/", wait_until="load")
    tab.evaluate(SETTLED)
    at_load = tab.evaluate("[window.paletteSwitches, document.querySelectorAll('meta[name=color-scheme]').length]")
    show_palette(tab, "dark" if scheme == "light" else "light", "building-models/sequential/")
    after_change = tab.evaluate("window.paletteSwitches")
    context.close()
    assert at_load == [0, 0], f"switches at load, color-scheme metas: {at_load}"
    assert after_change == 1, "the automatic palette should switch once when the system's setting changes"


# From the first moment of the page: when the first frame was painted, when the theme's script ran
# (it defines document$), each layout shift, each file the page asked for, and each change of a
# <code> element's class.
THEME_START_WATCHED = """
window.started = { paint: null, theme: null, shifts: [], fetched: [], codeClassChanged: [] };
new PerformanceObserver((list) => {
  started.paint ??= performance.now();
}).observe({ type: "paint" });
Object.defineProperty(window, "document$", {
  configurable: true,
  set(value) {
    started.theme = performance.now();
    Object.defineProperty(window, "document$", { value, writable: true, configurable: true });
  },
});
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    started.shifts.push(shift.sources.map((source) => source.node?.outerHTML?.slice(0, 80)).join(" | "));
  }
}).observe({ type: "layout-shift" });
new PerformanceObserver((list) => {
  started.fetched.push(...list.getEntries().map((entry) => entry.name));
}).observe({ type: "resource" });
new MutationObserver((records) => {
  for (const record of records) {
    // classList.add() of a class the element has is a mutation too, but changes no style.
    if (record.target.localName === "code" && record.oldValue !== record.target.className) {
      const { oldValue, target } = record;
      started.codeClassChanged.push(`${oldValue} -> ${target.className}: ${target.outerHTML.slice(0, 60)}`);
    }
  }
}).observe(document, { attributeFilter: ["class"], attributeOldValue: true, subtree: true });
"""


@pytest.mark.parametrize(
    "path",
    ["building-models/sequential/", "ko/multiple-outputs/two-head-model/", "notebooks/building-models/functional/"],
)
def test_the_theme_starts_once_the_page_is_painted(browser, site_url, path):
    """Run as the page was parsed, the theme's script laid the whole page out in one long task
    before anything was drawn (Lighthouse's performance, long pages: 83-90). It starts once the
    first frame is painted, moves nothing on the page as it loads (the header's search button
    appeared with the theme and pushed the others aside; a header drawn half parsed had its palette
    button at the far right; a notebook's empty set-up cell held the room of a whole cell until
    drawn) and fetches no file a second time (the theme gives every relative address a full one,
    and a stylesheet given a new address is fetched anew).
    Setting a code block up in view changes no class of its code: the class that lays the code out
    as the theme does is in the page (snippet_engine.token_spans); added by the theme, it rebuilt
    the code's layout line by line in one long task."""
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(THEME_START_WATCHED)
    tab = context.new_page()
    open_page(tab, site_url + path, wait_until="networkidle")
    tab.evaluate(SETTLED)
    started = tab.evaluate("window.started")
    # The theme sets a code block up as it comes into view: the first one, scrolled to. A notebook
    # page has none of the theme's code blocks (mkdocs-jupyter draws its cells).
    if not path.startswith("notebooks/"):
        tab.locator(".md-typeset .highlight").first.scroll_into_view_if_needed()
        tab.wait_for_selector(".md-typeset pre[id^='__code_'] > code", state="attached")
    code_class_changed = tab.evaluate("window.started.codeClassChanged")
    context.close()
    assert started["paint"] is not None and started["theme"] is not None, started
    assert not code_class_changed, f"setting code up changed its class: {code_class_changed}"
    assert started["paint"] < started["theme"], f"the theme's script ran before the first paint: {started}"
    assert not started["shifts"], f"the page moved as it loaded: {started['shifts']}"
    # The theme reads its sitemap twice (instant navigation, the language selector), as it always did.
    fetched_twice = {url for url in started["fetched"] if started["fetched"].count(url) > 1 and "sitemap" not in url}
    assert not fetched_twice, f"fetched twice: {sorted(fetched_twice)}"


# Each code block that knows its number of lines: the room the stylesheet gives it until it is first
# drawn ("auto <room>") and its height once drawn, in its font's em.
CODE_BLOCK_ROOM = """() => [...document.querySelectorAll('.highlight[style*="--code-lines"]')].map((block) => {
  const style = getComputedStyle(block);
  const em = parseFloat(style.fontSize);
  const room = parseFloat(style.containIntrinsicBlockSize.split(" ").pop()) / em;
  block.style.contentVisibility = "visible";
  const drawn = block.getBoundingClientRect().height / em;
  block.style.contentVisibility = "";
  return { block: block.querySelector(".filename").textContent, room, drawn };
})"""


@pytest.mark.parametrize("path", ["multiple-outputs/recipe/", "ko/building-models/reusing-layers/"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_code_block_waiting_off_screen_holds_the_room_it_takes_when_drawn(browser, site_url, path, viewport):
    """A code block away from the screen is drawn when the reader scrolls near it; until then it
    holds a room computed from its number of lines. Held at a mean height, a block in view when the
    page was first drawn grew in the next frame and pushed the text below it (a layout shift). A
    block whose title wraps on a phone may differ by a line of its title."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    open_page(tab, site_url + path)
    blocks = tab.evaluate(CODE_BLOCK_ROOM)
    context.close()
    assert blocks, "no code block gives its number of lines"
    off = [block for block in blocks if abs(block["room"] - block["drawn"]) > 1.5]
    assert not off, f"rooms (em) unlike the drawn blocks: {off}"


# When the page took the dark palette, whether its text was parsed by then (a frame can show only
# what is parsed), and when it was first painted, from the first moment of the page.
DARK_PALETTE_TIMED = """
window.dark = { set: null, textParsed: null, paint: null };
new MutationObserver(() => {
  if (dark.set === null && document.body?.getAttribute("data-md-color-scheme") === "slate") {
    dark.set = performance.now();
    dark.textParsed = document.querySelector(".md-content") !== null;
  }
}).observe(document, { attributes: true, childList: true, subtree: true });
new PerformanceObserver((list) => {
  dark.paint ??= list.getEntries()[0].startTime;
}).observe({ type: "paint" });
"""


def test_a_first_visit_is_painted_in_the_systems_dark_palette(browser, site_url):
    """With nothing stored, the palette comes from the system's setting. Set at the end of the page,
    it came after the first frame on a long page: a reader with a dark system saw the page light,
    without its palette button, then dark (a learner's review)."""
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    context.add_init_script(DARK_PALETTE_TIMED)
    tab = context.new_page()
    open_page(tab, site_url + "building-models/reusing-layers/", wait_until="load")
    dark = tab.evaluate("window.dark")
    context.close()
    assert dark["set"] is not None and dark["paint"] is not None, dark
    assert dark["set"] < dark["paint"], f"the page was painted before it took the dark palette: {dark}"
    assert not dark["textParsed"], f"the page's text was parsed, and could be painted, before the palette: {dark}"


def test_unknown_address_shows_the_404_page_with_the_theme(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    response = open_page(tab, site_url + "no/such/page/", wait_until="networkidle")
    assert response.status == 404
    assert tab.locator("h1").first.inner_text() == ENGLISH.page_not_found
    assert tab.locator("form[data-palette-toggle]").count() == 1, "the 404 page lost the theme"
    if TAKE_SCREENSHOTS:
        tab.screenshot(path=str(SCREENSHOTS / "404--desktop-light.png"))
    home = tab.locator("article a", has_text="home page")
    home.click()
    tab.wait_for_load_state("networkidle")
    assert urlsplit(tab.url).path == SITE_PATH
    context.close()


# Where a reader clicks to reach a code line's number: the number is drawn by
# CSS beside its line (the ::before box of an empty span), so the point is
# found by asking the browser what is under it, left of that span.
POINT_ON_LINE_NUMBER = """
(line) => {
  const number = line.querySelector(":scope > .linenos");
  const box = number.getBoundingClientRect();
  const y = box.top + box.height / 2;
  for (let x = box.left; x > box.left - 80; x -= 1) {
    if (document.elementFromPoint(x, y) === number) return { x, y, shown: number.dataset.linenos.trim() };
  }
  return null;
}
"""


# The contrast of a code block's copy icon with the code's background, as drawn when the
# pointer is elsewhere: [the icon, the box around icon and code, the code in that box, if
# the box is not the code].
COPY_ICON_CONTRAST = f"""
([icon, box, code]) => {{
  {CONTRAST_RATIO}
  const shown = document.querySelector(icon);
  const around = shown.closest(box);
  return contrastRatio(getComputedStyle(shown).color, behind(code ? around.querySelector(code) : around));
}}
"""
# The theme's copy button on a tutorial page, and mkdocs-jupyter's on a notebook's code cell.
COPY_ICONS = {
    "building-models/sequential/": (".md-code__button[data-md-type=copy]", "pre", ":scope > code"),
    "notebooks/building-models/sequential/": (".jp-CodeCell .clipboard-copy-icon", ".jp-InputArea-editor", None),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", COPY_ICONS)
def test_the_copy_button_can_be_seen_without_hovering_the_code(browser, site_url, path, scheme):
    """A touch screen never hovers: the icon must stand out from the code by 3:1 (WCAG 1.4.11)."""
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, has_touch=True)
    tab = context.new_page()
    open_page(tab, site_url + path)
    icon, box, _ = COPY_ICONS[path]
    tab.locator(box).first.scroll_into_view_if_needed()
    tab.locator(icon).first.wait_for(state="attached")
    tab.mouse.move(0, 0)
    contrast = tab.evaluate(COPY_ICON_CONTRAST, COPY_ICONS[path])
    context.close()
    assert contrast >= 3, f"{path}: the copy icon stands out from the code by {contrast:.2f}:1 in the {scheme} palette"


# Whether each code and output block (code cell, on a Notebooks page) is drawn, in page order: a
# block that waits keeps its box, and what is inside it is not drawn. The notebook's set-up cell is
# not shown on the site (notebooks.css).
BLOCKS_DRAWN = """
() => [...document.querySelectorAll(
  ".md-typeset > .highlight, .md-typeset > .snippet-output, .jp-Notebook > .jp-CodeCell:not(.celltag_setup)",
)].map((block) => block.firstElementChild.checkVisibility({ contentVisibilityAuto: true }))
"""


@pytest.mark.parametrize("path", ["multiple-outputs/mistakes/", "notebooks/multiple-outputs/mistakes/"])
def test_blocks_away_from_the_screen_wait_to_be_drawn(browser, site_url, path):
    """A long page opens with only its first blocks drawn (the cost of styling the rest is what
    made pages slow on a phone); a block is drawn when the reader scrolls to it."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    open_page(tab, site_url + path, wait_until="load")
    at_load = tab.evaluate(BLOCKS_DRAWN)
    tab.evaluate("document.querySelector('.md-footer').scrollIntoView()")
    tab.wait_for_function(f"({BLOCKS_DRAWN})().at(-1)")
    context.close()
    assert at_load[0] and not at_load[-1], f"{path}: drawn at load, in page order: {at_load}"
    assert at_load.count(True) < len(at_load) / 2, f"{path}: drawn at load, in page order: {at_load}"


def test_a_content_tab_with_the_keyboard_focus_shows_it_by_more_than_its_colour(browser, site_url):
    """The arrow keys move the focus from tab to tab; the theme marks the focused tab by the colour
    the open tab has anyway, so a ring around the row must show where the focus is (WCAG 2.4.7)."""
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "multiple-outputs/joint-losses/")
    row_outline = "() => getComputedStyle(document.querySelector('.tabbed-set > .tabbed-labels')).outlineStyle"
    unfocused = tab.evaluate(row_outline)
    for _ in range(100):  # to the first tab, as a keyboard reader gets there
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('.tabbed-set > input')"):
            break
    tab.keyboard.press("ArrowRight")
    focused = tab.evaluate(row_outline)
    context.close()
    assert (unfocused, focused) == ("none", "solid")


def test_the_first_use_of_each_glossary_term_takes_the_focus_and_shows_its_definition(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "building-models/functional/")
    terms = tab.evaluate(
        """() => [...document.querySelectorAll(".md-typeset abbr[title]")].map((term) => [term.title, term.tabIndex])"""
    )
    shown = None
    for _ in range(100):  # the keyboard's way to the first term, which shows its definition
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('abbr')"):
            shown = tab.locator(".md-tooltip2--active").inner_text()
            break
    context.close()
    first_use = {title: index for index, (title, _) in reversed(list(enumerate(terms)))}
    stops = [index for index, (_, tab_index) in enumerate(terms) if tab_index == 0]
    assert stops == sorted(first_use.values())
    assert len(first_use) < len(terms)  # the page uses a term twice: the second use is no stop
    assert shown == terms[0][0]


# How a token span of each kind would look inside a line of code, beside the line's own
# text: the engine writes the tokens of these kinds as plain text (snippet_engine.token_spans).
TOKEN_LOOKS = """
(kinds) => {
  const line = document.querySelector(".md-typeset .highlight pre > code > span[id]");
  const looks = (element) => {
    const style = getComputedStyle(element);
    return [style.color, style.fontWeight, style.fontStyle, style.textDecorationLine, style.backgroundColor];
  };
  const plain = document.createElement("span");
  line.append(plain);
  const differences = kinds.flatMap((kind) => {
    const token = document.createElement("span");
    token.className = kind;
    line.append(token);
    const [drawn, expected] = [looks(token), looks(plain)];
    token.remove();
    const same = drawn.join() === expected.join();
    return same ? [] : [`${kind}: ${drawn.join(" / ")} (plain code: ${expected.join(" / ")})`];
  });
  plain.remove();
  return differences;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tokens_written_as_plain_text_are_drawn_like_plain_code(browser, site_url, scheme):
    """Names, whitespace and a few other kinds of token lose their span: the theme's styles must
    draw a span of each of those kinds exactly like the text around it, or the page shows them wrong."""
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    tab = context.new_page()
    open_page(tab, site_url + "building-models/sequential/")
    differences = tab.evaluate(TOKEN_LOOKS, sorted(PLAIN_KINDS))
    context.close()
    assert not differences, f"in the {scheme} palette, token kinds the pages show as plain text look different:\n" + (
        "\n".join(differences)
    )


def edge_shading(box) -> tuple[int, int]:
    """How much the left and the right edge of `box` differ from its own colour, drawn without
    its text: the shadows that say more of it is hidden on that side."""
    box.evaluate("box => box.classList.add('test-no-text')")
    image = Image.open(io.BytesIO(box.screenshot())).convert("L")
    box.evaluate("box => box.classList.remove('test-no-text')")
    colour = box.evaluate("box => getComputedStyle(box).backgroundColor.match(/\\d+/g).map(Number)")
    own = round(0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2])  # as PIL's "L" weighs them
    rows = range(3, image.height - 3)  # not the rounded corners, where the page shows
    left = max(abs(own - image.getpixel((x, y))) for x in range(3) for y in rows)
    right = max(abs(own - image.getpixel((image.width - 1 - x, y))) for x in range(3) for y in rows)
    return left, right


@pytest.mark.parametrize(
    "path, selector, shaded_left",
    [
        # Printed columns keep their lines on a phone (other printed text wraps there). In a
        # notebook, an output with a summary table does not scroll as a whole (the HTML table
        # never has to): each printed part of it does.
        ("multiple-outputs/two-head-model/", ".snippet-output .snippet-text:not(.wraps) > code", True),
        ("notebooks/multiple-outputs/two-head-model/", ".jp-OutputArea-output:has(> .summary) > pre:not(.wraps)", True),
        # A code block's line numbers stay over its left edge. (A highlighted line has a colour
        # of its own up to both edges: the block has none.)
        ("building-models/sequential/", ".highlight:not(:has(.hll)) pre > code", False),
        # A notebook's code cell has no line numbers.
        ("notebooks/building-models/sequential/", ".jp-InputArea-editor .highlight-ipynb pre", True),
    ],
)
def test_a_block_wider_than_the_phone_is_shaded_on_the_side_it_hides_and_no_other(
    browser, site_url, path, selector, shaded_left
):
    """The learners' reviews: outputs and code scrolled on a phone without a cue that they do. At
    desktop width the same block fits (it wraps, or the box is wide enough) and shows no shadow."""
    for viewport, wide in ((PHONE, True), (DESKTOP, False)):
        context = browser.new_context(viewport=viewport, color_scheme="light")
        tab = context.new_page()
        open_page(tab, site_url + path)
        tab.add_style_tag(content=".test-no-text, .test-no-text * { color: transparent !important; }")
        output = tab.locator(selector).first
        output.scroll_into_view_if_needed()
        assert output.evaluate("box => box.scrollWidth > box.clientWidth") == wide
        left, right = edge_shading(output)
        if wide:
            assert left == 0 and right > 40, f"at the start, {left=} and {right=}: the right edge should be shaded"
            output.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
            left, right = edge_shading(output)
            left_as_asked = left > 40 if shaded_left else left == 0
            assert left_as_asked and right == 0, f"scrolled to the end, {left=} and {right=}"
        else:
            assert left == right == 0, f"a block that fits has shaded edges: {left=}, {right=}"
        context.close()


# Each error message against its output block's box: (its start, the right edge of its words, of the
# box). Words: a space at the end of a wrapped line hangs past the edge, and nothing shows of it.
ERROR_MESSAGE_EDGES = """
() => [...document.querySelectorAll(".snippet-error-message")].map((message) => {
  const text = message.firstChild;
  const right = Math.max(...[...text.data.matchAll(/\\S+/g)].map((word) => {
    const range = document.createRange();
    range.setStart(text, word.index);
    range.setEnd(text, word.index + word[0].length);
    return Math.max(...[...range.getClientRects()].map((r) => r.right));
  }));
  const box = message.closest("code, .jp-OutputArea-output");  // what scrolls: the notebooks' output area
  return [message.textContent.slice(0, 60), right, box.getBoundingClientRect().right];
})
"""


@pytest.mark.parametrize("path", ["building-models/reusing-layers/", "notebooks/building-models/reusing-layers/"])
def test_an_errors_message_wraps_inside_its_box_on_a_phone(browser, site_url, path):
    """A learner's review: on a phone the traceback scrolled sideways, and the message the page
    explains right below it was cut at the edge ("...has al"). The frames keep their lines."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    open_page(tab, site_url + path)
    edges = tab.evaluate(ERROR_MESSAGE_EDGES)
    context.close()
    assert len(edges) >= 2, "expected the page's two errors"
    cut = [f"{text!r}: text to {right:.0f} px, box to {box:.0f} px" for text, right, box in edges if right > box + 1]
    assert not cut, "error messages cut at the edge of their box:\n" + "\n".join(cut)


# The code blocks below the screen that scroll sideways and that the theme has not set up
# yet (no copy button: content.lazy): [focusable, all]. Those in a closed collapsible box are not
# laid out, and no key reaches them: they count once it opens.
UNSEEN_SCROLLING_CODE = """
() => {
  const unseen = [...document.querySelectorAll(".md-typeset pre > code")].filter((code) =>
    code.getBoundingClientRect().top > innerHeight && code.scrollWidth > code.clientWidth
    && !code.parentElement.querySelector(".md-code__nav") && !code.closest("details:not([open])"));
  return [unseen.filter((code) => code.tabIndex === 0).length, unseen.length];
}
"""


def unseen_scrolling_code(tab) -> list[int]:
    """UNSEEN_SCROLLING_CODE once every such block can take the focus, or after 10 s: the page
    measures the blocks that wait off screen one at a time, when the browser is idle."""
    from playwright.sync_api import TimeoutError as NotInTime

    with contextlib.suppress(NotInTime):
        tab.wait_for_function(f"(([focusable, all]) => focusable === all)(({UNSEEN_SCROLLING_CODE})())", timeout=10_000)
    return tab.evaluate(UNSEEN_SCROLLING_CODE)


def test_code_that_scrolls_sideways_takes_the_keyboard_focus_before_it_comes_into_view(browser, site_url):
    """The theme makes such a block focusable only as it comes into view; the page's own script
    (overrides/main.html) does it for the others: as the browser lays them out (at the load, or
    when the collapsible box that holds them opens), and, for blocks that wait off screen to be
    drawn, when the browser is idle."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    open_page(tab, site_url + "building-models/sequential/", wait_until="load")
    focusable, unseen = unseen_scrolling_code(tab)
    closed = tab.evaluate("() => document.querySelectorAll('.md-typeset details:not([open]) pre > code').length")
    # The boxes of the text; a summary table's toggle (on a phone, the table as printed) is opened
    # by a reader who has the table on screen, and the block is then measured as it is drawn.
    text_boxes = ".md-typeset details:not(.summary-toggle)"
    tab.evaluate("(boxes) => document.querySelectorAll(boxes).forEach((box) => { box.open = true; })", text_boxes)
    focusable_opened, unseen_opened = unseen_scrolling_code(tab)
    context.close()
    assert unseen > 5 and closed > 5, "expected blocks below a phone's screen that scroll sideways, and closed boxes"
    assert focusable == unseen, f"{unseen - focusable} of {unseen} such blocks cannot take the focus"
    assert unseen_opened > unseen, "opening the boxes should show more such blocks"
    assert focusable_opened == unseen_opened, f"{unseen_opened - focusable_opened} of {unseen_opened}: not when opened"


def test_a_click_on_a_line_number_gives_the_address_of_that_line(browser, site_url):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "multiple-outputs/recipe/", wait_until="networkidle")
    line = tab.locator("div.highlight code > span[id] >> visible=true").nth(5)
    line.scroll_into_view_if_needed()
    point = line.evaluate(POINT_ON_LINE_NUMBER)
    address = line.get_attribute("id")
    assert point, f"no point of the page shows the number of line {address}: a click cannot reach it"
    tab.mouse.click(point["x"], point["y"])
    assert address.endswith(f"-{point['shown']}"), f"line number {point['shown']} would give the address of {address}"
    expect(tab, f"a click on line number {point['shown']} does not give #{address}").to_have_url(
        re.compile(f"#{address}$"), timeout=5_000
    )
    context.close()


def test_footer_names_the_versions_and_date_behind_the_outputs(built_site):
    from importlib.metadata import version

    for page in (built_site / "index.html", built_site / "building-models" / "side-by-side" / "index.html"):
        html = page.read_text(encoding="utf-8")
        footer = html[html.index("data-outputs-provenance") :]
        footer = re.sub(r"\s+", " ", footer[: footer.index("</div>")])
        assert f"TensorFlow {version('tensorflow')}" in footer, footer
        assert f"Keras {version('keras')}" in footer, footer
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', footer), footer
        assert '<a href="about-the-outputs/">' in footer or '<a href="../../about-the-outputs/">' in footer, footer


def test_the_page_on_how_outputs_are_made_does_not_link_to_itself_in_its_footer(built_site):
    for edition in ("", "ko"):
        html = (built_site / edition / "about-the-outputs" / "index.html").read_text(encoding="utf-8")
        footer = html[html.index("data-outputs-provenance") :]
        assert "<a href" not in footer[: footer.index("</div>")], f"{edition or 'en'}: the footer links to its own page"


# ---------------------------------------------------------- the Korean edition --


def test_the_language_switcher_goes_to_the_same_place_in_the_other_language_after_instant_navigation(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "building-models/sequential/", wait_until="networkidle")
    tab.locator("nav.md-nav--primary a[href$='functional/']").first.click()  # instant navigation
    tab.wait_for_url("**/building-models/functional/")
    tab.evaluate("location.hash = '#reading-the-summary'")
    tab.locator(".md-header__option .md-select").hover()
    tab.locator("a.md-select__link[hreflang=ko]").click()
    tab.wait_for_url("**/ko/building-models/functional/#reading-the-summary")
    assert tab.evaluate("document.documentElement.lang") == "ko"
    tab.locator(".md-header__option .md-select").hover()
    tab.locator("a.md-select__link[hreflang=en]").click()
    tab.wait_for_url("**/keras-model-building/building-models/functional/**")
    assert tab.evaluate("document.documentElement.lang") == "en"
    context.close()


def test_an_unknown_address_in_the_korean_edition_shows_its_korean_404_page(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "ko/no/such/page/")
    tab.wait_for_url("**/ko/404.html")
    assert tab.evaluate("document.documentElement.lang") == "ko"
    assert tab.locator("h1").first.inner_text() == KOREAN.page_not_found
    context.close()


def test_korean_text_is_drawn_with_a_font_that_has_hangul(browser, site_url):
    hangul_fonts = subprocess.run(
        ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=False
    ).stdout.replace("\n", ",")
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    open_page(tab, site_url + "ko/building-models/sequential/", wait_until="networkidle")
    cdp = context.new_cdp_session(tab)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    paragraph = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article p"})["nodeId"]
    fonts = [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": paragraph})["fonts"]]
    context.close()
    assert any(family in hangul_fonts for family in fonts), (
        f"the Korean text is drawn with {fonts}, none of which has Hangul (fontconfig's Korean fonts: "
        f"{hangul_fonts or 'none'}; install one: apt-get install fonts-noto-cjk)"
    )
