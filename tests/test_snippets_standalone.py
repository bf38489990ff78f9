"""Every snippet, run as a reader would run it (each in a process of its own: standalone_runner.py),
prints what its page shows."""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import REPO

from snippet_engine import terminal
from snippet_engine.project_tree import shown_snippets

# As the home page tells a reader to run a snippet, and as the build runs it: 100 columns, and
# oneDNN's kernels off: on, they are picked by the CPU, and on an AVX-512 AMD EPYC the last digits
# of train_then_reuse.py's loss moved with them.
ENVIRONMENT = {**os.environ, "COLUMNS": "100", "TF_ENABLE_ONEDNN_OPTS": "0", "TF_CPP_MIN_LOG_LEVEL": "3"}


def standalone_run(snippet: str, workdir) -> subprocess.CompletedProcess:
    """`python snippets/<file>.py` in a terminal 100 columns wide, with oneDNN off, as the pages
    were built."""
    return subprocess.run(
        [sys.executable, str(REPO / snippet)],
        cwd=workdir,
        env=ENVIRONMENT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def runner_runs(snippets: list[str], folders: list[Path]) -> dict[str, subprocess.CompletedProcess]:
    """Every snippet run as `standalone_run` runs it, two at a time, each in a process forked from
    one that imported TensorFlow once (tests/standalone_runner.py): a fresh interpreter spends
    most of a snippet's run importing TensorFlow."""
    arguments = [
        str(item) for snippet, folder in zip(snippets, folders, strict=True) for item in (REPO / snippet, folder)
    ]
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("standalone_runner.py")), "2", *arguments],
        env=ENVIRONMENT,
        check=True,
        timeout=300 + 60 * len(snippets),
    )
    return {
        snippet: subprocess.CompletedProcess(
            [snippet],
            int((folder / "returncode").read_text()),
            (folder / "stdout").read_text(encoding="utf-8"),
            (folder / "stderr").read_text(encoding="utf-8"),
        )
        for snippet, folder in zip(snippets, folders, strict=True)
    }


def as_page_shows(text: str) -> str:
    prefixes = {f"{REPO}/": "", f"{sysconfig.get_paths()['purelib']}/": ""}
    return terminal.mark_volatile(terminal.without_machine_paths(terminal.as_terminal_shows(text), prefixes))


@pytest.fixture(scope="session")
def standalone_runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    snippets = shown_snippets(REPO)
    return runner_runs(snippets, [tmp_path_factory.mktemp("standalone") for _ in snippets])


@pytest.mark.parametrize(
    "snippet",
    # One that prints a summary; one that raises an error Python adds a "Did you mean" hint to.
    ["snippets/building_models/article_sequential.py", "snippets/building_models/unbuilt_sequential_has_no_inputs.py"],
)
def test_the_runner_runs_a_snippet_as_a_fresh_interpreter_does(snippet, tmp_path, standalone_runs):
    fresh = standalone_run(snippet, tmp_path)
    run = standalone_runs[snippet]
    assert (run.returncode, as_page_shows(run.stdout)) == (fresh.returncode, as_page_shows(fresh.stdout))
    if fresh.returncode:  # the error's last line (TensorFlow's start-up log lines come before the snippet's)
        assert as_page_shows(run.stderr).splitlines()[-1] == as_page_shows(fresh.stderr).splitlines()[-1]


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
