"""Shared fixtures: the engine's import path, and real builds of the site."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from snippet_engine.project_tree import copy_as_clone
from snippet_engine.settings import EngineSettings, load_settings

REPO = Path(__file__).resolve().parent.parent


def engine_settings(root: Path, cache_dir: Path, execute: bool = True, **options) -> EngineSettings:
    """Settings as mkdocs.yml would give them, for a repository at `root`."""
    options = {"cache_dir": str(cache_dir), "timeout": 60, "workers": 1, **options}
    return load_settings(options, root, environ={"SNIPPETS_EXECUTE": "1" if execute else "0"})


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
    """Sites of the same commit, built cold, then warm, then warm from another folder."""

    cold: Path
    warm: Path
    elsewhere: Path


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    """A strict, executed build with an empty cache (one worker per core); a warm build of the
    same copy, which takes every result from its cache; and a warm build of a second copy at
    another path, given that cache. Whether one worker or several ran a snippet cannot change
    its output: test_snippets_standalone compares every page output with a fresh process."""
    root = tmp_path_factory.mktemp("builds")
    first = copy_as_clone(REPO, root / "first" / "repo")
    second = copy_as_clone(REPO, root / "second-clone" / "nested" / "repo")
    _finish(mkdocs_build(first, first / "site"))
    _finish(mkdocs_build(first, first / "warm-site"))
    shutil.copytree(first / ".cache", second / ".cache")
    _finish(mkdocs_build(second, second / "site"))
    return Builds(first / "site", first / "warm-site", second / "site")


def _finish(process: subprocess.Popen) -> str:
    log, _ = process.communicate()
    if process.returncode:
        pytest.fail(f"mkdocs build failed:\n{log}", pytrace=False)
    return log


@pytest.fixture(scope="session")
def cached_reports(builds) -> list[dict]:
    """Every result the cold build cached: what real snippets printed and drew."""
    files = sorted((builds.cold.parent / ".cache" / "snippets").glob("*/*.json"))
    return [json.loads(file.read_text(encoding="utf-8")) for file in files]


@pytest.fixture(scope="session")
def built_site(builds) -> Path:
    """The site as a cold, strict, executed build made it."""
    return builds.cold
