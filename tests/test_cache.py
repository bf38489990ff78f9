import shutil
import subprocess
import sys

import pytest

from snippet_engine import cache
from snippet_engine.cache import ResultCache, cache_key, engine_fingerprint

SOURCES = [("snippets/topic/model.py", b"print(1)\n"), ("snippets/topic/helper.py", b"VALUE = 1\n")]
VERSIONS = {"python": "3.11.7", "tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6"}
SETTINGS = {"console_width": 100, "seed": 1234}


def test_same_inputs_give_the_same_key():
    assert cache_key(SOURCES, VERSIONS, SETTINGS, engine_fingerprint()) == cache_key(
        list(SOURCES), dict(VERSIONS), dict(SETTINGS), engine_fingerprint()
    )


@pytest.mark.parametrize(
    "sources, versions, settings",
    [
        ([(SOURCES[0][0], b"print(2)\n"), SOURCES[1]], VERSIONS, SETTINGS),
        ([SOURCES[0], (SOURCES[1][0], b"VALUE = 2\n")], VERSIONS, SETTINGS),
        ([("snippets/other/model.py", SOURCES[0][1]), SOURCES[1]], VERSIONS, SETTINGS),
        (SOURCES[:1], VERSIONS, SETTINGS),
        *[(SOURCES, {**VERSIONS, name: "0.0.0"}, SETTINGS) for name in VERSIONS],
        (SOURCES, VERSIONS, {**SETTINGS, "console_width": 120}),
        (SOURCES, VERSIONS, {**SETTINGS, "seed": 7}),
    ],
    ids=[
        "snippet",
        "local-module",
        "path",
        "fewer-modules",
        *[f"{name}-version" for name in VERSIONS],
        "width",
        "seed",
    ],
)
def test_key_changes_with_each_input_that_changes_an_output(sources, versions, settings):
    assert cache_key(sources, versions, settings, engine_fingerprint()) != cache_key(
        SOURCES, VERSIONS, SETTINGS, engine_fingerprint()
    )


def key_after_editing(module: str, tmp_path, monkeypatch) -> tuple[str, str]:
    """The cache key before and after a line is added to `module` in a copy of the engine."""
    engine_copy = tmp_path / "snippet_engine"
    shutil.copytree(cache.ENGINE_FOLDER, engine_copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "ENGINE_FOLDER", engine_copy)
    before = cache_key(SOURCES, VERSIONS, SETTINGS, engine_fingerprint())
    with (engine_copy / module).open("a") as edited:
        edited.write("\n# an edit\n")
    return before, cache_key(SOURCES, VERSIONS, SETTINGS, engine_fingerprint())


def test_key_changes_with_the_code_that_runs_snippets_and_cleans_their_output(tmp_path, monkeypatch):
    for module in ("worker_main.py", "terminal.py"):
        before, after = key_after_editing(module, tmp_path / module, monkeypatch)
        assert after != before, module


def test_key_stays_when_only_rendering_code_changes(tmp_path, monkeypatch):
    before, after = key_after_editing("render.py", tmp_path, monkeypatch)
    assert after == before


def test_stored_entry_is_loaded_back(tmp_path):
    results = ResultCache(tmp_path)
    results.store("ab" * 32, {"output": "70\n"})
    assert results.load("ab" * 32) == {"output": "70\n"}
    assert results.load("cd" * 32) is None


def test_unreadable_entry_counts_as_missing(tmp_path):
    results = ResultCache(tmp_path)
    results.store("ab" * 32, {"output": "70\n"})
    next(tmp_path.rglob("*.json")).write_text('{"output": "7', encoding="utf-8")
    assert results.load("ab" * 32) is None


STOPPED_MID_WRITE = """
import json, sys, time
from pathlib import Path
from snippet_engine import cache

def write_half_then_wait(value, file, **options):
    text = json.dumps(value, **options)
    file.write(text[: len(text) // 2])
    file.flush()
    print("mid-write", flush=True)
    time.sleep(120)

cache.json.dump = write_half_then_wait
cache.ResultCache(Path({folder!r})).store("0" * 64, {{"output": "new"}})
"""

WRITES = """
from pathlib import Path
from snippet_engine.cache import ResultCache

for _ in range(20):
    ResultCache(Path({folder!r})).store("0" * 64, {{"warnings": ["w"] * 300_000}})
"""


def test_writer_killed_mid_write_leaves_the_previous_entry_whole(tmp_path):
    results = ResultCache(tmp_path)
    results.store("0" * 64, {"output": "old"})
    writer = subprocess.Popen(
        [sys.executable, "-c", STOPPED_MID_WRITE.format(folder=str(tmp_path))], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout.readline() == "mid-write\n"
    [partial] = tmp_path.rglob("*.tmp")
    assert partial.read_text() == '{"output'  # half of the new entry, and no more
    writer.kill()
    writer.wait()
    assert results.load("0" * 64) == {"output": "old"}


def test_two_writers_of_one_entry_at_once_leave_it_complete(tmp_path):
    code = WRITES.format(folder=str(tmp_path))
    writers = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    assert len(ResultCache(tmp_path).load("0" * 64)["warnings"]) == 300_000
