"""Shared fixtures: the engine's import path, and real builds of the site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
from snippet_engine.project_tree import copy_as_clone
from snippet_engine.settings import EngineSettings, load_settings


def engine_settings(root: Path, cache_dir: Path, execute: bool = True, **options) -> EngineSettings:
    """Settings as mkdocs.yml would give them, for a repository at `root`."""
    options = {"cache_dir": str(cache_dir), "timeout": 60, "workers": 1, **options}
    return load_settings(options, root, environ={"SNIPPETS_EXECUTE": "1" if execute else "0"})


def build_environment() -> dict[str, str]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip() or "0"
    return {**os.environ, "SNIPPETS_EXECUTE": "1", "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, **environment: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env={**build_environment(), **environment},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


@pytest.fixture(scope="session")
def cold_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two strict, executed builds with empty caches, from two copies of the repository
    at different paths, run side by side. Their sites are returned."""
    root = tmp_path_factory.mktemp("cold-builds")
    copies = [copy_as_clone(REPO, root / "first" / "repo"), copy_as_clone(REPO, root / "second-clone" / "nested" / "repo")]
    builds = [(mkdocs_build(copy, copy / "site"), copy / "site") for copy in copies]
    for process, _ in builds:
        log, _ = process.communicate()
        if process.returncode:
            pytest.fail(f"mkdocs build failed:\n{log}", pytrace=False)
    return tuple(site for _, site in builds)


@pytest.fixture(scope="session")
def built_site(cold_builds) -> Path:
    """The site as a cold, strict, executed build made it."""
    return cold_builds[0]
