import html
import re

import markdown

from snippet_engine.directives import Directive
from snippet_engine.render import (
    code_block,
    glossary_terms_once_a_section,
    links_and_headings_without_glossary_terms,
    spaced_tab_labels,
)

TERM = '<abbr title="What a model minimises.">loss</abbr>'


def test_a_glossary_term_inside_a_link_is_plain_text_and_outside_one_stays():
    html = f'<p>A {TERM}: see <a href="losses/">One {TERM} per output</a>, and a {TERM} again.</p>'
    assert links_and_headings_without_glossary_terms(html) == (
        f'<p>A {TERM}: see <a href="losses/">One loss per output</a>, and a {TERM} again.</p>'
    )


def test_links_across_lines_and_with_attributes_are_found():
    html = f'<a class="md-footer__link"\n href="x/">\n<span>Next</span> {TERM}</a>'
    assert (
        links_and_headings_without_glossary_terms(html)
        == '<a class="md-footer__link"\n href="x/">\n<span>Next</span> loss</a>'
    )


def test_a_glossary_term_in_a_heading_is_plain_text():
    html = f'<h1 id="one">One {TERM} per output<a class="headerlink" href="#one">&para;</a></h1><p>A {TERM}.</p>'
    assert links_and_headings_without_glossary_terms(html) == (
        f'<h1 id="one">One loss per output<a class="headerlink" href="#one">&para;</a></h1><p>A {TERM}.</p>'
    )


def test_tab_labels_are_words_apart_for_search():
    labels = '<div class="tabbed-labels"><label for="a">compute_loss</label><label for="b">add_loss</label></div>'
    assert spaced_tab_labels(f"<p>x</label><label>y</p>{labels}") == (
        '<p>x</label><label>y</p><div class="tabbed-labels"><label for="a">compute_loss</label>\n'
        '<label for="b">add_loss</label></div>'
    )


HEADS = '<abbr title="The layers of one output.">{}</abbr>'


def test_a_glossary_term_is_explained_at_its_first_use_in_each_section_only():
    html = (
        f"<h1>Page</h1><p>A {TERM}, a {TERM}; {HEADS.format('head')}, {HEADS.format('heads')}.</p>"
        f'<h2 id="next">Next</h2><p>The {TERM} again, and again a {TERM}.</p>'
    )
    assert glossary_terms_once_a_section(html) == (
        f"<h1>Page</h1><p>A {TERM}, a loss; {HEADS.format('head')}, heads.</p>"
        f'<h2 id="next">Next</h2><p>The {TERM} again, and again a loss.</p>'
    )


# Braces, quotes, markup characters and a Windows line end: all must come back as they are.
SNIPPET = (
    'import keras\r\n# --8<-- [start:lesson]\nshapes = {"a": [1, 2]}  # <x> & {y}\nprint(f"{shapes!r}")\n'
    "# --8<-- [end:lesson]\n"
)


def rendered_block(spec: str, tmp_path) -> str:
    (tmp_path / "file.py").write_text(SNIPPET, encoding="utf-8", newline="")
    first_line = 3 if spec.endswith(":lesson") else 1
    block = code_block(Directive("page.md", 1, "", spec), "snippets/file.py", SNIPPET, first_line)
    return markdown.markdown(
        block,
        extensions=["attr_list", "pymdownx.highlight", "pymdownx.superfences", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}},
    )


def test_the_copy_button_of_a_part_copies_the_whole_file(tmp_path):
    before, copied, shown = re.split(r' data-copy="([^"]*)"', rendered_block("file.py:lesson", tmp_path))
    assert html.unescape(copied) == SNIPPET
    assert "import keras" not in shown and "shapes" in shown  # the block still shows the lesson only


def test_the_copy_button_of_a_whole_file_copies_the_lines_shown(tmp_path):
    assert "data-copy" not in rendered_block("file.py", tmp_path)
