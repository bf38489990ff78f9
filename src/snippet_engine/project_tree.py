"""The project as files: what a fresh clone holds, and which snippets the pages show.

Shared by the tests and `make bench`, which both work on copies of the repository.
"""

import shutil
import subprocess
from pathlib import Path

from .directives import find_directives


def clone_files(repo: Path) -> list[str]:
    """What a clone of the working tree would hold: tracked files, and new ones git does not ignore."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [name for name in listing.split("\0") if name and (repo / name).is_file()]


def copy_as_clone(repo: Path, destination: Path) -> Path:
    for name in clone_files(repo):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(repo / name, target)
    return destination


def shown_snippets(repo: Path) -> list[str]:
    """Every snippet file (as snippets/...) that a page under docs/ shows."""
    return sorted(
        {
            f"snippets/{directive.path}"
            for page in (repo / "docs").rglob("*.md")
            for directive in find_directives(page.read_text(encoding="utf-8"), page.relative_to(repo).as_posix())
        }
    )
