from snippet_engine.render import glossary_terms_once_a_section, links_without_glossary_terms

TERM = '<abbr title="What a model minimises.">loss</abbr>'


def test_a_glossary_term_inside_a_link_is_plain_text_and_outside_one_stays():
    html = f'<p>A {TERM}: see <a href="losses/">One {TERM} per output</a>, and a {TERM} again.</p>'
    assert links_without_glossary_terms(html) == (
        f'<p>A {TERM}: see <a href="losses/">One loss per output</a>, and a {TERM} again.</p>'
    )


def test_links_across_lines_and_with_attributes_are_found():
    html = f'<a class="md-footer__link"\n href="x/">\n<span>Next</span> {TERM}</a>'
    assert links_without_glossary_terms(html) == '<a class="md-footer__link"\n href="x/">\n<span>Next</span> loss</a>'


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
