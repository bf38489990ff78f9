"""The site's editions: one per language, each a full copy of the site in its own words.

The first edition is the site as written under docs/; every other one mirrors it
page for page under docs/<language>/ and is published under <site>/<language>/.
A translated page shows the same snippets as its original, in the same order,
with the same options (a title may be translated), so one run of each snippet
serves every edition. This module reads the editions' settings and checks that
the editions agree; it knows nothing of MkDocs.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .directives import Directive
from .pages import Page
from .settings import SettingsError

CONFIG_SECTION = "extra.editions"
# What a translation may change in a directive: the rest must match its original.
TRANSLATABLE_OPTIONS = ("title", "alt")


@dataclass(frozen=True)
class Edition:
    language: str
    # The language's name in itself, as the language switcher shows it ("한국어").
    name: str
    # Only for a translation: the site's name and description, and a translation of
    # every title the navigation shows, keyed by the original title.
    site_name: str = ""
    site_description: str = ""
    nav_titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def folder(self) -> str:
        """Where a translation's pages are, under docs/, and where it is published, under the site."""
        return f"{self.language}/"


def load_editions(raw, theme_language: str, translation: str | None = None) -> list[Edition]:
    """The editions from `extra.editions` in mkdocs.yml; the first is the primary one, whose
    language is the theme's in mkdocs.yml. `translation` is the language of the edition being
    built when it is not the primary one (its theme language is then its own). A site without
    that section has one edition. SettingsError for anything wrong, naming the setting and
    what to write."""
    if raw is None:
        return [Edition(theme_language, theme_language)]
    example = "a list like '- {language: en, name: English}', the site's own language first"
    if not isinstance(raw, list) or not raw or not all(isinstance(entry, Mapping) for entry in raw):
        raise SettingsError(f"{CONFIG_SECTION} in mkdocs.yml must be {example}")
    editions = [_edition(entry, index) for index, entry in enumerate(raw)]
    if translation is None and editions[0].language != theme_language:
        raise SettingsError(
            f"{CONFIG_SECTION} in mkdocs.yml starts with {editions[0].language!r}, but theme.language is "
            f"{theme_language!r}: list the site's own language first"
        )
    languages = [edition.language for edition in editions]
    repeated = sorted({language for language in languages if languages.count(language) > 1})
    if repeated:
        raise SettingsError(f"{CONFIG_SECTION} in mkdocs.yml lists {repeated[0]!r} twice")
    return editions


def _edition(entry: Mapping, index: int) -> Edition:
    where = f"{CONFIG_SECTION}[{index}] in mkdocs.yml"
    known = ("language", "name") if index == 0 else ("language", "name", "site_name", "site_description", "nav_titles")
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise SettingsError(f"unknown option {unknown[0]!r} in {where} (known: {', '.join(known)})")
    for name in known:
        if name not in entry and name != "site_description":
            raise SettingsError(f"{where} has no {name!r}")
    texts = {name: entry.get(name, "") for name in known if name != "nav_titles"}
    for name, value in texts.items():
        if not isinstance(value, str):
            raise SettingsError(f"{where}: {name} is {value!r}; write a text")
    language = texts["language"]
    if not language.isascii() or not language.replace("-", "").isalpha():
        raise SettingsError(f"{where}: language is {language!r}; write a language code, like ko")
    titles = entry.get("nav_titles", {})
    if not isinstance(titles, Mapping) or not all(isinstance(v, str) for v in titles.values()):
        raise SettingsError(f"{where}: nav_titles must map titles of the nav to their translations")
    return Edition(nav_titles=dict(titles), **texts)


def translated_nav(nav: list, edition: Edition) -> tuple[list, list[str]]:
    """The navigation with every title translated, and the titles that have no translation."""
    missing: list[str] = []

    def translate(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, Mapping):
                ((title, target),) = item.items()
                if title not in edition.nav_titles:
                    missing.append(title)
                children = translate(target) if isinstance(target, list) else target
                result.append({edition.nav_titles.get(title, title): children})
            else:
                result.append(item)
        return result

    return translate(nav), missing


def edition_problems(
    original: Mapping[str, Page], translated: Mapping[str, Page], folder: str, shown: Callable[[str], str]
) -> list[str]:
    """What keeps the translated pages from showing what the original pages show: a page on
    one side only, or a different sequence of snippets. Pages are keyed by their path under
    their own edition's folder; `shown(path)` names a path under docs/ as messages do."""
    problems = []
    for path in sorted(original.keys() - translated.keys()):
        problems.append(
            f"{shown(path)} has no translation: write {shown(folder + path)}, "
            "showing the same snippets in the same order"
        )
    for path in sorted(translated.keys() - original.keys()):
        problems.append(f"{shown(folder + path)} translates no page: {shown(path)} does not exist (renamed?)")
    for path in sorted(original.keys() & translated.keys()):
        problem = _first_difference(original[path].directives, translated[path].directives)
        if problem:
            problems.append(f"{shown(folder + path)} does not show what {shown(path)} shows: {problem}")
    return problems


def _first_difference(original: tuple[Directive, ...], translated: tuple[Directive, ...]) -> str | None:
    for mine, theirs in zip(original, translated, strict=False):
        if _shown(mine) != _shown(theirs):
            return (
                f"line {theirs.line} has {_written(theirs)} where line {mine.line} of the original has "
                f"{_written(mine)} (only a title may differ)"
            )
    if len(original) > len(translated):
        extra = original[len(translated)]
        return f"{_written(extra)} (line {extra.line} of the original) and any after it are missing"
    if len(translated) > len(original):
        extra = translated[len(original)]
        return f"line {extra.line} has {_written(extra)}, which the original does not show"
    return None


def _shown(directive: Directive) -> tuple:
    return (directive.kind, directive.spec, directive.model, directive.hl_lines, directive.raises)


def _written(directive: Directive) -> str:
    options = [
        f'{name}="{getattr(directive, name)}"'
        for name in ("model", "hl_lines", "raises")
        if getattr(directive, name) is not None
    ]
    return f'{directive.kind}("{directive.spec}"{"".join(", " + option for option in options)})'
