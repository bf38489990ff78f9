"""What the Python that runs the snippets says of itself, asked once per build.

The snippets may run in another Python than the build's (the `python` setting). Two facts of
that Python shape what the pages show: the versions of the packages that can change an output
(they are part of every cache key) and the folders its tracebacks print (the pages show them
without the machine's part). This file needs only the standard library: run by path with that
Python, it prints them as JSON.
"""

import importlib.metadata
import json
import platform
import subprocess
import sys
import sysconfig

# The packages whose versions can change what a snippet prints.
VERSIONED_PACKAGES = ("tensorflow", "keras", "numpy")
# Seconds a Python may take to describe itself (it imports no TensorFlow for it).
ANSWER_WITHIN = 120


class InterpreterError(Exception):
    """The snippets' Python could not say what it is: it did not start, or lacks a package."""


def describe() -> dict:
    """{"versions": {package: version, "python": version}, "folders": {"library": [...], "stdlib": path}}
    of the Python running this."""
    paths = sysconfig.get_paths()
    versions = {name: importlib.metadata.version(name) for name in VERSIONED_PACKAGES}
    return {
        "versions": {**versions, "python": platform.python_version()},
        "folders": {"library": sorted({paths["purelib"], paths["platlib"]}), "stdlib": paths["stdlib"]},
    }


def description_of(python: str) -> dict:
    """`describe()` as the Python at `python` gives it (this one's, without a process, if it is this one)."""
    if python == sys.executable:
        return describe()
    try:
        answer = subprocess.run([python, __file__], capture_output=True, text=True, timeout=ANSWER_WITHIN)
    except OSError as error:  # no such Python, or not one that can be run
        raise InterpreterError(f"the snippets' Python {python} could not start: {error.strerror}") from None
    except subprocess.TimeoutExpired:
        raise InterpreterError(f"the snippets' Python {python} did not answer within {ANSWER_WITHIN} s") from None
    if answer.returncode:
        last = (answer.stderr.strip().splitlines() or ["no message"])[-1]
        raise InterpreterError(f"the snippets' Python {python} could not say its package versions: {last}")
    try:
        return json.loads(answer.stdout)
    except json.JSONDecodeError:
        first = (answer.stdout.strip().splitlines() or ["nothing"])[0]
        raise InterpreterError(
            f"the snippets' Python {python} printed {first[:80]!r} where its description was expected"
        ) from None


if __name__ == "__main__":
    print(json.dumps(describe()))
