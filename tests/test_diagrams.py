"""Model diagrams: drawn from the real model objects, and equal to what the models are."""

import json

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from test_snippets_standalone import runner_runs

from snippet_engine.directives import find_directives

# Reads a model's layers, connections and outputs from its saved config, which
# is independent of how the build walks the graph for the diagram.
FROM_CONFIG = r"""
import json, runpy, sys
model = runpy.run_path(sys.argv[1])[sys.argv[2]]
config = model.get_config()
layers = {layer["config"]["name"]: layer["class_name"] for layer in config["layers"]}

def keras_tensors(value):
    if isinstance(value, dict):
        if value.get("class_name") == "__keras_tensor__":
            yield value["config"]["keras_history"][0]
        for item in value.values():
            yield from keras_tensors(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from keras_tensors(item)

def history_entries(value):
    if isinstance(value, (list, tuple)) and len(value) == 3 and isinstance(value[0], str):
        yield value[0]
    elif isinstance(value, (list, tuple, dict)):
        for item in (value.values() if isinstance(value, dict) else value):
            yield from history_entries(item)

if "output_layers" in config:
    # One edge per tensor a call takes: Subtract()([shared(a), shared(b)]) has two from "shared".
    edges = sorted(
        (source, layer["config"]["name"])
        for layer in config["layers"]
        for node in layer.get("inbound_nodes", [])
        for source in keras_tensors(node)
    )
    outputs = list(history_entries(config["output_layers"]))
else:  # Sequential: each layer feeds the next
    names = [layer["config"]["name"] for layer in config["layers"]]
    edges = sorted(zip(names, names[1:]))
    outputs = names[-1:]
print(json.dumps({"layers": layers, "edges": edges, "outputs": outputs}))
"""


def diagram_directives():
    return [
        directive
        for page in sorted((REPO / "docs").rglob("*.md"))
        for directive in find_directives(page.read_text(encoding="utf-8"), page.relative_to(REPO / "docs").as_posix())
        if directive.kind == "diagram"
    ]


def drawn_graph(svg) -> dict:
    """Layers (name: type), edges and outputs as an SVG diagram on a page draws them."""
    layers = {group["data-layer"]: group.find_all("text")[1].get_text() for group in svg.select("g[data-layer]")}
    edges, outputs = [], {}
    for path in svg.select("path.model-diagram-edge"):
        source, target = path["data-from"], path["data-to"]
        if target.startswith("output "):
            outputs[int(target.removeprefix("output "))] = source
        else:
            edges.append((source, target))
    return {"layers": layers, "edges": sorted(edges), "outputs": [outputs[index] for index in sorted(outputs)]}


def test_the_site_draws_the_models_that_are_not_a_straight_line():
    drawn = {(directive.path, directive.model) for directive in diagram_directives()}
    assert {
        ("building_models/article_functional.py", "testModel"),
        ("multiple_outputs/article_same_output_twice.py", "testModel"),
        ("multiple_outputs/article_branching.py", "testModel"),
    } <= drawn


@pytest.fixture(scope="session")
def configured_graphs(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """{(snippet, model variable): the model's graph as its config gives it}, for every diagram
    directive: each snippet run on its own by FROM_CONFIG, in a process of its own
    (standalone_runner.py: forked from one that imported TensorFlow once)."""
    wanted = sorted({(directive.path, directive.model) for directive in diagram_directives()})
    scripts, folders = [], []
    for path, model in wanted:
        folder = tmp_path_factory.mktemp("diagram")
        snippet = REPO / "snippets" / path
        script = folder / "from_config.py"
        # As `python -c FROM_CONFIG <snippet> <model>` would run, with the snippet's folder importable.
        script.write_text(
            f"import sys\nsys.argv = ['-c', {str(snippet)!r}, {model!r}]\nsys.path.insert(0, {str(snippet.parent)!r})\n"
            + FROM_CONFIG,
            encoding="utf-8",
        )
        scripts.append(script)
        folders.append(folder)
    runs = runner_runs(scripts, folders)
    graphs = {}
    for key, script in zip(wanted, scripts, strict=True):
        run = runs[script]
        assert run.returncode == 0, f"{key}: {run.stderr[-2000:]}"
        graph = json.loads(run.stdout.splitlines()[-1])  # after whatever the snippet itself printed
        graphs[key] = {**graph, "edges": [tuple(edge) for edge in graph["edges"]]}
    return graphs


@pytest.mark.parametrize("directive", diagram_directives(), ids=lambda d: f"{d.path}:{d.model}")
def test_diagram_on_the_page_matches_the_model(directive, built_site, configured_graphs):
    page = built_site / directive.page.removesuffix(".md") / "index.html"
    soup = BeautifulSoup(page.read_text(), "html.parser")
    drawings = [drawn_graph(svg) for svg in soup.select("svg.model-diagram")]
    assert configured_graphs[directive.path, directive.model] in drawings


def test_no_page_loads_a_script_beyond_the_themes_own(built_site):
    """Diagrams are drawn at build time: no page loads a drawing library (Mermaid was 3.5 MB)."""
    pages = list(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # find_all, not select: the theme's script waits in a <template>, which CSS selectors do not enter.
        scripts = [script["src"] for script in soup.find_all("script", src=True) if script["src"]]
        assert [src.rsplit("/", 1)[-1].split(".")[0] for src in scripts] == ["bundle"], (page, scripts)
