"""The engine with a real worker, on small snippets written by each test."""

import dataclasses
import json
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import engine_settings

from snippet_engine.directives import Directive
from snippet_engine.engine import SnippetEngine, SnippetFailure, SnippetResult
from snippet_engine.interpreter import describe


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("caches")


@pytest.fixture
def repo(tmp_path, cache_root, request) -> "Repo":
    return Repo(tmp_path, cache_root / request.node.name)


@pytest.fixture
def spawned_repo(repo) -> "Repo":
    """`repo` whose workers start as `make build` starts them, not forked as in the other tests
    (conftest.py): for the tests of a worker's death and of its kill."""
    repo.settings = dataclasses.replace(repo.settings, python=sys.executable)
    return repo


class Repo:
    """A repository with a snippets/ folder and an engine over it."""

    def __init__(self, root: Path, cache_dir: Path, timeout: float = 60):
        self.root = root
        (root / "snippets").mkdir()
        self.settings = engine_settings(root, cache_dir, timeout=timeout)

    def write(self, name: str, code: str) -> None:
        (self.root / "snippets" / name).write_text(textwrap.dedent(code), encoding="utf-8")

    def run(self, *names: str, raises: str | None = None, timeout: float | None = None) -> tuple[SnippetEngine, dict]:
        settings = self.settings if timeout is None else dataclasses.replace(self.settings, timeout=timeout)
        engine = SnippetEngine(settings)
        directives = [Directive("docs/page.md", 7, "", name, raises=raises) for name in names]
        return engine, engine.results(directives)

    def result(self, name: str, **options) -> SnippetResult | SnippetFailure:
        return self.run(name, **options)[1][name]


def test_output_is_what_the_snippet_printed(repo):
    repo.write("hello.py", "print('hello')\nprint('world')\n")
    assert repo.result("hello.py").output == "hello\nworld\n"


def test_automatic_names_and_random_numbers_repeat_in_every_snippet(repo):
    code = """
        import keras
        layer = keras.layers.Dense(2)
        print(layer.name, keras.random.uniform((3,)).numpy().round(6).tolist())
    """
    repo.write("first.py", code)
    repo.write("second.py", code + "\n")
    _, results = repo.run("first.py", "second.py")
    assert results["first.py"].output == results["second.py"].output
    assert results["first.py"].output.startswith("dense ")


def test_summary_is_as_wide_as_the_console_and_never_cropped(repo):
    repo.write(
        "wide.py",
        """
        import keras
        left = keras.Input((3,), name="left_input")
        right = keras.Input((3,), name="right_input")
        merged = keras.layers.Concatenate(name="merge_inputs")([left, right])
        keras.Model([left, right], keras.layers.Dense(2)(merged)).summary()
    """,
    )
    table = [line for line in repo.result("wide.py").output.splitlines() if line[:1] in "┏┃┡│├└"]
    assert "Connected to" in table[1] and "Param #" in table[1]
    assert "…" not in "".join(table)
    assert len({len(line) for line in table}) == 1
    assert 80 < len(table[0]) <= 100


def test_warnings_are_kept_apart_from_the_output(repo):
    repo.write("warns.py", "import warnings\nwarnings.warn('mind the gap')\nprint('after')\n")
    result = repo.result("warns.py")
    assert result.output == "after\n"
    assert result.warnings == ["snippets/warns.py:2: UserWarning: mind the gap"]


def test_declared_error_is_the_output_with_the_snippets_own_lines(repo):
    repo.write("pitfall.py", "print('before')\nraise ValueError('no shape yet')\n")
    result = repo.result("pitfall.py", raises="ValueError")
    assert result.output == "before\n"
    assert result.error.splitlines() == [
        "Traceback (most recent call last):",
        '  File "snippets/pitfall.py", line 2, in <module>',
        "    raise ValueError('no shape yet')",
        "ValueError: no shape yet",
    ]


@pytest.mark.parametrize(
    "code, line, problem",
    [
        ("x = 1\nraise KeyError('k')\n", 2, "the snippet raised KeyError; if this error is the lesson"),
        ("x = 1\nif x:\n  y = (\n", 3, "SyntaxError"),
        ("import sys\nsys.exit(3)\n", 2, "the snippet ended the process (SystemExit)"),
        ("import os\nos._exit(0)\n", 2, "the snippet ended the process (SnippetCalledOsExit)"),
    ],
)
def test_failure_names_file_line_and_page(repo, code, line, problem):
    repo.write("broken.py", code)
    failure = repo.result("broken.py")
    assert isinstance(failure, SnippetFailure)
    report = failure.report()
    assert report.startswith(f"snippets/broken.py, line {line}: ")
    assert problem in report
    assert "shown on docs/page.md, line 7" in report


def test_declared_error_that_is_not_raised_fails(repo):
    repo.write("calm.py", "print('fine')\n")
    failure = repo.result("calm.py", raises="ValueError")
    assert 'declares raises="ValueError" but the snippet ran without raising' in failure.report()


def test_crash_of_the_worker_fails_with_the_signal_and_the_line(spawned_repo):
    spawned_repo.write("crash.py", "import ctypes\nprint('about to crash')\nctypes.string_at(0)\n")
    report = spawned_repo.result("crash.py").report()
    assert report.startswith("snippets/crash.py, line 3: the worker process died, killed by SIGSEGV")


def test_a_result_made_with_other_package_versions_is_not_reused(repo, tmp_path):
    repo.write("hello.py", "print('hello')\n")
    assert repo.result("hello.py").output == "hello\n"  # now in the cache
    # A Python whose TensorFlow is another version (so it says), and that runs nothing else.
    facts = describe()
    said = json.dumps({**facts, "versions": {**facts["versions"], "tensorflow": "0.0.1"}})
    other = tmp_path / "python"
    other.write_text(f"#!/bin/sh\ncase \"$1\" in\n  */interpreter.py) echo '{said}' ;;\n  *) exit 3 ;;\nesac\n")
    other.chmod(0o755)
    repo.settings = dataclasses.replace(repo.settings, python=str(other))
    report = repo.result("hello.py").report()
    assert "the worker process died, exited with code 3" in report  # not taken from the cache: run


def test_killed_worker_is_reported_and_the_next_snippet_runs(spawned_repo):
    spawned_repo.write("killed.py", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    spawned_repo.write("after.py", "print('still here')\n")
    _, results = spawned_repo.run("killed.py", "after.py")
    assert "killed by SIGKILL (often: out of memory)" in results["killed.py"].report()
    assert results["after.py"].output == "still here\n"


def test_snippet_past_its_time_limit_fails_with_the_line_it_was_on(spawned_repo):
    spawned_repo.write("slow.py", "import time\nprint('start')\ntime.sleep(30)\n")
    report = spawned_repo.result("slow.py", timeout=2).report()
    assert report.startswith("snippets/slow.py, line 3: the snippet ran past its time limit of 2 s")


def test_what_another_engine_stores_while_this_one_waits_is_read_not_run(repo):
    """A translation's build waits (before_running) while the primary build stores the results."""
    repo.write("stored.py", "print('stored by the other')\n")
    repo.write("cached.py", "print('already there')\n")
    repo.run("cached.py")
    waited = []
    engine = SnippetEngine(repo.settings)
    directives = [Directive("docs/page.md", 7, "", name) for name in ("cached.py", "stored.py")]
    results = engine.results(directives, before_running=lambda: waited.append(repo.run("stored.py")) or {})
    assert len(waited) == 1 and engine.executed == [] and engine.failed_elsewhere == []
    assert engine.cached == ["snippets/cached.py", "snippets/stored.py"]
    assert results["stored.py"].output == "stored by the other\n"
    engine.results(directives[:1], before_running=lambda: waited.append("called without a miss") or {})
    assert len(waited) == 1


def test_a_snippet_that_failed_in_the_other_engine_fails_here_the_same_way_without_running(repo):
    repo.write("failed.py", "print('never run here')\n")
    engine = SnippetEngine(repo.settings)
    directive = Directive("docs/ko/page.md", 3, "", "failed.py")
    results = engine.results([directive], before_running=lambda: {"failed.py": "snippets/failed.py: it broke there"})
    assert engine.executed == [] and engine.cached == [] and engine.failed_elsewhere == ["snippets/failed.py"]
    assert results["failed.py"].report() == "snippets/failed.py: it broke there\n  shown on docs/ko/page.md, line 3"


def test_failure_is_not_cached_and_the_fixed_snippet_runs_without_cleaning(repo):
    repo.write("flaky.py", "raise RuntimeError('broken')\n")
    assert isinstance(repo.result("flaky.py"), SnippetFailure)
    assert not list(repo.settings.cache_dir.rglob("*.json"))
    repo.write("flaky.py", "print('fixed')\n")
    assert repo.result("flaky.py").output == "fixed\n"


def test_output_past_the_limit_fails_at_once_naming_snippet_page_and_setting_and_is_not_cached(repo):
    repo.settings = dataclasses.replace(repo.settings, output_limit=10_000)
    # Without a limit this would print for ever: the write that passes the limit stops it.
    repo.write("chatty.py", "print('start')\nwhile True:\n    print('x' * 100)\n")
    failure = repo.result("chatty.py")
    assert isinstance(failure, SnippetFailure)
    assert failure.report().startswith(
        "snippets/chatty.py, line 3: its printed text passed the limit of 10,000 characters: print less"
    )
    assert "extra.snippet_execution.output_limit in mkdocs.yml (now 10,000)" in failure.report()
    assert "shown on docs/page.md, line 7" in failure.report()
    assert not list(repo.settings.cache_dir.rglob("*.json"))


def test_figures_past_the_limit_fail_too(repo):
    repo.settings = dataclasses.replace(repo.settings, output_limit=10_000)
    repo.write("big.py", "open('big.png', 'wb').write(bytes(20_000))\n")
    assert "its figures passed the limit of 10,000 bytes" in repo.result("big.py").report()


def test_summary_table_cut_by_rich_fails_naming_the_snippet_and_the_fix(repo):
    repo.settings = dataclasses.replace(repo.settings, console_width=60)
    repo.write(
        "narrow.py",
        """
        import keras
        first = keras.Input((3,), name="a_rather_long_input_name")
        second = keras.Input((3,), name="another_long_input_name")
        merged = keras.layers.Concatenate(name="merge_the_two_inputs")([first, second])
        keras.Model([first, second], merged).summary()
    """,
    )
    message = repo.result("narrow.py").report()
    assert message.startswith("snippets/narrow.py (line unknown): a summary table in its output is cut")
    assert "give the layers shorter names" in message and "extra.snippet_execution.console_width" in message


def test_outputs_do_not_depend_on_how_many_workers_run_the_snippets(repo, tmp_path):
    code = (
        "import keras\n"
        "layer = keras.layers.Dense(2)\n"
        "layer.build((None, 3))\n"
        "print(layer.name, layer.kernel.numpy().sum())\n"
    )
    names = [f"net{index}.py" for index in range(4)]
    for name in names:
        repo.write(name, code)
    one = dataclasses.replace(repo.settings, workers=1)
    two = dataclasses.replace(repo.settings, workers=2, cache_dir=tmp_path / "two-workers")
    by_one = SnippetEngine(one).results([Directive("docs/page.md", 7, "", name) for name in names])
    by_two_engine = SnippetEngine(two)
    by_two = by_two_engine.results([Directive("docs/page.md", 7, "", name) for name in names])
    assert len(by_two_engine.executed) == 4
    assert [result.output for result in by_one.values()] == [result.output for result in by_two.values()]
    assert len({result.output for result in by_one.values()}) == 1  # same name and weights in every snippet


def test_unchanged_rebuild_executes_nothing_and_a_change_reruns_only_that_snippet(repo):
    repo.write("one.py", "print(1)\n")
    repo.write("two.py", "print(2)\n")
    first, _ = repo.run("one.py", "two.py")
    assert first.executed == ["snippets/one.py", "snippets/two.py"]
    warm, results = repo.run("one.py", "two.py")
    assert warm.executed == [] and results["one.py"].output == "1\n"
    repo.write("two.py", "print(22)\n")
    changed, results = repo.run("one.py", "two.py")
    assert changed.executed == ["snippets/two.py"] and results["two.py"].output == "22\n"


def test_editing_a_local_module_reruns_the_snippet_that_imports_it(repo):
    repo.write("helper.py", "VALUE = 1\n")
    repo.write("user.py", "from helper import VALUE\nprint(VALUE)\n")
    assert repo.result("user.py").output == "1\n"
    repo.write("helper.py", "VALUE = 2\n")
    assert repo.result("user.py").output == "2\n"


def test_figures_written_by_a_snippet_are_collected(repo):
    repo.write("draw.py", "open('plot.png', 'wb').write(b'PNG')\nopen('notes.txt', 'w').write('no')\n")
    assert repo.result("draw.py").images == {"plot.png": b"PNG"}


def test_outputs_hold_no_path_of_this_machine(repo):
    repo.write("paths.py", "import keras, os\nprint(os.path.abspath(__file__))\nprint(keras.__file__)\n")
    output = repo.result("paths.py").output
    assert str(repo.root) not in output and "site-packages" not in output
    assert output.splitlines()[0] == "snippets/paths.py"


def test_error_keeps_the_hint_python_prints_with_it(repo):
    repo.write("hint.py", "class Box:\n    input = 1\n\nBox().inputs\n")
    result = repo.result("hint.py", raises="AttributeError")
    assert (
        result.error.splitlines()[-1]
        == "AttributeError: 'Box' object has no attribute 'inputs'. Did you mean: 'input'?"
    )
