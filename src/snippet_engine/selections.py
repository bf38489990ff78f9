"""Named sections and line ranges of a snippet, in pymdownx.snippets' syntax.

pymdownx.snippets includes the code; this module only checks that what a page
asks for exists (pymdownx would include an empty block for a missing section)
and finds the file lines a selection begins and ends at, so line numbers on the
page match the line numbers in tracebacks.
"""

import re

SECTION_MARKER = re.compile(r"--8<--\s*\[(?P<kind>start|end):(?P<name>[\w-]+)\]")
LINE_RANGE = re.compile(r"^(?P<start>\d+)(?::(?P<end>\d+))?$")


class SelectionError(Exception):
    """A section or line range that the snippet file does not have."""


def shown_lines(source: str, selection: str | None) -> tuple[int, int]:
    """The file lines the shown part begins and ends at (1 and the last line for the whole file)."""
    lines = source.splitlines()
    if selection is None:
        return 1, len(lines)
    line_range = LINE_RANGE.match(selection)
    if line_range:
        start = int(line_range.group("start"))
        end = int(line_range.group("end") or start)
        if not 1 <= start <= end <= len(lines):
            raise SelectionError(f"lines {selection} are outside the file's {len(lines)} lines")
        return start, end
    starts = [number for number, line in enumerate(lines, 1) if _marker(line) == ("start", selection)]
    ends = [number for number, line in enumerate(lines, 1) if _marker(line) == ("end", selection)]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise SelectionError(
            f"no section {selection!r}: mark it once with '# --8<-- [start:{selection}]' "
            f"and '# --8<-- [end:{selection}]'"
        )
    first, last = starts[0] + 1, ends[0] - 1
    # pymdownx.snippets leaves out the blank lines that end a section.
    while last > first and not lines[last - 1].strip():
        last -= 1
    return first, last


def _marker(line: str) -> tuple[str, str] | None:
    match = SECTION_MARKER.search(line)
    return (match.group("kind"), match.group("name")) if match else None
