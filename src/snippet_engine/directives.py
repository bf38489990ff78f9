"""Finds the directive lines of a page and replaces them.

`{{ run("topic/file.py") }}` shows a snippet and what it printed;
`{{ diagram("topic/file.py", model="name") }}` draws the model that the
snippet left in the variable `name`. A directive stands alone on its line, may
be indented (inside a content tab), and is never read inside a fenced code
block, so pages can show its syntax.
"""

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

DIRECTIVE_LINE = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*(?P<kind>run|diagram)\((?P<arguments>.*)\)\s*\}\}[ \t]*$")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
OPTIONS = {"run": ("hl_lines", "raises", "title", "alt"), "diagram": ("model",)}
REQUIRED = {"run": (), "diagram": ("model",)}
EXAMPLES = {"run": '{{ run("topic/file.py") }}', "diagram": '{{ diagram("topic/file.py", model="name") }}'}


class DirectiveError(Exception):
    """A directive that cannot be understood; the message names page and line."""


@dataclass(frozen=True)
class Directive:
    """One directive line: which snippet, what to show of it, and how."""

    page: str
    line: int
    indent: str
    spec: str
    kind: str = "run"
    model: str | None = None
    hl_lines: str | None = None
    raises: str | None = None
    title: str | None = None
    alt: str | None = None  # what the figure the snippet draws shows, for readers who cannot see it

    @property
    def path(self) -> str:
        """The snippet file, relative to snippets/, without section or line range."""
        return self.spec.split(":", 1)[0]

    @property
    def selection(self) -> str | None:
        """The named section ("build") or line range ("3:8") after the path, if any."""
        parts = self.spec.split(":", 1)
        return parts[1] if len(parts) == 2 else None

    @property
    def where(self) -> str:
        return f"{self.page}, line {self.line}"


def find_directives(markdown: str, page: str) -> list[Directive]:
    """Every directive of a page, in page order; DirectiveError for the first one that is malformed."""
    directives, errors = read_directives(markdown, page)
    if errors:
        raise errors[0]
    return directives


def read_directives(markdown: str, page: str) -> tuple[list[Directive], list[DirectiveError]]:
    """Every well-formed directive of a page, in page order, and an error for each malformed one."""
    directives, errors = [], []
    for index, line in lines_outside_fences(markdown):
        try:
            directive = _directive(line, page, index + 1)
        except DirectiveError as error:
            errors.append(error)
        else:
            if directive:
                directives.append(directive)
    return directives, errors


def replace_directives(markdown: str, directives: list[Directive], render: Callable[[Directive], str]) -> str:
    """The page with each directive's line replaced by `render(directive)`."""
    lines = markdown.split("\n")
    for directive in directives:
        lines[directive.line - 1] = render(directive)
    return "\n".join(lines)


def lines_outside_fences(markdown: str) -> Iterator[tuple[int, str]]:
    """(index, line) of every line that is not inside a fenced code block, nor a fence itself."""
    open_fence: str | None = None
    for index, line in enumerate(markdown.split("\n")):
        fence = FENCE.match(line)
        if fence:
            marker = fence.group("fence")
            if open_fence is None:
                open_fence = marker
            elif marker[0] == open_fence[0] and len(marker) >= len(open_fence):
                open_fence = None
        elif open_fence is None:
            yield index, line


def _directive(line: str, page: str, number: int) -> Directive | None:
    """The directive on this line, None when there is none, DirectiveError when it is malformed."""
    match = DIRECTIVE_LINE.match(line)
    if match:
        return _parse(match, page, number)
    mention = re.search(r"\{\{\s*(run|diagram)\(", line)
    if not mention:
        return None
    kind = mention.group(1)
    example = EXAMPLES[kind]
    problem = (
        "cannot read this directive"
        if line.strip().startswith("{{")
        else f"a {kind} directive must stand alone on its line"
    )
    raise DirectiveError(f"{page}, line {number}: {problem}; write it as {example}")


def _parse(match: re.Match, page: str, line: int) -> Directive:
    def fail(problem: str) -> DirectiveError:
        return DirectiveError(f"{page}, line {line}: {problem} in {match.group(0).strip()}")

    kind = match.group("kind")
    try:
        call = ast.parse(f"{kind}({match.group('arguments')})", mode="eval").body
    except SyntaxError:
        raise fail("cannot read the arguments") from None
    assert isinstance(call, ast.Call)
    if len(call.args) != 1 or not _is_string(call.args[0]):
        raise fail(f'expected one quoted snippet path first, like {kind}("topic/file.py")')
    options = {}
    for keyword in call.keywords:
        if keyword.arg not in OPTIONS[kind]:
            raise fail(f"unknown option {keyword.arg!r} (known: {', '.join(OPTIONS[kind])})")
        if not _is_string(keyword.value):
            raise fail(f"option {keyword.arg} must be a quoted string")
        options[keyword.arg] = keyword.value.value
    missing = [name for name in REQUIRED[kind] if name not in options]
    if missing:
        raise fail(f"missing option {', '.join(missing)}")
    spec = call.args[0].value
    if not spec.split(":", 1)[0].endswith(".py"):
        raise fail(f"{spec!r} is not a .py file under snippets/")
    return Directive(page=page, line=line, indent=match.group("indent"), spec=spec, kind=kind, **options)


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)
