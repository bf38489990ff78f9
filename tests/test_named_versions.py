"""The versions of TensorFlow and Keras that the pages name: the ones requirements.txt pins.

The home page's install command and the notes that quote Keras' source name them in prose; the
outputs come from the pinned versions (the footer says which, from the run). A new pin that the
prose did not follow would have the reader install another Keras than the one that printed the
pages' outputs.
"""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# "tensorflow==2.21.0", "Keras 3.15.1", "TensorFlow 2.21": a package and a version with at least
# one dot ("Keras 3" names the major version only, and stays true across pins).
NAMED_VERSION = re.compile(r"\b(tensorflow|keras)(?:==| )(\d+\.\d+(?:\.\d+)*)\b", re.IGNORECASE)


def pinned_versions() -> dict[str, str]:
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = (line.split("==") for line in lines if "==" in line and not line.startswith("#"))
    return {name.strip().lower(): version.split(";")[0].strip() for name, version in pins}


def named_versions(text: str) -> list[tuple[int, str, str]]:
    """(line number, package, version) for each version the text names."""
    return [
        (number, match[1].lower(), match[2])
        for number, line in enumerate(text.splitlines(), start=1)
        for match in NAMED_VERSION.finditer(line)
    ]


def test_versions_named_in_the_pages_are_the_pinned_ones():
    pins = pinned_versions()
    named, wrong = 0, []
    for page in sorted((REPO / "docs").rglob("*.md")):
        for number, package, version in named_versions(page.read_text(encoding="utf-8")):
            named += 1
            pinned = pins[package]
            if pinned != version and not pinned.startswith(version + "."):
                wrong.append(f"{page.relative_to(REPO)}:{number}: {package} {version}, pinned {pinned}")
    assert named >= 5, f"only {named} versions found in the pages: is the pattern still right?"
    assert not wrong, "versions the pages name that requirements.txt does not pin:\n" + "\n".join(wrong)


def test_a_version_is_found_in_each_way_the_pages_write_it():
    text = "pip install tensorflow==2.21.0 keras==3.15.1\nIn Keras 3.15.1, and TensorFlow 2.21; Keras 3 too."
    assert named_versions(text) == [
        (1, "tensorflow", "2.21.0"),
        (1, "keras", "3.15.1"),
        (2, "keras", "3.15.1"),
        (2, "tensorflow", "2.21"),
    ]
