"""`make bench`: how long builds take, as medians of repeated runs, and whether the targets hold.

Runs on a temporary copy of the repository, so the real cache is untouched.
Scenarios: cold (empty cache), warm (nothing changed), one snippet changed,
SNIPPETS_EXECUTE=0, and the naive way (each snippet its own `python` process).
Targets: warm <= 1.3 x no-execute; cold <= 0.5 x naive once there are 6 snippets or more.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
from snippet_engine.project_tree import copy_as_clone, shown_snippets

WARM_TARGET = 1.3
COLD_TARGET = 0.5
SNIPPETS_FOR_COLD_TARGET = 6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (at least 3)")
    runs = max(3, parser.parse_args().runs)

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = copy_as_clone(REPO, Path(folder) / "repo")
        snippets = shown_snippets(project)
        cache = project / ".cache"
        changed = project / snippets[0]
        original = changed.read_text(encoding="utf-8")
        edits = iter(range(1_000))

        def cold():
            shutil.rmtree(cache, ignore_errors=True)

        def change_one():
            changed.write_text(original + f"\n# bench edit {next(edits)}\n", encoding="utf-8")

        build(project)  # fills the cache for the warm runs and checks the build works at all
        medians = {
            "cold build (empty cache)": median_seconds(runs, lambda: build(project), before=cold),
            "warm build (nothing changed)": median_seconds(runs, lambda: build(project)),
            "one snippet changed": median_seconds(runs, lambda: build(project), before=change_one),
            "SNIPPETS_EXECUTE=0": median_seconds(runs, lambda: build(project, SNIPPETS_EXECUTE="0")),
            f"naive ({len(snippets)} separate python processes)": median_seconds(runs, lambda: run_each(project, snippets)),
        }
    return report(medians, runs, len(snippets))


def report(medians: dict[str, float], runs: int, snippet_count: int) -> int:
    cold, warm, _, no_execute, naive = medians.values()
    print(f"Medians of {runs} runs, {snippet_count} snippets:")
    for name, seconds in medians.items():
        print(f"  {name:<42} {seconds:7.2f} s")
    checks = [(f"warm / no-execute = {warm / no_execute:.2f} (target <= {WARM_TARGET})", warm / no_execute <= WARM_TARGET)]
    cold_ratio = f"cold / naive = {cold / naive:.2f} (target <= {COLD_TARGET}"
    if snippet_count >= SNIPPETS_FOR_COLD_TARGET:
        checks.append((cold_ratio + ")", cold / naive <= COLD_TARGET))
    else:
        print(f"  {cold_ratio}, applies from {SNIPPETS_FOR_COLD_TARGET} snippets)")
    for text, met in checks:
        print(f"  {'met   ' if met else 'MISSED'} {text}")
    return 0 if all(met for _, met in checks) else 1


def median_seconds(runs: int, action: Callable[[], None], before: Callable[[], None] = lambda: None) -> float:
    timings = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def build(project: Path, **environment: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"],
        cwd=project, env={**os.environ, "SNIPPETS_EXECUTE": "1", "NO_MKDOCS_2_WARNING": "1", **environment}, check=True,
    )


def run_each(project: Path, snippets: list[str]) -> None:
    environment = {**os.environ, "COLUMNS": "100", "TF_CPP_MIN_LOG_LEVEL": "3"}
    with tempfile.TemporaryDirectory() as workdir:
        for snippet in snippets:
            subprocess.run([sys.executable, str(project / snippet)], cwd=workdir, env=environment,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
