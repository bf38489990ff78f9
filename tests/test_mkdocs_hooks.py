"""The hook inside real `mkdocs build` and `mkdocs serve` runs, on a small site of its own."""

import contextlib
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, build_environment

CONFIG = f"""
site_name: Small site
hooks:
  - {REPO / "hooks" / "mkdocs_hooks.py"}
extra:
  snippet_execution:
    snippets_dir: snippets
    cache_dir: .cache/snippets
    timeout: 60
    console_width: 100
    seed: 1
markdown_extensions:
  - admonition
  - attr_list
  - pymdownx.highlight
  - pymdownx.snippets:
      check_paths: true
  - pymdownx.superfences
"""


class SmallSite:
    def __init__(self, root: Path):
        self.root = root
        (root / "docs").mkdir()
        (root / "snippets").mkdir()
        (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")

    def page(self, text: str) -> None:
        (self.root / "docs" / "index.md").write_text(textwrap.dedent(text), encoding="utf-8")

    def snippet(self, name: str, code: str) -> None:
        (self.root / "snippets" / name).write_text(textwrap.dedent(code), encoding="utf-8")

    def build(self, **environment: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=self.root,
            env={**build_environment(), **environment},
            capture_output=True,
            text=True,
        )

    def html(self) -> str:
        return (self.root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> SmallSite:
    return SmallSite(tmp_path)


def test_broken_snippet_fails_the_build_naming_file_line_page_and_error(site):
    site.page('# Page\n\n{{ run("bad.py") }}\n')
    site.snippet("bad.py", "total = 1\nratio = total / 0\n")
    build = site.build()
    assert build.returncode == 1
    assert "snippets/bad.py, line 2: the snippet raised ZeroDivisionError" in build.stderr
    assert "shown on docs/index.md, line 3" in build.stderr
    assert "ZeroDivisionError: division by zero" in build.stderr
    site.snippet("bad.py", "total = 1\nprint(total / 2)\n")
    fixed = site.build()
    assert fixed.returncode == 0, fixed.stderr
    assert "0.5" in site.html()


@pytest.mark.parametrize(
    "page, snippets, messages",
    [
        (
            '# Page\n\nText.\n\n{{ run("nowhere.py") }}\n',
            {},
            ["snippets/nowhere.py does not exist", "shown on docs/index.md, line 5"],
        ),
        (
            '# Page\n\n{{ run("code.py:setup") }}\n',
            {"code.py": "print(1)\n"},
            ["snippets/code.py: no section 'setup'", "shown on docs/index.md, line 3"],
        ),
        (
            '# Page\n\n{{ run("used.py") }}\n',
            {"used.py": "print(1)\n", "forgotten.py": "print(2)\n"},
            ["snippets/forgotten.py is not shown on any page"],
        ),
    ],
    ids=["missing-file", "missing-section", "snippet-on-no-page"],
)
def test_page_and_snippet_mismatch_fails_the_build_naming_both(site, page, snippets, messages):
    site.page(page)
    for name, code in snippets.items():
        site.snippet(name, code)
    build = site.build()
    assert build.returncode == 1
    for message in messages:
        assert message in build.stderr


def test_unchanged_rebuild_runs_nothing_and_starts_no_worker(site):
    site.page('# Page\n\n{{ run("one.py") }}\n')
    site.snippet("one.py", "print('one')\n")
    first = site.build()
    assert "Snippets: 1 run, 0 taken from the cache" in first.stderr
    assert "Snippet worker started" in first.stderr
    second = site.build()
    assert "Snippets: 0 run, 1 taken from the cache" in second.stderr
    assert "Snippet worker started" not in second.stderr


def test_a_python_that_cannot_be_started_fails_the_build_naming_it(site):
    site.page('# Page\n\n{{ run("one.py") }}\n')
    site.snippet("one.py", "print('one')\n")
    build = site.build(SNIPPETS_PYTHON="/nowhere/python")
    assert build.returncode == 1
    assert (
        "the snippets' Python /nowhere/python could not start: No such file or directory "
        "(set extra.snippet_execution.python in mkdocs.yml, or SNIPPETS_PYTHON)"
    ) in build.stderr
    assert build.stderr.count("could not start") == 1
    assert "Traceback" not in build.stderr


def test_build_without_execution_shows_a_placeholder_and_starts_no_worker(site):
    site.page('# Page\n\n{{ run("one.py") }}\n')
    site.snippet("one.py", "print('one')\n")
    build = site.build(SNIPPETS_EXECUTE="0")
    assert build.returncode == 0, build.stderr
    assert "Snippet worker started" not in build.stderr
    assert "SNIPPETS_EXECUTE=0" in site.html() and "print" in site.html()


def test_a_build_without_execution_keeps_the_notebooks_mkdocs_jupyter_rendered(site):
    config = site.root / "mkdocs.yml"
    plugin = (
        '\nplugins:\n  - mkdocs-jupyter:\n      include: ["*.ipynb"]\n      ignore: ["*.md"]\n      execute: false\n'
    )
    config.write_text(config.read_text() + plugin, encoding="utf-8")
    site.page('# Page\n\n{{ run("one.py") }}\n')
    site.snippet("one.py", "print('one')\n")
    assert site.build().returncode == 0
    rendered = sorted((site.root / ".cache" / "mkdocs-jupyter").glob("*.json"))
    assert rendered
    build = site.build(SNIPPETS_EXECUTE="0")
    assert build.returncode == 0, build.stderr
    assert sorted((site.root / ".cache" / "mkdocs-jupyter").glob("*.json")) == rendered


def test_serve_warms_a_worker_at_start_reruns_edits_with_it_and_keeps_serving_through_errors(site):
    site.page('# Page\n\n{{ run("live.py") }}\n')
    site.snippet("live.py", "print('first version')\n")
    assert site.build().returncode == 0  # the cache now holds the first version: serving runs nothing
    with served(site.root) as server:
        assert "first version" in server.page_when(lambda html: "first version" in html)
        server.log.wait_for("Snippet worker started")  # before any edit: warmed up at start-up
        assert "Snippets: 0 run, 1 taken from the cache" in server.log.text()
        site.snippet("live.py", "print('second version')\n")
        assert "second version" in server.page_when(lambda html: "second version" in html)
        site.snippet("live.py", "raise KeyError('oops')\n")
        broken = server.page_when(lambda html: "This snippet failed" in html)
        assert "second version" not in broken and "KeyError" in broken
        site.page('# Page\n\nNow with a typo:\n\n{{ run("live.py" }}\n')
        assert "Now with a typo" in server.page_when(lambda html: "Now with a typo" in html)
        server.log.wait_for("docs/index.md, line 5: cannot read this directive")
    text = server.log.text()
    assert text.count("Snippet worker started") == 1, text
    assert "snippets/live.py, line 1: the snippet raised KeyError" in text
    assert "hooks/mkdocs_hooks.py" not in text and "snippet_engine/" not in text, "a traceback of ours"


class ServerLog:
    """The lines a server prints, collected as they come."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(process.stdout), daemon=True).start()

    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            assert time.monotonic() < deadline, f"the server never printed {text!r}:\n{self.text()}"
            time.sleep(0.2)


@dataclass
class Server:
    """A running `mkdocs serve`, and what it printed."""

    port: int
    log: ServerLog

    def page_when(self, ready, path: str = "", timeout: float = 90) -> str:
        """The page at `path` once `ready(html)` holds for it."""
        deadline = time.monotonic() + timeout
        html = ""
        while time.monotonic() < deadline:
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=5).read().decode()
                if ready(html):
                    return html
            except OSError:  # refused, not found, or waiting for a build (MkDocs answers once it is built)
                pass
            time.sleep(0.5)
        raise AssertionError(
            f"the served page never got there; last seen:\n{html[-2000:]}\nthe server printed:\n{self.log.text()}"
        )


@contextlib.contextmanager
def served(root: Path):
    """`mkdocs serve` in `root`, ended when the block ends."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=build_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield Server(port, ServerLog(process))
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize(
    "setting, message",
    [
        ("    timeout: soon\n", "extra.snippet_execution.timeout in mkdocs.yml is 'soon'; write a number of seconds"),
        ("    colour: red\n", "unknown option extra.snippet_execution.colour in mkdocs.yml"),
    ],
)
def test_a_wrong_setting_fails_the_build_with_one_message_and_no_traceback(site, setting, message):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("    timeout: 60\n", setting), encoding="utf-8")
    site.page("# Page\n")
    build = site.build()
    assert build.returncode == 1
    assert message in build.stderr
    assert "Traceback" not in build.stderr


def test_a_malformed_directive_fails_the_build_naming_page_line_and_the_fix(site):
    site.page('# Page\n\nSee {{ diagram("net.py", model="net") }} here.\n\n{{ run("net.py", colour="red") }}\n')
    site.snippet("net.py", "print(1)\n")
    build = site.build()
    assert build.returncode == 1
    assert (
        "docs/index.md, line 3: a diagram directive must stand alone on its line; "
        'write it as {{ diagram("topic/file.py", model="name") }}' in build.stderr
    )
    assert "docs/index.md, line 5: unknown option 'colour' (known: hl_lines, raises, title, alt)" in build.stderr
    assert "Traceback" not in build.stderr


def test_time_limit_from_the_environment_overrides_mkdocs_yml(site):
    site.page('# Page\n\n{{ run("slow.py") }}\n')
    site.snippet("slow.py", "import time\ntime.sleep(20)\n")
    build = site.build(SNIPPETS_TIMEOUT="1", SNIPPETS_PYTHON="")  # a worker as make build starts it
    assert build.returncode == 1
    assert "snippets/slow.py, line 2: the snippet ran past its time limit of 1 s" in build.stderr
    assert "set SNIPPETS_TIMEOUT or extra.snippet_execution.timeout in mkdocs.yml" in build.stderr
