"""Captured text as a terminal would leave it, with volatile figures marked."""

import re

ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[@-Z\\-_]")

# Keras prints wall-clock timings ("0s 12ms/step", "3s/epoch"); they differ on
# every run, so they are replaced by a visible marker documented on the site.
TIMING = re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)(?: \d+(?:\.\d+)?(?:s|ms|us|µs))?/(?:step|sample|epoch)\b")
ELAPSED = re.compile(r"(?<= - )\d+(?:\.\d+)?s(?= - )")
TIME_MARKER = "<time>"
MEMORY_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
MEMORY_ADDRESS_MARKER = "0x<address>"


def as_terminal_shows(text: str) -> str:
    """Apply carriage returns and backspaces the way a terminal would; drop ANSI codes."""
    text = ANSI_ESCAPE.sub("", text)
    return "\n".join(_overwrite(line).rstrip() for line in text.split("\n"))


def _overwrite(line: str) -> str:
    cells: list[str] = []
    cursor = 0
    for char in line:
        if char == "\r":
            cursor = 0
        elif char == "\b":
            cursor = max(0, cursor - 1)
        else:
            if cursor < len(cells):
                cells[cursor] = char
            else:
                cells.append(char)
            cursor += 1
    return "".join(cells)


def mark_volatile(text: str) -> str:
    """Replace timings and memory addresses, which change from run to run, by markers."""
    text = TIMING.sub(lambda match: _timing_marker(match.group(0)), text)
    text = ELAPSED.sub(TIME_MARKER, text)
    return MEMORY_ADDRESS.sub(MEMORY_ADDRESS_MARKER, text)


def _timing_marker(timing: str) -> str:
    return TIME_MARKER + "/" + timing.rsplit("/", 1)[1]


def without_machine_paths(text: str, path_prefixes: dict[str, str]) -> str:
    """Replace absolute paths of this machine by the names a reader can place."""
    for prefix, replacement in sorted(path_prefixes.items(), key=lambda item: -len(item[0])):
        text = text.replace(prefix, replacement)
    return text
