"""One build's snippets without MkDocs: pages in, Markdown, problems and files out."""

import json
import subprocess
import sys
import textwrap

import pytest
from conftest import engine_settings

from snippet_engine.site import SiteSnippets


@pytest.fixture(scope="session")
def caches(tmp_path_factory):
    # One parent for every test's cache: the worker (keyed on it) is then shared.
    return tmp_path_factory.mktemp("site-caches")


@pytest.fixture
def make_site(tmp_path, caches, request):
    def make(snippets: dict[str, str], execute: bool = True) -> SiteSnippets:
        (tmp_path / "snippets").mkdir(exist_ok=True)
        for name, code in snippets.items():
            (tmp_path / "snippets" / name).write_text(textwrap.dedent(code), encoding="utf-8")
        return SiteSnippets(engine_settings(tmp_path, caches / request.node.name, execute=execute))

    return make


def test_directive_becomes_the_included_code_then_its_output(make_site):
    site = make_site({"hello.py": "print('hello')\n"})
    site.prepare({"guide/page.md": '{{ run("hello.py", hl_lines="1") }}'})
    markdown = site.expand("guide/page.md")
    code, output = markdown.split("\n\n")
    assert code == '```{ .python title="snippets/hello.py" linenums="1" hl_lines="1" }\n--8<-- "hello.py"\n```'
    assert output == '```{ .snippet-output lang="en" }\nhello\n```'


def test_expansion_inside_a_content_tab_keeps_the_indent(make_site):
    site = make_site({"hello.py": "print('hello')\n"})
    page = '=== "Tab"\n\n    {{ run("hello.py") }}\n'
    site.prepare({"page.md": page})
    body = site.expand("page.md").split("\n")[2:]
    assert all(line.startswith("    ") for line in body if line)


def test_figure_is_published_and_linked_relative_to_the_page(make_site):
    site = make_site({"draw.py": "open('curve.png', 'wb').write(b'PNG')\n"})
    site.prepare({"guide/page.md": '{{ run("draw.py") }}'})
    assert site.generated_files()["snippet-figures/draw/curve.png"] == b"PNG"
    assert "](../snippet-figures/draw/curve.png)" in site.expand("guide/page.md")


def test_a_figure_is_described_by_the_pages_alt_text_or_else_by_its_name(make_site):
    site = make_site({"draw.py": "open('curve.png', 'wb').write(b'PNG')\n"})
    site.prepare({"described.md": '{{ run("draw.py", alt="A curve falling") }}', "plain.md": '{{ run("draw.py") }}'})
    assert "![A curve falling](snippet-figures/draw/curve.png)" in site.expand("described.md")
    assert "![Figure curve.png written by the snippet above](snippet-figures/draw/curve.png)" in site.expand("plain.md")


def test_alt_text_for_a_snippet_that_draws_no_figure_fails_naming_the_page_and_line(make_site):
    site = make_site({"hello.py": "print('hello')\n"})
    site.prepare({"page.md": 'Text.\n\n{{ run("hello.py", alt="A curve") }}'})
    [problem] = site.problems
    assert problem.message.startswith(
        "snippets/hello.py: alt= describes the one figure a snippet draws, and this one drew 0 (none)"
    )
    assert "shown on docs/page.md, line 3" in problem.message


def test_failed_snippet_shows_its_error_instead_of_any_output(make_site):
    site = make_site({"bad.py": "print('partial')\nraise KeyError('k')\n"})
    site.prepare({"page.md": '{{ run("bad.py") }}'})
    markdown = site.expand("page.md")
    assert '!!! failure "This snippet failed' in markdown and "KeyError" in markdown
    assert "snippet-output" not in markdown
    assert [problem.message.splitlines()[0] for problem in site.problems] == [
        "snippets/bad.py, line 2: the snippet raised KeyError; if this error is the lesson, "
        'declare it on the page: {{ run("...", raises="KeyError") }}'
    ]


def test_without_execution_outputs_are_a_visible_placeholder(make_site):
    site = make_site({"hello.py": "print('hello')\n"}, execute=False)
    site.prepare({"page.md": '{{ run("hello.py") }}'})
    assert "SNIPPETS_EXECUTE=0" in site.expand("page.md")
    assert site.provenance() is None


def test_provenance_is_what_the_worker_imported_and_the_commit_date(make_site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    site = make_site({"hello.py": "print('hello')\n"})
    site.prepare({"page.md": '{{ run("hello.py") }}'})
    code = "import tensorflow, keras, json; print(json.dumps([tensorflow.__version__, keras.__version__]))"
    imported = json.loads(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    provenance = site.provenance()
    assert [provenance["tensorflow"], provenance["keras"], provenance["date"]] == [*imported, "2026-01-01"]


def test_diagram_of_a_variable_the_snippet_did_not_leave_fails_naming_the_ones_it_did(make_site):
    site = make_site({"net.py": "import keras\nnet = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"})
    page = '{{ diagram("net.py", model="model") }}'
    site.prepare({"page.md": page})
    [problem] = site.problems
    assert problem.message.startswith(
        "snippets/net.py: no built functional or Sequential model in a variable named 'model' "
        "(variables holding one: net)"
    )
    assert "shown on docs/page.md, line 1" in problem.message


def test_diagram_is_the_layer_graph_in_a_fence_drawn_when_the_page_is_converted(make_site):
    site = make_site(
        {"net.py": "import keras\nnet = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, name='out')])\n"}
    )
    site.prepare({"page.md": '{{ diagram("net.py", model="net") }}'})
    fence, caption = site.expand("page.md").split("\n\n")
    drawing = json.loads(fence.removeprefix("```model-diagram\n").removesuffix("\n```"))
    assert drawing["id"] == "snippets-net-py-net"
    assert [(layer["name"], layer["type"], layer["shapes"]) for layer in drawing["graph"]["layers"]] == [
        ("input_layer", "InputLayer", ["(None, 2)"]),
        ("out", "Dense", ["(None, 1)"]),
    ]
    assert caption == "*The model in `net`, drawn when `snippets/net.py` ran for this page.*"
