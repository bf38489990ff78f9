"""Runs snippet files as `python snippets/<file>.py` runs them, without importing TensorFlow each time.

A fresh interpreter spends most of a snippet's run importing TensorFlow. This runner imports
TensorFlow, Keras and NumPy once (nothing else: no model is built, no op runs), then forks a
child per snippet. Each child is a new process that runs the file as the interpreter would run a
script: as `__main__`, with its own folder first on sys.path and `sys.argv` = [file], in its
own empty working folder, writing to its own stdout and stderr; an uncaught exception prints
its traceback as the interpreter does and exits with 1, `sys.exit` exits with its code.

Usage: python standalone_runner.py <jobs> <snippet> <workdir> [<snippet> <workdir> ...]
Writes <workdir>/stdout, <workdir>/stderr and <workdir>/returncode for each.
"""

import os
import sys

import keras  # noqa: F401  (imported once, before forking: what every snippet imports)
import numpy  # noqa: F401
import tensorflow  # noqa: F401
from forked_processes import run_as_python


def start(path: str, workdir: str) -> int:
    """Fork a child that runs the snippet in `workdir`; the child's pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        os.chdir(workdir)
        for number, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, number)
            os.close(target)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        code = run_as_python([path])
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def main(jobs: int, pairs: list[tuple[str, str]]) -> None:
    waiting = list(pairs)
    running: dict[int, str] = {}
    while waiting or running:
        while waiting and len(running) < jobs:
            path, workdir = waiting.pop(0)
            running[start(path, workdir)] = workdir
        pid, status = os.wait()
        workdir = running.pop(pid)
        with open(os.path.join(workdir, "returncode"), "w", encoding="utf-8") as file:
            file.write(str(os.waitstatus_to_exitcode(status)))


if __name__ == "__main__":
    arguments = sys.argv[2:]
    main(int(sys.argv[1]), list(zip(arguments[::2], arguments[1::2], strict=True)))
