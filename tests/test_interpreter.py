"""What the snippets' Python says of itself: asked of another Python through a process, it gives
what this one gives in-process, and a Python that cannot answer is named in one message."""

import os
import sys

import pytest

from snippet_engine.interpreter import InterpreterError, describe, description_of


def test_the_builds_own_python_is_described_without_a_process():
    facts = describe()
    assert set(facts["versions"]) == {"tensorflow", "keras", "numpy", "python"}
    assert any(sys.prefix in folder for folder in facts["folders"]["library"])


def test_another_python_describes_itself_as_this_one_would():
    # The tests' launcher (conftest.py) is another executable that runs this same environment.
    other = os.environ["SNIPPETS_PYTHON"]
    assert other != sys.executable
    assert description_of(other) == describe()


def test_a_python_without_the_packages_is_named_with_what_it_lacks(tmp_path):
    bare = tmp_path / "python"  # this Python without its site-packages (-S): no TensorFlow
    bare.write_text(f"#!/bin/sh\nexec '{sys.executable}' -S \"$@\"\n", encoding="utf-8")
    bare.chmod(0o755)
    with pytest.raises(InterpreterError) as error:
        description_of(str(bare))
    assert str(error.value) == (
        f"the snippets' Python {bare} could not say its package versions: "
        "importlib.metadata.PackageNotFoundError: No package metadata was found for tensorflow"
    )
