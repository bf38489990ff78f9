"""Shared fixtures: one real build of the site per test session."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once, strictly and with executed snippets, into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SNIPPETS_EXECUTE": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO, env=env, check=True,
    )
    return site_dir
