"""The files a snippet's output depends on: itself and the local modules it imports.

A snippet run as `python snippets/topic/file.py` finds local modules in its
own folder (Python puts the script's folder first on sys.path), so those are
the imports that count; anything else comes from installed packages, whose
versions are part of the cache key separately.
"""

import ast
import functools
from collections.abc import Callable
from pathlib import Path

Reader = Callable[[Path], bytes]


class SourceFiles:
    """The files snippets are made of, each read from disk once per build."""

    def __init__(self):
        self._contents: dict[Path, bytes] = {}

    def read(self, path: Path) -> bytes:
        path = path.resolve()
        if path not in self._contents:
            self._contents[path] = path.read_bytes()
        return self._contents[path]


def local_sources(snippet: Path, read: Reader = Path.read_bytes) -> list[Path]:
    """The snippet followed by every local module it imports, directly or not."""
    seen: dict[Path, None] = {}
    pending = [snippet.resolve()]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen[path] = None
        pending.extend(_imported_local_modules(path, snippet.resolve().parent, read))
    return list(seen)


def _imported_local_modules(path: Path, folder: Path, read: Reader) -> list[Path]:
    return [module for name in _imported_names(read(path), str(path)) if (module := _module_file(folder, name))]


# Each build reads a snippet's imports twice (its cache key, the unused-snippets check), in each
# edition, and `mkdocs serve` again after each edit: a file's text is parsed once per process.
@functools.lru_cache(maxsize=1024)
def _imported_names(source: bytes, filename: str) -> tuple[str, ...]:
    """Every module an `import` of `source` names, and every name a `from ... import` might
    import as a module; relative imports aside."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError:
        return ()  # the run reports the syntax error with its line
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return tuple(names)


def _module_file(folder: Path, dotted_name: str) -> Path | None:
    base = folder.joinpath(*dotted_name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.resolve()
    return None


def unused_snippets(snippets_dir: Path, shown: set[Path], read: Reader = Path.read_bytes) -> list[Path]:
    """Snippet files no page shows and no shown snippet imports."""
    needed = {source for snippet in shown if snippet.is_file() for source in local_sources(snippet, read)}
    return sorted(path for path in snippets_dir.rglob("*.py") if path.resolve() not in needed)
