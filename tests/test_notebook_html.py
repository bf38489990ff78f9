"""The Notebooks pages made light: what a page keeps and loses, and the shared stylesheet's rules."""

import json
import re

import pytest
from mkdocs_jupyter.nbconvert2 import nb2html
from test_summary_tables import SEQUENTIAL

from snippet_engine.cache import ResultCache
from snippet_engine.notebook_html import NotebookHtmlError, light_content, shared_stylesheet, with_stylesheet
from snippet_engine.wording import KOREAN

# What mkdocs-jupyter writes into a notebook page, in its order, as the site's pages have it.
COPY_BUTTON = "<script>\n(function () { customElements.define('clipboard-copy', class {}); })();\n</script>"
COPY_NOTICE = "<script>\ndocument.addEventListener('clipboard-copy', function(event) {});\n</script>"
MATHJAX = (
    '<script src=""> </script>\n<!-- MathJax configuration -->\n'
    '<script type="text/x-mathjax-config">\ninit_mathjax = function() {};\n</script>'
)
MERMAID = '<script type="module">\nconst diagrams = document.querySelectorAll(".jp-Mermaid > pre.mermaid");\n</script>'
CELL = (
    '<div class="jupyter-wrapper"><div class="jp-Cell jp-CodeCell">'
    '<div class="highlight-ipynb hl-python"><pre><span></span><span class="kn">import</span> '
    '<span class="nn">keras</span>\n<span class="n">model</span><span class="o">=</span>'
    '<span class="n">keras</span><span class="o">.</span><span class="n">Sequential</span>'
    '<span class="p">()</span>\n</pre></div></div></div>'
)


def notebook_page(content: str) -> str:
    """A page as mkdocs-material lays it out around mkdocs-jupyter's `content`."""
    return (
        '<html><head>\n<link rel="stylesheet" href="../../assets/css/notebooks.css">\n</head>\n<body>'
        '<nav class="md-nav"><a class="md-nav__link" href="../">Home</a></nav>\n'
        f'<article class="md-content__inner md-typeset">\n{content}\n</article>\n'
        '<script src="../../assets/javascripts/bundle.js"></script>\n</body></html>'
    )


STYLES = "<style>.jupyter-wrapper .kn{color:blue}.jupyter-wrapper .o{font-weight:bold}</style>"
CONTENT = "\n".join([COPY_BUTTON, COPY_NOTICE, STYLES, MATHJAX, MERMAID, CELL])


def test_the_content_loses_its_inline_styles_and_the_page_links_the_shared_stylesheet_in_its_head():
    light = light_content(CONTENT, "notebooks/a.ipynb")
    assert "<style" not in light.html
    assert light.styles == (".jupyter-wrapper .kn{color:blue}.jupyter-wrapper .o{font-weight:bold}",)
    page = with_stylesheet(notebook_page(light.html), "../../assets/css/jupyterlab.css", "notebooks/a.ipynb")
    head, _, body = page.partition("</head>")
    assert head.endswith(
        '<link rel="stylesheet" href="../../assets/css/notebooks.css">\n'
        '<link rel="stylesheet" href="../../assets/css/jupyterlab.css">\n'
    )
    assert body == notebook_page(light.html).partition("</head>")[2]


def test_links_into_the_site_are_made_relative_to_the_page_and_others_stay():
    site = "https://example.org/site/"
    title = (
        f'<h1>Sequential</h1><p>See <a href="{site}building-models/sequential/">that page</a>, '
        f'<a href="{site}building-models/sequential/#a-first-model">its first part</a>, '
        f'<a href="{site}">the home page</a> or <a href="https://example.org/site-b/">another site</a>.</p>'
    )
    light = light_content(STYLES + title, "notebooks/a.ipynb", site_url=site, page_url="notebooks/sequential/").html
    assert (
        '<p>See <a href="../../building-models/sequential/">that page</a>, '
        '<a href="../../building-models/sequential/#a-first-model">its first part</a>, '
        '<a href="../../">the home page</a> or <a href="https://example.org/site-b/">another site</a>.</p>'
    ) in light


def test_the_copy_button_scripts_stay_and_the_math_and_mermaid_loaders_go():
    body = light_content(CONTENT, "notebooks/a.ipynb").html
    assert COPY_BUTTON in body and COPY_NOTICE in body
    assert "mathjax" not in body.lower().replace("<!-- mathjax configuration -->", "")
    assert 'src=""' not in body and "jp-Mermaid" not in body


def test_code_spans_no_rule_styles_become_plain_text_and_the_others_stay():
    body = light_content(CONTENT, "notebooks/a.ipynb").html
    # kn and o are styled; nn, n and p are not (and the empty span Pygments starts with goes).
    assert (
        '<pre tabindex="0"><span class="kn">import</span> keras\nmodel<span class="o">=</span>'
        'keras<span class="o">.</span>Sequential()\n</pre>'
    ) in body


def test_the_tab_stop_of_a_cell_moves_from_its_box_to_its_code_which_is_what_scrolls():
    cell = CELL.replace(
        '<div class="highlight-ipynb', '<div class="jp-Cell-inputWrapper" tabindex="0"><div class="highlight-ipynb'
    )
    body = light_content(STYLES + cell, "notebooks/a.ipynb").html
    assert '<div class="jp-Cell-inputWrapper"><div class="highlight-ipynb hl-python"><pre tabindex="0">' in body
    assert body.count("tabindex") == 1


def printed_output(text: str) -> str:
    """A cell's printed output as nbconvert writes it."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain" tabindex="0">\n'
        f"<pre>{escaped}</pre>\n</div>"
    )


def printed_text(html: str) -> str:
    """The text of every <pre> of `html`, in order, as a reader's browser shows it."""
    return (
        re.sub(r"<[^>]+>", "", "".join(re.findall(r"<pre[^>]*>(.*?)</pre>", html, re.S)))
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


def test_a_printed_summary_table_is_shown_in_both_forms_and_the_printed_text_stays_exact():
    printed = "Before <the> table & after\n" + SEQUENTIAL + "after\n"
    body = light_content(STYLES + printed_output(printed), "notebooks/a.ipynb", KOREAN).html
    assert body.count('<table class="summary-table">') == 1
    assert f'<span class="summary-show-printed">{KOREAN.show_printed}</span>' in body
    assert '<pre class="summary-printed" tabindex="0">' in body
    assert '<pre class="wraps">Before &lt;the&gt;' in body  # the text around it may wrap
    # The output does not scroll, its parts do; it has the title of the other pages' output blocks.
    assert f'data-mime-type="text/plain"><span class="filename">{KOREAN.output}</span>' in body
    assert printed_text(body) == printed


def test_printed_columns_without_a_summary_table_stay_as_nbconvert_wrote_them_under_the_title_output_blocks_have():
    output = printed_output("epoch  loss    mae\n    1  0.50  0.40\n    2  0.25  0.30\n")
    opening, _, rest = output.partition(">")
    titled = f'{opening}><span class="filename">{KOREAN.output}</span>{rest}'
    assert titled in light_content(STYLES + output, "notebooks/a.ipynb", KOREAN).html


def test_printed_text_that_may_wrap_says_so_and_has_no_tab_stop_as_it_never_scrolls():
    printed = "loss: 0.5 <done>, a line as long as a log line is, or longer\n"
    body = light_content(STYLES + printed_output(printed), "notebooks/a.ipynb", KOREAN).html
    wrapping = '<div class="jp-RenderedText jp-OutputArea-output wraps" data-mime-type="text/plain">'
    assert f'{wrapping}<span class="filename">{KOREAN.output}</span>' in body
    assert printed_text(body) == printed


@pytest.mark.parametrize(
    ("printed", "complaint"),
    [
        (SEQUENTIAL.replace("│ dense", "│ dense│", 1), "holds a summary table it cannot read"),
        ('<span class="ansi-red-fg">red</span>', "holds markup"),
    ],
)
def test_a_printed_output_it_cannot_read_exactly_fails_and_names_the_page(printed, complaint):
    output = (
        printed_output(printed) if "span" not in printed else printed_output("").replace("<pre>", "<pre>" + printed)
    )
    with pytest.raises(NotebookHtmlError, match=f"notebooks/a.ipynb: a printed output {complaint}"):
        light_content(STYLES + output, "notebooks/a.ipynb")


def test_a_script_it_does_not_know_fails_and_says_where_to_declare_it():
    content = STYLES + '<script src="https://unpkg.com/@jupyter-widgets/html-manager"></script>' + CELL
    with pytest.raises(NotebookHtmlError) as error:
        light_content(content, "notebooks/widgets.ipynb")
    message = str(error.value)
    assert message.startswith('notebooks/widgets.ipynb: unexpected <script src="https://unpkg.com/')
    assert "Add it to SCRIPTS in snippet_engine.notebook_html" in message


def test_a_stylesheet_link_in_the_notebook_fails():
    content = STYLES + '<link rel="stylesheet" href="https://cdn.example/lab.css">' + CELL
    with pytest.raises(NotebookHtmlError, match="unexpected <link"):
        light_content(content, "notebooks/a.ipynb")


def test_a_notebook_with_a_mermaid_output_fails_rather_than_lose_the_script_that_draws_it():
    diagram = '<div class="jp-Mermaid"><pre class="mermaid">graph TD; a-->b</pre></div>'
    content = STYLES + MERMAID + diagram
    with pytest.raises(NotebookHtmlError, match="the notebook has 'class=\"jp-Mermaid', which needs"):
        light_content(content, "notebooks/a.ipynb")


def test_a_page_without_inline_styles_means_mkdocs_jupyter_changed_and_fails():
    with pytest.raises(NotebookHtmlError, match="no inline <style>"):
        light_content(COPY_BUTTON + CELL, "notebooks/a.ipynb")


def test_a_page_without_one_head_end_fails():
    with pytest.raises(NotebookHtmlError, match="expected one </head>"):
        with_stylesheet(notebook_page(CELL).replace("</head>", ""), "shared.css", "notebooks/a.ipynb")


def test_mkdocs_jupyters_own_rendering_is_one_it_knows(tmp_path):
    """The installed mkdocs-jupyter, with the options mkdocs.yml gives it: a page it renders holds
    nothing the module does not know, and keeps the copy button of its code cell."""
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(json.dumps(TINY_NOTEBOOK), encoding="utf-8")
    content = nb2html(str(notebook), execute=False, custom_mathjax_url="", include_requirejs=False)
    light = light_content(content, "notebooks/n.ipynb")
    assert "<style" not in light.html and "clipboard-copy" in light.html and "print" in light.html
    stylesheet = shared_stylesheet(light.styles, [light.html])
    assert ".jupyter-wrapper .jp-OutputArea-output pre{" in stylesheet
    assert ".jp-Dialog" not in stylesheet


TINY_NOTEBOOK = {
    "nbformat": 4,
    "nbformat_minor": 5,
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "cells": [
        {
            "cell_type": "code",
            "id": "c1",
            "metadata": {},
            "execution_count": 1,
            "source": 'print("hello")',
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "hello\n"}],
        }
    ],
}


# --- The shared stylesheet -------------------------------------------------------------------

ELEMENTS = '<body><div class="jupyter-wrapper"><div class="jp-Cell"><pre id="out">x</pre></div></div></body>'


def rules(css: str, pages=(ELEMENTS,)) -> list[str]:
    """The lines of the shared stylesheet made of `css` for `pages`, without its @charset line."""
    stylesheet = shared_stylesheet([css], list(pages))
    first, *lines = stylesheet.splitlines()
    assert first == '@charset "UTF-8";'
    return lines


def test_a_stored_stylesheet_is_read_back_for_the_same_styles_and_elements_and_not_for_others(tmp_path):
    cache = ResultCache(tmp_path)
    css = ".jupyter-wrapper .jp-Cell{margin:0}.jp-Dialog{margin:0}"
    pruned = shared_stylesheet([css], [ELEMENTS], cache)
    assert pruned == shared_stylesheet([css], [ELEMENTS])
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text(json.dumps({"stylesheet": "read back"}), encoding="utf-8")
    assert shared_stylesheet([css], [ELEMENTS], cache) == "read back"
    # Another kind of element, or other styles, may keep other rules: pruned again.
    with_dialog = ELEMENTS.replace("<pre", '<div class="jp-Dialog"></div><pre')
    assert ".jp-Dialog{margin:0}" in shared_stylesheet([css], [with_dialog], cache)
    assert shared_stylesheet([css + "pre{margin:0}"], [ELEMENTS], cache).endswith("pre{margin:0}\n")
    assert len(list(tmp_path.rglob("*.json"))) == 3


def test_a_rule_for_elements_the_pages_do_not_have_is_dropped():
    css = ".jupyter-wrapper .jp-Cell{margin:0}.jupyter-wrapper .jp-Dialog{margin:0}table{width:auto}"
    assert rules(css) == [".jupyter-wrapper .jp-Cell{margin:0}"]


def test_one_selector_of_a_list_that_can_match_keeps_the_rule_whole():
    assert rules(".jp-Dialog,.jp-Cell pre,#out{color:red}") == [".jp-Dialog,.jp-Cell pre,#out{color:red}"]
    assert rules("#elsewhere{color:red}") == []


def test_states_palettes_and_attributes_never_drop_a_rule():
    """They change as the page runs: hover, focus, the palette switch, a class the rule excludes."""
    css = (
        "[data-md-color-scheme=slate] .jupyter-wrapper{color:white}"
        ".jp-Cell:hover pre::before{content:'•'}"
        ".jp-Cell:not(.jp-mod-active) pre{opacity:.5}"
    )
    assert rules(css) == [
        "[data-md-color-scheme=slate] .jupyter-wrapper{color:white}",
        '.jp-Cell:hover pre::before{content:"•"}',  # strings come back in double quotes
        ".jp-Cell:not(.jp-mod-active) pre{opacity:.5}",
    ]


def test_a_class_of_the_theme_counts_as_present_because_its_script_adds_it():
    assert rules(".jupyter-wrapper .md-typeset__scrollwrap{margin:0}") == [
        ".jupyter-wrapper .md-typeset__scrollwrap{margin:0}"
    ]


def test_a_media_rule_keeps_its_matching_rules_and_goes_when_none_is_left():
    css = "@media (max-width:760px){.jp-Cell{padding:0}.jp-Dialog{padding:0}}@media print{.jp-Toolbar{display:none}}"
    assert rules(css) == ["@media (max-width:760px){.jp-Cell{padding:0}}"]


def test_custom_properties_stay_only_when_a_kept_rule_uses_them_even_through_another():
    css = (
        ".jupyter-wrapper{--jp-a:var(--jp-b);--jp-b:red;--jp-unused:blue;--jp-dialog:green}"
        ".jp-Cell{color:var(--jp-a)}"
        ".jp-Dialog{color:var(--jp-dialog)}"
    )
    assert rules(css) == [".jupyter-wrapper{--jp-a:var(--jp-b);--jp-b:red}", ".jp-Cell{color:var(--jp-a)}"]


def test_a_rule_left_without_declarations_goes():
    assert rules(".jupyter-wrapper{--jp-unused:blue}") == []


def test_keyframes_stay_only_when_a_kept_rule_animates_with_them():
    css = (
        ".jp-Cell{animation:blink 1s}@keyframes blink{0%{opacity:0}}"
        "@-webkit-keyframes spin{to{transform:rotate(1turn)}}"
    )
    assert rules(css) == [".jp-Cell{animation:blink 1s}", "@keyframes blink{0%{opacity:0}}"]


def test_comments_braces_in_strings_and_an_unparsable_tail_are_read_as_a_browser_reads_them():
    """Pygments labels each rule after it; mkdocs-jupyter appends a second copy of the Pygments CSS
    as a Python list's repr, which no browser can parse."""
    css = (
        "pre { line-height: 125%; } /* Error */\n"
        '.jp-Cell::after { content: "}{" } /* Keyword */\n'
        "['pre { line-height: 125%; }\\n.jp-Cell { color: red; }']"
    )
    assert rules(css) == ["pre{line-height:125%}", '.jp-Cell::after{content:"}{"}']


def test_each_inline_style_is_a_stylesheet_of_its_own():
    """A rule left unclosed at the end of one <style> does not swallow the next one's rules."""
    stylesheet = shared_stylesheet(["['garbage'", ".jp-Cell{margin:0}"], [ELEMENTS])
    assert stylesheet.splitlines()[1:] == [".jp-Cell{margin:0}"]


@pytest.mark.parametrize(
    "css, complaint",
    [
        ("@import url(https://example.com/lab.css);", "'@import url(https://example.com/lab.css)'"),
        ("@font-face{font-family:x;src:url(x.woff2)}", "'@font-face'"),
        (".jp-Cell{color:red;& pre{color:blue}}", "nest rules in '.jp-Cell'"),
        (".jp-Cell{color:red", "end inside a block"),
    ],
)
def test_a_rule_it_cannot_prune_fails(css, complaint):
    with pytest.raises(NotebookHtmlError, match=re.escape(complaint)):
        shared_stylesheet([css], [ELEMENTS])


def test_classes_and_ids_are_read_from_every_page_quoted_or_not():
    pages = [ELEMENTS, "<div class=jp-Dialog id='box'></div>"]
    assert rules(".jp-Dialog{margin:0}#box{margin:0}.jp-Toolbar{margin:0}", pages) == [
        ".jp-Dialog{margin:0}",
        "#box{margin:0}",
    ]


def stderr_output(text: str) -> str:
    """What a cell wrote to stderr, as nbconvert writes it (an error's traceback: each line after a newline)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr" '
        f'tabindex="0">\n<pre>{escaped}</pre>\n</div>'
    )


def test_warnings_are_shown_in_a_warning_box_titled_with_their_number_and_a_traceback_under_the_output_title():
    warnings = (
        "keras/src/layers/layer.py:431: UserWarning: `build()` was called\non a layer <with state>\n"
        "snippets/a.py:3: DeprecationWarning: old\n"
    )
    traceback = stderr_output('\nTraceback (most recent call last):\n  File "a.py", line 1\nValueError: no')
    content = STYLES + stderr_output(warnings) + traceback
    body = light_content(content, "notebooks/a.ipynb", KOREAN).html
    assert f'<p class="admonition-title">{KOREAN.warnings_title(2)}</p>' in body
    assert 'class="jp-RenderedText jp-OutputArea-output notebook-warnings"' in body
    assert printed_text(body) == warnings + traceback.split("<pre>")[1].split("</pre>")[0]
    opening, _, rest = traceback.partition(">")
    before_message = rest.split("ValueError")[0]
    assert f'{opening}><span class="filename">{KOREAN.output}</span>{before_message}' in body
    assert '<span class="snippet-error-message">ValueError: no</span></pre>' in body  # it wraps on a phone
    assert body.count('class="filename"') == 1  # the warnings have their box's title


def test_something_on_stderr_that_is_neither_warnings_nor_a_traceback_fails_and_names_the_page():
    with pytest.raises(NotebookHtmlError, match="notebooks/a.ipynb: a cell wrote to stderr something"):
        light_content(STYLES + stderr_output("progress 50%\n"), "notebooks/a.ipynb")
