from snippet_engine.render import links_without_glossary_terms

TERM = '<abbr title="What a model minimises.">loss</abbr>'


def test_a_glossary_term_inside_a_link_is_plain_text_and_outside_one_stays():
    html = f'<p>A {TERM}: see <a href="losses/">One {TERM} per output</a>, and a {TERM} again.</p>'
    assert links_without_glossary_terms(html) == (
        f'<p>A {TERM}: see <a href="losses/">One loss per output</a>, and a {TERM} again.</p>'
    )


def test_links_across_lines_and_with_attributes_are_found():
    html = f'<a class="md-footer__link"\n href="x/">\n<span>Next</span> {TERM}</a>'
    assert links_without_glossary_terms(html) == '<a class="md-footer__link"\n href="x/">\n<span>Next</span> loss</a>'
