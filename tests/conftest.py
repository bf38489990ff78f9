"""Shared fixtures: the engine's import path, and real builds of the site."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from built_pages import ShownOutputs, shown_outputs
from filelock import FileLock
from forked_processes import Forks

from snippet_engine.project_tree import copy_as_clone
from snippet_engine.settings import EngineSettings, load_settings
from snippet_engine.worker import WorkerSettings

REPO = Path(__file__).resolve().parent.parent


# The test files that take longest, longest first. pytest-xdist hands files to its processes in
# the order collected (--no-loadscope-reorder, pytest.ini), so the long ones start at once, side by
# side, and the short ones fill in at the end: no process is left to finish alone.
# The other files follow in their usual order.
LONGEST_FIRST = (
    "test_browser.py",
    "test_notebooks_site.py",
    "test_snippets_standalone.py",
    "test_engine.py",
    "test_editions.py",
    "test_diagrams.py",
    "test_mkdocs_hooks.py",
    "test_page_weight.py",
)


def pytest_collection_modifyitems(items):
    renamed = [name for name in LONGEST_FIRST if not (REPO / "tests" / name).is_file()]
    if renamed:
        raise pytest.UsageError(f"conftest.py LONGEST_FIRST names files that do not exist: {renamed}")

    def rank(item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each file's tests keep their order


@pytest.fixture(scope="session", autouse=True)
def forked_snippet_workers(tmp_path_factory):
    """The snippet workers of every build a test makes start as forks of one process that imported
    TensorFlow (forked_processes.py), through the engine's `python` setting: a worker otherwise
    spends seconds importing it, and the tests start dozens. The site's own builds (`builds`) start
    theirs as `make build` does."""
    folder = tmp_path_factory.mktemp("forked-workers")
    forks = Forks(folder, WorkerSettings(100, folder / "keras-home", sys.executable).environment())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SNIPPETS_PYTHON", str(forks.launcher))
        yield
    forks.close()


def engine_settings(root: Path, cache_dir: Path, execute: bool = True, **options) -> EngineSettings:
    """Settings as mkdocs.yml would give them, for a repository at `root`, with the tests' workers."""
    options = {"cache_dir": str(cache_dir), "timeout": 60, "workers": 1, **options}
    environ = {"SNIPPETS_EXECUTE": "1" if execute else "0", "SNIPPETS_PYTHON": os.environ["SNIPPETS_PYTHON"]}
    return load_settings(options, root, environ=environ)


def build_environment() -> dict[str, str]:
    epoch = (
        os.environ.get("SOURCE_DATE_EPOCH")
        or subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        or "0"
    )
    return {**os.environ, "SNIPPETS_EXECUTE": "1", "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, **environment: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**build_environment(), **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@dataclass(frozen=True)
class Builds:
    """Sites of the same commit, built cold, then warm: in the same folder and in another."""

    cold: Path
    warm: Path
    elsewhere: Path


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    """A strict, executed build with an empty cache (one worker per core); a warm build of the
    same copy, which takes every result from its cache; and a warm build of a second copy at
    another path, given that cache. Whether one worker or several ran a snippet cannot change
    its output: test_snippets_standalone compares every page output with a fresh process.

    The test processes (pytest-xdist) share them: the first to ask builds, the others wait for
    it, and a failed build fails each of them with its log."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder that holds every worker's own
    root = shared / "builds"
    first, second = root / "first" / "repo", root / "second-clone" / "nested" / "repo"
    failure, done = root / "failure.log", root / "done"
    with FileLock(shared / "builds.lock"):
        if not (done.exists() or failure.exists()):
            log = _make_builds(first, second)
            (failure if log else done).write_text(log, encoding="utf-8")
    if failure.exists():
        pytest.fail(failure.read_text(encoding="utf-8"), pytrace=False)
    return Builds(first / "site", first / "warm-site", second / "site")


def _make_builds(first: Path, second: Path) -> str:
    """The builds `builds` describes; "" if they all succeed, else the failed build's log."""
    copy_as_clone(REPO, first)
    copy_as_clone(REPO, second)
    if log := _failure_log(mkdocs_build(first, first / "site", SNIPPETS_PYTHON="")):  # the build's own Python
        return log
    shutil.copytree(first / ".cache", second / ".cache")
    # Each warm build reads a cache of its own: they run side by side.
    warm = [
        mkdocs_build(project, project / site, SNIPPETS_PYTHON="")
        for project, site in ((first, "warm-site"), (second, "site"))
    ]
    return next(filter(None, [_failure_log(build) for build in warm]), "")


def _failure_log(build: subprocess.Popen) -> str:
    log, _ = build.communicate()
    return f"mkdocs build failed:\n{log}" if build.returncode else ""


@pytest.fixture(scope="session")
def cached_reports(builds) -> list[dict]:
    """Every result the cold build cached: what real snippets printed and drew."""
    files = sorted((builds.cold.parent / ".cache" / "snippets").glob("*/*.json"))
    return [json.loads(file.read_text(encoding="utf-8")) for file in files]


@pytest.fixture(scope="session")
def built_site(builds) -> Path:
    """The site as a cold, strict, executed build made it."""
    return builds.cold


@pytest.fixture(scope="session")
def built_outputs(built_site) -> ShownOutputs:
    """The Output blocks of the built site, read once."""
    return shown_outputs(built_site)


@pytest.fixture(scope="session")
def page_outputs(built_outputs) -> dict[str, list[str]]:
    """For each snippet file (snippets/...), the text of every Output block the built site shows after its code."""
    return built_outputs.by_snippet


@pytest.fixture(scope="session")
def site_output_texts(built_outputs) -> list[tuple[str, str]]:
    """(page, text) of every Output block of the built site."""
    return built_outputs.by_page
