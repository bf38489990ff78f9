"""Settings from mkdocs.yml and the environment: typed, with defaults in one place, and
errors that say what to write."""

import sys
from pathlib import Path

import pytest

from snippet_engine.settings import Options, SettingsError, load_settings

ROOT = Path("/project")


def test_missing_options_take_the_defaults():
    settings = load_settings({"timeout": 30}, ROOT, environ={})
    assert settings.timeout == 30.0 and isinstance(settings.timeout, float)
    assert settings.console_width == Options.console_width
    assert settings.snippets_dir == ROOT / Options.snippets_dir
    assert settings.execute is True


def test_no_section_at_all_is_every_default():
    assert load_settings(None, ROOT, environ={}) == load_settings({}, ROOT, environ={})


def test_zero_workers_means_one_per_core(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert load_settings({"workers": 0}, ROOT, environ={}).workers == 6
    assert load_settings({"workers": 3}, ROOT, environ={}).workers == 3


def test_environment_variables_override_the_file():
    environ = {"SNIPPETS_TIMEOUT": "5", "SNIPPETS_WORKERS": "1", "SNIPPETS_EXECUTE": "0", "SNIPPETS_PYTHON": "/tf/py"}
    settings = load_settings({"timeout": 30, "workers": 2, "python": "/other/py"}, ROOT, environ=environ)
    assert (settings.timeout, settings.workers, settings.execute, settings.python) == (5.0, 1, False, "/tf/py")


def test_snippets_run_with_the_builds_own_python_unless_told_another():
    assert load_settings({}, ROOT, environ={}).python == sys.executable
    assert load_settings({"python": "/tf/bin/python"}, ROOT, environ={}).python == "/tf/bin/python"
    # A path is relative to the folder of mkdocs.yml, as the other paths are; a bare name is a command.
    assert load_settings({"python": ".venv-tf/bin/python"}, ROOT, environ={}).python == "/project/.venv-tf/bin/python"
    assert load_settings({"python": "python3.12"}, ROOT, environ={}).python == "python3.12"


@pytest.mark.parametrize(
    "options, environ, message",
    [
        ({"sead": 1}, {}, "unknown option extra.snippet_execution.sead in mkdocs.yml (known: snippets_dir,"),
        ({"timeout": "soon"}, {}, "extra.snippet_execution.timeout in mkdocs.yml is 'soon'; write a number of seconds"),
        (
            {"console_width": 99.5},
            {},
            "extra.snippet_execution.console_width in mkdocs.yml is 99.5; write a whole number",
        ),
        ({"seed": True}, {}, "extra.snippet_execution.seed in mkdocs.yml is True; write a whole number"),
        ({"snippets_dir": 3}, {}, "extra.snippet_execution.snippets_dir in mkdocs.yml is 3; write a text"),
        ({"console_width": 10}, {}, "extra.snippet_execution.console_width is 10, below its minimum 40"),
        (
            {},
            {"SNIPPETS_TIMEOUT": "ten"},
            "the environment variable SNIPPETS_TIMEOUT is 'ten'; write a number of seconds",
        ),
        ({}, {"SNIPPETS_EXECUTE": "yes"}, "SNIPPETS_EXECUTE is 'yes'; write 1 (run snippets) or 0"),
        (["timeout"], {}, "extra.snippet_execution in mkdocs.yml must be a mapping of options"),
    ],
)
def test_a_wrong_setting_is_one_message_naming_it_and_what_to_write(options, environ, message):
    with pytest.raises(SettingsError) as error:
        load_settings(options, ROOT, environ=environ)
    assert message in str(error.value)
