"""`make bench`: how long builds take, as medians of repeated runs, and whether the targets hold.

Runs on a temporary copy of the repository, so the real cache is untouched.
Scenarios: cold (empty cache) with one worker per core and with one worker,
warm (nothing changed), warm without the translations (the site in its first
language only), one snippet changed, SNIPPETS_EXECUTE=0, the naive way (each
snippet its own `python` process), and, under `mkdocs serve`, the time from
saving a snippet to the server showing its page with the new output (the first
edit once the server is up, and the ones after it).
Targets: warm <= 1.3 x no-execute; cold <= 0.5 x naive once there are 6 snippets
or more; cold with one worker per core <= 0.65 x cold with one worker; warm
with every language <= 1.4 x warm in one language; every edit under serve
shown within 5 s.

Then Lighthouse (npm lighthouse, pinned in package.json), reported, never a
target: every page of the built site, a bare mkdocs-material page built by
the same venv and one page of the site with its text taken out (what the
site's frame costs), each served gzip-compressed under the site's path on
127.0.0.1 as GitHub Pages serves it, with Lighthouse's default (mobile)
settings; the medians of as many runs a page as the build scenarios have
(--runs).
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from snippet_engine.directives import find_directives
from snippet_engine.project_tree import copy_as_clone, shown_snippets

REPO = Path(__file__).resolve().parent.parent

WARM_TARGET = 1.3
COLD_TARGET = 0.5
PARALLEL_TARGET = 0.65
EDITIONS_TARGET = 1.4
SERVE_TARGET = 5.0
SNIPPETS_FOR_COLD_TARGET = 6

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
# Turns of the warm builds (warm, warm in one language, without execution): at least this many.
WARM_TURNS = 9
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Headless, and no calls to Google's hosts at start (they would count as page requests).
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Sent compressed, as GitHub Pages does; fonts and images already are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (at least 3)")
    parser.add_argument(
        "--lighthouse",
        choices=("yes", "no", "only"),
        default="yes",
        help="Lighthouse report after the timings (yes), without them (only), or not at all (no)",
    )
    arguments = parser.parse_args()
    runs = max(3, arguments.runs)

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = copy_as_clone(REPO, Path(folder) / "repo")
        status = 0 if arguments.lighthouse == "only" else timings(project, runs)
        if arguments.lighthouse != "no":
            build(project)  # executed: the timings' last build skipped the snippets
            lighthouse_section(project / "site", Path(folder), runs)
        return status


def timings(project: Path, runs: int) -> int:
    """The build scenarios' medians and whether the targets hold (0 if they do)."""
    snippets = shown_snippets(project)
    cache = project / ".cache"
    changed = project / snippets[0]
    original = changed.read_text(encoding="utf-8")
    edits = iter(range(1_000))

    def cold():
        shutil.rmtree(cache, ignore_errors=True)

    def change_one():
        changed.write_text(original + f"\n# bench edit {next(edits)}\n", encoding="utf-8")

    build(project)  # fills the cache for the warm runs and checks the build works at all
    single = one_language(project)
    build(single)
    cores = os.cpu_count() or 1
    # The builds of each ratio take turns: the machine's speed drifts over the half hour of a run,
    # by a quarter at times, and a ratio of medians taken minutes apart would measure the drift.
    cold_builds = medians_in_turns(
        runs, lambda: build(project), lambda: build(project, SNIPPETS_WORKERS="1"), before=cold
    )
    # A warm build takes seconds, and a second's drift moved the median of 3 by a tenth: the ratios
    # of these builds read 1.16 and 1.37 in two runs of the same code. More turns cost a minute.
    warm_turns = max(runs, WARM_TURNS)
    warm_builds = medians_in_turns(
        warm_turns,
        lambda: build(project),
        lambda: build(single),
        lambda: build(project, SNIPPETS_EXECUTE="0"),
    )
    [one_changed] = medians_in_turns(runs, lambda: build(project), before=change_one)
    [naive] = medians_in_turns(runs, lambda: run_each(project, snippets))
    medians = dict(zip(("cold", "cold, one worker"), cold_builds, strict=True))
    medians.update(zip(("warm", "warm, one language", "no-execute"), warm_builds, strict=True))
    medians.update({"one changed": one_changed, "naive": naive})
    first_edit, later_edits = serve_edits(project, runs)
    medians["serve, first edit"] = first_edit
    medians["serve, later edits"] = statistics.median(later_edits)
    labels = {
        "cold": f"cold build (empty cache, {cores} workers)",
        "cold, one worker": "cold build (empty cache, 1 worker)",
        "warm": f"warm build (nothing changed, {warm_turns} runs)",
        "warm, one language": f"warm build, first language only ({warm_turns} runs)",
        "one changed": "one snippet changed",
        "no-execute": f"SNIPPETS_EXECUTE=0 ({warm_turns} runs)",
        "naive": f"naive ({len(snippets)} separate python processes)",
        "serve, first edit": "mkdocs serve: first edit shown (one run)",
        "serve, later edits": f"mkdocs serve: later edits shown ({len(later_edits)} runs)",
    }
    return report(medians, labels, runs, len(snippets))


def report(medians: dict[str, float], labels: dict[str, str], runs: int, snippet_count: int) -> int:
    cold, warm, no_execute, naive = medians["cold"], medians["warm"], medians["no-execute"], medians["naive"]
    print(f"Medians of {runs} runs (of more where a line says so), {snippet_count} snippets:")
    for name, seconds in medians.items():
        print(f"  {labels[name]:<42} {seconds:7.2f} s")
    parallel = cold / medians["cold, one worker"]
    editions = warm / medians["warm, one language"]
    checks = [
        (f"warm / warm in one language = {editions:.2f} (target <= {EDITIONS_TARGET})", editions <= EDITIONS_TARGET),
        (f"warm / no-execute = {warm / no_execute:.2f} (target <= {WARM_TARGET})", warm / no_execute <= WARM_TARGET),
        (f"cold / cold with one worker = {parallel:.2f} (target <= {PARALLEL_TARGET})", parallel <= PARALLEL_TARGET),
    ]
    cold_ratio = f"cold / naive = {cold / naive:.2f} (target <= {COLD_TARGET}"
    if snippet_count >= SNIPPETS_FOR_COLD_TARGET:
        checks.append((cold_ratio + ")", cold / naive <= COLD_TARGET))
    else:
        print(f"  {cold_ratio}, applies from {SNIPPETS_FOR_COLD_TARGET} snippets)")
    slowest_edit = max(medians["serve, first edit"], medians["serve, later edits"])
    checks.append(
        (
            f"mkdocs serve: edit shown in {slowest_edit:.2f} s (target <= {SERVE_TARGET:.0f} s)",
            slowest_edit <= SERVE_TARGET,
        )
    )
    for text, met in checks:
        print(f"  {'met   ' if met else 'MISSED'} {text}")
    return 0 if all(met for _, met in checks) else 1


def medians_in_turns(runs: int, *actions: Callable[[], None], before: Callable[[], None] = lambda: None) -> list[float]:
    """The median seconds of each action, the actions taking turns `runs` times; `before` runs,
    untimed, before each."""
    seconds: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, timings in zip(actions, seconds, strict=True):
            before()
            started = time.perf_counter()
            action()
            timings.append(time.perf_counter() - started)
    return [statistics.median(timings) for timings in seconds]


def build(project: Path, **environment: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"],
        cwd=project,
        env={**os.environ, "SNIPPETS_EXECUTE": "1", "NO_MKDOCS_2_WARNING": "1", **environment},
        check=True,
    )


def serve_edits(project: Path, runs: int) -> tuple[float, list[float]]:
    """Seconds from saving an edit of a snippet to `mkdocs serve` serving its page with the new
    output: the first edit once the server has started (and its snippet worker, which warms up
    in the background), then `runs` more, each a new output (nothing from the cache)."""
    page, snippet = next(
        (page, project / "snippets" / directive.path)
        for page in sorted((project / "docs").glob("**/*.md"))
        if not page.relative_to(project / "docs").as_posix().startswith("ko/")
        for directive in find_directives(page.read_text(encoding="utf-8"), page.relative_to(project).as_posix())
    )
    site_path = urlsplit(yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
    page_path = page.relative_to(project / "docs").with_suffix("").as_posix()
    url_path = site_path + ("" if page_path == "index" else page_path.removesuffix("/index") + "/")
    original = snippet.read_text(encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "SNIPPETS_EXECUTE": "1", "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    threading.Thread(target=lambda: printed.extend(server.stdout), daemon=True).start()
    try:
        while not all(
            any(line_start in line for line in printed) for line_start in ("Serving on", "Snippet worker started")
        ):
            if server.poll() is not None:
                raise SystemExit("mkdocs serve ended before serving:\n" + "".join(printed))
            time.sleep(0.2)
        seconds = []
        for edit in range(runs + 1):
            marker = f"bench edit {edit} at {time.time_ns()}"
            snippet.write_text(original + f"\nprint({marker!r})\n", encoding="utf-8")
            started = time.perf_counter()
            while marker not in _served(f"http://127.0.0.1:{port}{url_path}"):
                time.sleep(0.05)
            seconds.append(time.perf_counter() - started)
        return seconds[0], seconds[1:]
    finally:
        snippet.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)


def _served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def one_language(project: Path) -> Path:
    """A copy of the project (its cache too) as a site in its first language only: without
    extra.editions in mkdocs.yml, and so without the translations' pages."""
    single = project.with_name(project.name + "-one-language")
    shutil.copytree(project, single, ignore=shutil.ignore_patterns("site"))
    config = single / "mkdocs.yml"
    with open(config, "rb") as file:
        editions = yaml_load(file)["extra"]["editions"]
    lines = config.read_text(encoding="utf-8").split("\n")
    start = lines.index("  editions:")
    end = next(index for index in range(start + 1, len(lines)) if not lines[index].startswith(("    ", "#")))
    config.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    for edition in editions[1:]:
        shutil.rmtree(single / "docs" / edition["language"])
    return single


def run_each(project: Path, snippets: list[str]) -> None:
    environment = {**os.environ, "COLUMNS": "100", "TF_CPP_MIN_LOG_LEVEL": "3"}
    with tempfile.TemporaryDirectory() as workdir:
        for snippet in snippets:
            subprocess.run(
                [sys.executable, str(project / snippet)],
                cwd=workdir,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )


# --- Lighthouse: reported beside a bare mkdocs-material page, never asserted ---

BARE_ROW = "bare mkdocs-material page"
# A page of the site with its text taken out: the difference from the bare page is what the site's
# header, navigation and theme features cost, the difference from the page itself what its text costs.
FRAME_PAGE = "building-models/sequential/"
FRAME_ROW = f"{FRAME_PAGE} without its text"


def lighthouse_section(site: Path, scratch: Path, runs: int) -> int:
    """Lighthouse on every page of `site`, on a bare mkdocs-material page and on a page of `site`
    without its text, `runs` times each; prints the medians."""
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        print(f"\nLighthouse skipped: needs {LIGHTHOUSE.relative_to(REPO)} (npm ci) and a browser at {CHROMIUM}")
        return 0
    site_path = (
        urlsplit(yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path.rstrip("/") + "/"
    )
    bare = bare_material_site(scratch / "bare")
    frame = site_without_text(site, scratch / "frame", FRAME_PAGE)
    rows = {}
    with served(bare, site_path) as url:
        rows[BARE_ROW] = lighthouse(url, runs)
    with served(frame, site_path) as url:
        rows[FRAME_ROW] = lighthouse(url + FRAME_PAGE, runs)
    with served(site, site_path) as url:
        for path in site_pages(site):
            rows[path or "home"] = lighthouse(url + path, runs)
    print_lighthouse_table(rows, runs)
    return 0


def site_without_text(site: Path, folder: Path, page: str) -> Path:
    """A copy of `site` in which `page` keeps its header, navigation, scripts and styles but not its
    text (a title and one paragraph instead): what the site's frame costs a page before any text."""
    shutil.copytree(site, folder)
    index = folder / page / "index.html"
    html = index.read_text(encoding="utf-8")
    start = html.index(">", html.index("<article")) + 1
    end = html.index("</article>")
    index.write_text(html[:start] + "<h1>A page</h1><p>One paragraph of text.</p>" + html[end:], encoding="utf-8")
    return folder


def bare_material_site(folder: Path) -> Path:
    """A one-page mkdocs-material site, built by this venv: what the theme costs alone."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# A bare page\n\nOne paragraph of text.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Bare\ntheme:\n  name: material\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=folder,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return folder / "site"


def site_pages(site: Path) -> list[str]:
    """Every page, as a path under the site root ("" is the home page)."""
    pages = (index.parent.relative_to(site).as_posix() for index in site.rglob("index.html"))
    return sorted(
        "" if page == "." else page + "/" for page in pages if not {"assets", "search"} & set(page.split("/"))
    )


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder under a path prefix, compressing text as GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        inside = path[len(self.prefix) - 1 :] if path.startswith(self.prefix) else "/no-such-file"
        return super().translate_path(inside)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (
            not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not kind.startswith(COMPRESSED_TYPES)
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):
        pass


class _Body:
    """What send_head returns: a file-like body that copyfile can read."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class served:
    """Context manager: `folder` served at http://127.0.0.1:PORT{prefix}."""

    def __init__(self, folder: Path, prefix: str):
        handler = type("Handler", (GzipHandler,), {"prefix": prefix})
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
        )
        self.prefix = prefix

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}{self.prefix}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def lighthouse(url: str, runs: int) -> dict[str, float]:
    """The medians of `runs` Lighthouse runs: a page's scores move by several points from one
    run to the next, its performance score most."""
    reports = [report for _ in range(runs) if (report := lighthouse_once(url))]
    return {column: statistics.median(report[column] for report in reports) for column in reports[0]} if reports else {}


def lighthouse_once(url: str) -> dict[str, float]:
    """Lighthouse's category scores (0-100) and the page's transfer size in KB."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if result.returncode:
        print(f"  lighthouse failed on {url}: {result.stderr.strip()[-300:]}")
        return {}
    report = json.loads(result.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return {**scores, "transfer KB": report["audits"]["total-byte-weight"]["numericValue"] / 1024}


def print_lighthouse_table(rows: dict[str, dict[str, float]], runs: int) -> None:
    columns = (*CATEGORIES, "transfer KB")
    width = max(len(name) for name in rows) + 2
    print(
        f"\nLighthouse {lighthouse_version()} (mobile preset), medians of {runs} runs a page,"
        " pages served gzip-compressed on 127.0.0.1:"
    )
    print(" " * width + "".join(f"{column:>16}" for column in columns))
    pages = {name: row for name, row in rows.items() if name not in (BARE_ROW, FRAME_ROW)}
    medians = {column: statistics.median(row[column] for row in pages.values() if row) for column in columns}
    for name, row in [*rows.items(), ("median of the site's pages", medians)]:
        cells = "".join(f"{row[column]:>16.0f}" if row else f"{'failed':>16}" for column in columns)
        print(f"{name:<{width}}{cells}")


def lighthouse_version() -> str:
    return json.loads((REPO / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    sys.exit(main())
