"""Every snippet, run as a reader would run it, prints what its page shows."""

import os
import subprocess
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor

import pytest
from built_pages import shown_outputs
from conftest import REPO

from snippet_engine import terminal
from snippet_engine.project_tree import shown_snippets


def standalone_run(snippet: str, workdir) -> subprocess.CompletedProcess:
    """`python snippets/<file>.py` in a terminal 100 columns wide, as the pages were built."""
    environment = {**os.environ, "COLUMNS": "100", "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run(
        [sys.executable, str(REPO / snippet)],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def as_page_shows(text: str) -> str:
    prefixes = {f"{REPO}/": "", f"{sysconfig.get_paths()['purelib']}/": ""}
    return terminal.mark_volatile(terminal.without_machine_paths(terminal.as_terminal_shows(text), prefixes))


@pytest.fixture(scope="session")
def standalone_runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every shown snippet run on its own, two at a time (each run is mostly importing TensorFlow)."""
    snippets = shown_snippets(REPO)
    folders = [tmp_path_factory.mktemp("standalone") for _ in snippets]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(snippets, pool.map(standalone_run, snippets, folders), strict=True))


@pytest.fixture(scope="session")
def page_outputs(built_site) -> dict[str, list[str]]:
    return shown_outputs(built_site)


@pytest.mark.parametrize("snippet", shown_snippets(REPO))
def test_snippet_run_alone_prints_what_its_page_shows(snippet, page_outputs, standalone_runs):
    [page_output, *_] = page_outputs[snippet]
    run = standalone_runs[snippet]
    printed = as_page_shows(run.stdout).rstrip("\n")
    if run.returncode == 0:
        assert page_output.rstrip("\n") == printed
    else:
        # A pitfall: the page shows what was printed, then the error's last line.
        error_line = as_page_shows(run.stderr).rstrip("\n").splitlines()[-1]
        assert page_output.startswith(printed)
        assert page_output.rstrip("\n").splitlines()[-1] == error_line
