"""Snippet results on disk, keyed by everything that can change an output.

Entries are written to a temporary file in the cache folder and renamed into
place, so a build killed at any moment leaves either the whole entry or none,
and two builds writing the same entry at once both leave a complete one.
Only successful runs are stored: the engine never calls `store` for a failure.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

ENGINE_FOLDER = Path(__file__).resolve().parent


def cache_key(sources: list[tuple[str, bytes]], versions: dict[str, str], settings: dict, engine: str) -> str:
    """A digest of the snippet's files, the package versions, the engine's settings and code.

    `sources` pairs each file's repository-relative path with its bytes: the
    path matters too, since tracebacks print it. `engine` is engine_fingerprint().
    """
    digest = hashlib.sha256()
    for label, payload in [
        ("engine", engine.encode()),
        ("versions", json.dumps(versions, sort_keys=True).encode()),
        ("settings", json.dumps(settings, sort_keys=True).encode()),
        *((f"source:{path}", content) for path, content in sources),
    ]:
        digest.update(f"{label}\0{len(payload)}\0".encode())
        digest.update(payload)
    return digest.hexdigest()


# The modules that make what a cache entry holds: running a snippet and cleaning its
# report. The modules that render an entry (Markdown, HTML, SVG, notebooks) read it
# afresh on every build, so changing them re-runs nothing.
RESULT_MODULES = (
    "cache.py",
    "engine.py",
    "interpreter.py",
    "settings.py",
    "terminal.py",
    "worker.py",
    "worker_main.py",
)


def engine_fingerprint() -> str:
    """A digest of the code that makes results: changing how snippets run invalidates them."""
    digest = hashlib.sha256()
    for name in RESULT_MODULES:
        digest.update(name.encode() + b"\0" + (ENGINE_FOLDER / name).read_bytes())
    return digest.hexdigest()


class ResultCache:
    """A folder of JSON entries, one per cache key."""

    def __init__(self, folder: Path):
        self.folder = folder

    def load(self, key: str) -> dict | None:
        """The stored result, or None when missing or unreadable (then it is simply re-run)."""
        try:
            return json.loads(self._entry(key).read_text(encoding="utf-8"))
        except (FileNotFoundError, UnicodeDecodeError, json.JSONDecodeError):
            return None

    def store(self, key: str, result: dict) -> None:
        entry = self._entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{key[:12]}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(result, file, sort_keys=True)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"
