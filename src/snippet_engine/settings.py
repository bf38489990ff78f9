"""Every setting of the engine: its type, its default, and where a reader sets it.

The site's configuration (`extra.snippet_execution` in mkdocs.yml) and the
environment variables that override it are read here and nowhere else. A
wrong value fails with a message that names the setting and what to write,
never with a traceback.
"""

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CONFIG_SECTION = "extra.snippet_execution"
# Environment variables, all spelled SNIPPETS_*: name -> the option it overrides.
ENVIRONMENT = {"SNIPPETS_TIMEOUT": "timeout", "SNIPPETS_WORKERS": "workers", "SNIPPETS_PYTHON": "python"}
EXECUTE_VARIABLE = "SNIPPETS_EXECUTE"


class SettingsError(Exception):
    """A setting that cannot be used; the message says which and what to write instead."""


@dataclass(frozen=True)
class Options:
    """The options of `extra.snippet_execution`, with their defaults. Paths are relative
    to the folder of mkdocs.yml."""

    snippets_dir: str = "snippets"
    docs_dir: str = "docs"
    cache_dir: str = ".cache/snippets"
    # Seconds one snippet may run.
    timeout: float = 120.0
    # Columns of the console the snippets print to: Keras sizes summary tables from it.
    console_width: int = 100
    seed: int = 1234
    # Worker processes for a cold build; 0 means one per CPU core.
    workers: int = 0
    # Characters of output (text and warnings) and bytes of figures one snippet may make.
    output_limit: int = 2_000_000
    # The branch that the site's "Open in Colab" links name (the deploy workflow pushes it).
    notebooks_branch: str = "notebooks"
    # The Python that runs the snippets (it needs TensorFlow, not MkDocs): a path or a command;
    # empty: the build's own.
    python: str = ""


HINTS = {
    "timeout": "a number of seconds, like 120",
    "console_width": "a whole number of columns, like 100",
    "seed": "a whole number, like 1234",
    "workers": "a whole number of processes, or 0 for one per CPU core",
    "output_limit": "a whole number of characters, like 2000000",
}


@dataclass(frozen=True)
class EngineSettings:
    repo_root: Path
    snippets_dir: Path
    docs_dir: Path
    cache_dir: Path
    timeout: float
    console_width: int
    seed: int
    workers: int
    output_limit: int
    notebooks_branch: str
    python: str
    execute: bool = True

    def shown(self, file: Path | str) -> str:
        """A snippet as messages and pages name it: relative to the repository (snippets/...).
        A str is a snippet path relative to snippets/, as directives write it."""
        path = self.snippets_dir / file if isinstance(file, str) else file
        return self._from_root(path)

    def shown_page(self, page: str) -> str:
        """A page as messages name it, like snippets: relative to the repository (docs/...)."""
        return self._from_root(self.docs_dir / page)

    def _from_root(self, path: Path) -> str:
        resolved = path.resolve()
        root = self.repo_root.resolve()
        return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else resolved.as_posix()


def load_settings(options: Mapping | None, repo_root: Path, environ: Mapping[str, str] = os.environ) -> EngineSettings:
    """Settings from `extra.snippet_execution` (None when mkdocs.yml has no such section),
    overridden by the SNIPPETS_* environment variables; SettingsError for anything wrong."""
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        raise SettingsError(f"{CONFIG_SECTION} in mkdocs.yml must be a mapping of options, like 'timeout: 120'")
    fields = {field.name: field for field in dataclasses.fields(Options)}
    unknown = sorted(set(options) - set(fields))
    if unknown:
        raise SettingsError(f"unknown option {CONFIG_SECTION}.{unknown[0]} in mkdocs.yml (known: {', '.join(fields)})")
    values = {
        name: _checked(name, value, fields[name].type, f"{CONFIG_SECTION}.{name} in mkdocs.yml")
        for name, value in options.items()
    }
    for variable, name in ENVIRONMENT.items():
        if environ.get(variable):
            values[name] = _checked(name, environ[variable], fields[name].type, f"the environment variable {variable}")
    chosen = dataclasses.replace(Options(), **values)
    _check_ranges(chosen)
    root = repo_root.resolve()
    return EngineSettings(
        repo_root=root,
        snippets_dir=root / chosen.snippets_dir,
        docs_dir=root / chosen.docs_dir,
        cache_dir=root / chosen.cache_dir,
        timeout=chosen.timeout,
        console_width=chosen.console_width,
        seed=chosen.seed,
        workers=chosen.workers or os.cpu_count() or 1,
        output_limit=chosen.output_limit,
        notebooks_branch=chosen.notebooks_branch,
        python=_python(chosen.python, root),
        execute=_execute(environ),
    )


def _python(python: str, root: Path) -> str:
    """The Python to run: the build's own; a command found on PATH (no "/"); or a path, relative
    to the folder of mkdocs.yml like the other paths."""
    if not python:
        return sys.executable
    return str(root / python) if "/" in python else python


def _checked(name: str, value, kind: type, where: str):
    """The value as the option's type (int, float or str); text from the environment is converted."""
    hint = HINTS.get(name, "a text without quotes")
    if isinstance(value, str) and kind is not str:
        try:
            value = kind(value)
        except ValueError:
            raise SettingsError(f"{where} is {value!r}; write {hint}") from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SettingsError(f"{where} is {value!r}; write {hint}")
    return value


def _check_ranges(options: Options) -> None:
    minimums = {"timeout": 1, "console_width": 40, "workers": 0, "output_limit": 1000}
    for name, minimum in minimums.items():
        value = getattr(options, name)
        if value < minimum:
            raise SettingsError(
                f"{CONFIG_SECTION}.{name} is {value!r}, below its minimum {minimum}; write {HINTS[name]}"
            )


def _execute(environ: Mapping[str, str]) -> bool:
    value = environ.get(EXECUTE_VARIABLE, "1")
    if value not in ("0", "1"):
        raise SettingsError(f"the environment variable {EXECUTE_VARIABLE} is {value!r}; write 1 (run snippets) or 0")
    return value == "1"
