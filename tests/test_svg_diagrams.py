"""Model diagrams drawn at build time as SVG: well-formed, complete, laid out as declared, the same every time."""

import copy
import re
import xml.etree.ElementTree as ElementTree

import pytest

from snippet_engine.svg_diagrams import BOX_PADDING_X, CHARACTER_WIDTH, model_diagram_svg

SVG = "{http://www.w3.org/2000/svg}"


def layer(name, kind="Dense", *shapes):
    return {"name": name, "type": kind, "shapes": list(shapes) or ["(None, 4)"]}


# question_b comes first in graph order; the model still declares question_a first.
TWO_INPUTS = {
    "layers": [
        layer("question_b", "InputLayer", "(None, 2)"),
        layer("question_a", "InputLayer", "(None, 3)"),
        layer("embed_b"),
        layer("embed_a"),
        layer("joined", "Concatenate", "(None, 8)"),
        layer("score", "Dense", "(None, 1)"),
    ],
    "edges": [
        ["question_b", "embed_b"],
        ["question_a", "embed_a"],
        ["embed_a", "joined"],
        ["embed_b", "joined"],
        ["joined", "score"],
        ["question_a", "score"],  # spans two rows: drawn through a bend
    ],
    "inputs": ["question_a", "question_b"],
    "outputs": ["score", "joined", "score"],  # score feeds two outputs: two arrows
}

SEQUENTIAL_SHARED = {  # keras.Sequential([keras.Input((4,)), shared, shared]): the layer feeds itself
    "layers": [layer("input_layer", "InputLayer"), layer("shared")],
    "edges": [["input_layer", "shared"], ["shared", "shared"]],
    "inputs": ["input_layer"],
    "outputs": ["shared"],
}


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def groups(root, css_class):
    return [element for element in root.iter(f"{SVG}g") if element.get("class") == css_class]


def box(root, css_class, attribute, value):
    [group] = [group for group in groups(root, css_class) if group.get(attribute) == value]
    rect = group.find(f"{SVG}rect")
    return {name: float(rect.get(name)) for name in ("x", "y", "width", "height")}


def edge_paths(root):
    return [path for path in root.iter(f"{SVG}path") if "model-diagram-edge" in path.get("class", "")]


def end_point(path) -> tuple[float, float]:
    *_, x, y = re.findall(r"-?\d+(?:\.\d+)?", path.get("d"))
    return float(x), float(y)


def test_the_drawing_is_well_formed_accessible_svg():
    root = parse(model_diagram_svg(TWO_INPUTS))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Diagram of a model with 2 inputs, 6 layers and 3 outputs"
    assert "Inputs, left to right: question_a, question_b." in desc.text
    assert "joined, Concatenate, output shape (None, 8), takes embed_a, embed_b." in desc.text
    assert "The box output 1 is the output of joined." in desc.text
    # Scales with its container, to a readable floor, from its own size.
    width = float(root.get("width"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert "max-width:100%" in root.get("style") and f"min-width:{width * 0.65:.1f}".removesuffix(".0") in root.get(
        "style"
    )
    # The arrowheads the edges point at exist.
    marker = root.find(f"{SVG}defs/{SVG}marker")
    assert {path.get("marker-end") for path in edge_paths(root)} == {f"url(#{marker.get('id')})"}


def test_one_box_per_layer_and_per_output():
    root = parse(model_diagram_svg(TWO_INPUTS))
    drawn = [group.get("data-layer") for group in groups(root, "model-diagram-layer")]
    assert sorted(drawn) == sorted(item["name"] for item in TWO_INPUTS["layers"])  # each once, in reading order
    assert [group.get("data-output") for group in groups(root, "model-diagram-output")] == ["0", "1", "2"]
    [score] = [group for group in groups(root, "model-diagram-layer") if group.get("data-layer") == "score"]
    assert [text.text for text in score.iter(f"{SVG}text")] == ["score", "Dense", "(None, 1)"]
    assert score.find(f"{SVG}text").get("class") == "model-diagram-name"  # the name is the bold line


def test_the_description_names_the_inputs_left_to_right_as_drawn():
    """Keras lists question_b first here; the drawing, and so its description, follow the order declared."""
    description = parse(model_diagram_svg(TWO_INPUTS)).find(f"{SVG}desc").text
    assert description.index("question_a, InputLayer") < description.index("question_b, InputLayer")


def test_dict_outputs_are_labelled_with_their_keys_in_the_order_written():
    graph = {**TWO_INPUTS, "outputs": ["score", "joined"], "output_labels": ["rating", "features"]}
    root = parse(model_diagram_svg(graph))
    labels = [next(group.iter(f"{SVG}text")).text for group in groups(root, "model-diagram-output")]
    assert labels == ["rating", "features"]
    description = root.find(f"{SVG}desc").text
    assert "The box rating is the output of score. The box features is the output of joined." in description


def test_unnamed_outputs_are_numbered_as_predict_lists_them_and_a_single_one_is_not():
    def output_labels(graph):
        root = parse(model_diagram_svg(graph))
        return [next(group.iter(f"{SVG}text")).text for group in groups(root, "model-diagram-output")]

    assert output_labels(TWO_INPUTS) == ["output 0", "output 1", "output 2"]
    assert output_labels(SEQUENTIAL_SHARED) == ["model output"]


def test_one_path_per_edge_and_per_output():
    paths = edge_paths(parse(model_diagram_svg(TWO_INPUTS)))
    drawn = [(path.get("data-from"), path.get("data-to")) for path in paths]
    expected = [tuple(edge) for edge in TWO_INPUTS["edges"]]
    expected += [("score", "output 0"), ("joined", "output 1"), ("score", "output 2")]
    assert drawn == expected


def test_a_layer_taking_two_outputs_of_one_shared_layer_gets_two_arrows_side_by_side():
    shared = {  # Subtract()([shared(a), shared(b)])
        "layers": [
            layer("a", "InputLayer"),
            layer("b", "InputLayer"),
            layer("shared"),
            layer("difference", "Subtract"),
        ],
        "edges": [["a", "shared"], ["b", "shared"], ["shared", "difference"], ["shared", "difference"]],
        "outputs": ["difference"],
    }
    twice = [path for path in edge_paths(parse(model_diagram_svg(shared))) if path.get("data-to") == "difference"]
    assert len(twice) == 2
    assert start_point(twice[0])[0] != start_point(twice[1])[0]
    assert end_point(twice[0])[0] != end_point(twice[1])[0]


def start_point(path) -> tuple[float, float]:
    x, y = re.match(r"M(-?[\d.]+),(-?[\d.]+)", path.get("d")).groups()
    return float(x), float(y)


def test_every_arrow_leaves_the_bottom_of_its_source_and_ends_on_the_top_of_its_target():
    root = parse(model_diagram_svg(TWO_INPUTS))
    for path in edge_paths(root):
        source = box(root, "model-diagram-layer", "data-layer", path.get("data-from"))
        x, y = start_point(path)
        assert y == pytest.approx(source["y"] + source["height"], abs=0.05)
        assert source["x"] < x < source["x"] + source["width"]
        target = path.get("data-to")
        if target.startswith("output "):
            rect = box(root, "model-diagram-output", "data-output", target.removeprefix("output "))
        else:
            rect = box(root, "model-diagram-layer", "data-layer", target)
        x, y = end_point(path)
        assert y == pytest.approx(rect["y"], abs=0.05)
        assert rect["x"] < x < rect["x"] + rect["width"]


def test_inputs_on_the_top_row_in_declared_order_outputs_at_the_bottom_in_order():
    root = parse(model_diagram_svg(TWO_INPUTS))
    question_a = box(root, "model-diagram-layer", "data-layer", "question_a")
    question_b = box(root, "model-diagram-layer", "data-layer", "question_b")
    assert question_a["x"] + question_a["width"] < question_b["x"]
    layer_tops = [box(root, "model-diagram-layer", "data-layer", item["name"])["y"] for item in TWO_INPUTS["layers"]]
    assert question_a["y"] == question_b["y"] == min(layer_tops)
    outputs = [box(root, "model-diagram-output", "data-output", str(index)) for index in range(3)]
    assert [output["x"] for output in outputs] == sorted(output["x"] for output in outputs)
    assert all(output["y"] > max(layer_tops) for output in outputs)

    swapped = parse(model_diagram_svg({**TWO_INPUTS, "inputs": ["question_b", "question_a"]}))
    assert (
        box(swapped, "model-diagram-layer", "data-layer", "question_b")["x"]
        < box(swapped, "model-diagram-layer", "data-layer", "question_a")["x"]
    )


def test_rows_are_ordered_to_avoid_crossings():
    # Graph order lists embed_b before embed_a; under question_a and question_b they swap.
    root = parse(model_diagram_svg(TWO_INPUTS))
    assert (
        box(root, "model-diagram-layer", "data-layer", "embed_a")["x"]
        < box(root, "model-diagram-layer", "data-layer", "embed_b")["x"]
    )


def test_boxes_fit_their_text_and_do_not_overlap():
    wide = layer("a_rather_long_layer_name", "Dense", "(None, 4)", "(None, 123456789)")
    graph = {
        **TWO_INPUTS,
        "layers": [*TWO_INPUTS["layers"], wide],
        "edges": [*TWO_INPUTS["edges"], ["joined", wide["name"]]],
    }
    root = parse(model_diagram_svg(graph))
    rects = []
    for group in groups(root, "model-diagram-layer") + groups(root, "model-diagram-output"):
        rect = group.find(f"{SVG}rect")
        rects.append([float(rect.get(name)) for name in ("x", "y", "width", "height")])
        longest = max(len(text.text) for text in group.iter(f"{SVG}text"))
        assert rects[-1][2] == pytest.approx(longest * CHARACTER_WIDTH + 2 * BOX_PADDING_X, abs=0.05)
    for index, (x, y, width, height) in enumerate(rects):
        for other_x, other_y, other_width, other_height in rects[index + 1 :]:
            apart = (
                x + width <= other_x
                or other_x + other_width <= x
                or y + height <= other_y
                or other_y + other_height <= y
            )
            assert apart
    assert max(x + width for x, _, width, _ in rects) <= float(root.get("width"))


def test_the_same_graph_gives_the_same_bytes():
    first = model_diagram_svg(TWO_INPUTS)
    assert model_diagram_svg(copy.deepcopy(TWO_INPUTS)) == first
    assert model_diagram_svg(TWO_INPUTS) == first
    assert model_diagram_svg(TWO_INPUTS, id_prefix="second") != first  # the ids differ, on purpose


def test_ids_are_unique_per_prefix():
    svg = model_diagram_svg(TWO_INPUTS, id_prefix="diagram-7")
    ids = re.findall(r' id="([^"]+)"', svg)
    assert sorted(ids) == ["diagram-7-arrow", "diagram-7-desc", "diagram-7-title"]


def test_names_are_escaped():
    name = "a<b>&\"c'"
    graph = {
        "layers": [layer("in", "InputLayer"), layer(name, "Custom<T>", "(None, <4>)")],
        "edges": [["in", name]],
        "inputs": ["in"],
        "outputs": [name],
    }
    svg = model_diagram_svg(graph, title="Model <&>")
    assert "<b>" not in svg and "<T>" not in svg
    root = parse(svg)
    [group] = [group for group in groups(root, "model-diagram-layer") if group.get("data-layer") == name]
    assert [text.text for text in group.iter(f"{SVG}text")] == [name, "Custom<T>", "(None, <4>)"]
    assert edge_paths(root)[0].get("data-to") == name
    assert root.find(f"{SVG}title").text == "Model <&>"
    assert name in root.find(f"{SVG}desc").text


def test_a_layer_called_on_its_own_output_loops_back_into_itself():
    root = parse(model_diagram_svg(SEQUENTIAL_SHARED))
    paths = edge_paths(root)
    assert [(path.get("data-from"), path.get("data-to")) for path in paths] == [
        ("input_layer", "shared"),
        ("shared", "output 0"),
        ("shared", "shared"),
    ]
    assert "model-diagram-edge-returning" in paths[-1].get("class")
    shared = box(root, "model-diagram-layer", "data-layer", "shared")
    x, y = end_point(paths[-1])
    assert x == pytest.approx(shared["x"] + shared["width"], abs=0.05)  # back in through its right side
    assert float(root.get("width")) > shared["x"] + shared["width"] + 16  # with room for the loop


def test_older_graphs_name_layers_in_a_mapping():
    legacy = {
        "layers": {item["name"]: {"type": item["type"], "shapes": item["shapes"]} for item in TWO_INPUTS["layers"]},
        "edges": TWO_INPUTS["edges"],
        "outputs": TWO_INPUTS["outputs"],
    }
    root = parse(model_diagram_svg(legacy))
    assert len(groups(root, "model-diagram-layer")) == 6
    # Without "inputs", the layers nothing feeds are the inputs, in the mapping's order.
    assert "Inputs, left to right: question_b, question_a." in root.find(f"{SVG}desc").text


def test_a_graph_that_names_unknown_layers_is_an_error():
    with pytest.raises(ValueError, match="does not list: 'ghost'"):
        model_diagram_svg({**TWO_INPUTS, "outputs": ["ghost"]})


def test_every_model_graph_of_the_site_is_drawn_completely(cached_reports):
    graphs = [graph for report in cached_reports for graph in report["graphs"].values()]
    assert graphs
    for graph in graphs:
        root = parse(model_diagram_svg(graph))
        assert len(groups(root, "model-diagram-layer")) == len(graph["layers"])
        assert len(groups(root, "model-diagram-output")) == len(graph["outputs"])
        assert len(edge_paths(root)) == len(graph["edges"]) + len(graph["outputs"])
