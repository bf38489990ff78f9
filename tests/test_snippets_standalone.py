"""Every snippet, run as a reader would run it, prints what its page shows."""

import os
import subprocess
import sys
import sysconfig

import pytest
from built_pages import shown_outputs
from conftest import REPO
from project_tree import shown_snippets

from snippet_engine import terminal


def standalone_run(snippet: str, workdir) -> subprocess.CompletedProcess:
    """`python snippets/<file>.py` in a terminal 100 columns wide, as the pages were built."""
    environment = {**os.environ, "COLUMNS": "100", "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run(
        [sys.executable, str(REPO / snippet)], cwd=workdir, env=environment,
        capture_output=True, text=True, timeout=300,
    )


def as_page_shows(text: str) -> str:
    prefixes = {f"{REPO}/": "", f"{sysconfig.get_paths()['purelib']}/": ""}
    return terminal.mark_volatile(terminal.without_machine_paths(terminal.as_terminal_shows(text), prefixes))


@pytest.mark.parametrize("snippet", shown_snippets(REPO))
def test_snippet_run_alone_prints_what_its_page_shows(snippet, built_site, tmp_path):
    [page_output, *_] = shown_outputs(built_site)[snippet]
    run = standalone_run(snippet, tmp_path)
    printed = as_page_shows(run.stdout).rstrip("\n")
    if run.returncode == 0:
        assert page_output.rstrip("\n") == printed
    else:
        # A pitfall: the page shows what was printed, then the error's last line.
        error_line = as_page_shows(run.stderr).rstrip("\n").splitlines()[-1]
        assert page_output.startswith(printed)
        assert page_output.rstrip("\n").splitlines()[-1] == error_line
