"""Model diagrams drawn at build time as inline SVG, from the layer graphs the worker read off the real models.

The drawing needs no JavaScript: a layered layout computed here, top to bottom.

1. Rows: every layer sits one row below the lowest layer feeding it (longest path), so the model's
   inputs share the top row, in the order the model declares them. One small rounded box per model
   output ("output 0", "output 1", ... or "model output" for the only one) sits on an extra bottom row, in the model's
   output order.
2. An edge that spans several rows passes through a "bend" on each row between, so it can be routed
   around the boxes and counts when the rows are ordered.
3. Order within a row: barycenter sweeps, down then up, keeping the order with the fewest crossings.
   The first and last rows keep the declared order.
4. Positions: each node is pulled toward the mean position of its neighbours in the next row, and the
   row keeps its order and spacing (the closest such placement, found by pool-adjacent-violators).

Everything runs in the order of the input lists, ties keep the earlier order, and numbers are printed
rounded: the same graph gives the same bytes.

Text is measured by counting characters: the site's code font, JetBrains Mono, advances 0.6 em per
character (two for East Asian wide characters), in bold too.
"""

from __future__ import annotations

import hashlib
import html
import json
import unicodedata
from collections.abc import Hashable
from dataclasses import dataclass

from .wording import ENGLISH, Wording

FONT_SIZE = 13  # px, close to Material's code blocks, so a diagram shown at its own width reads like the code
CHARACTER_WIDTH = 0.6 * FONT_SIZE
LINE_HEIGHT = 1.4 * FONT_SIZE
BOX_PADDING_X = 10
BOX_PADDING_Y = 7
NODE_GAP = 24  # between neighbours in a row
ROW_GAP = 40  # between rows: room for the curves and the arrowheads
BEND_WIDTH = 6  # a bend is a point, but edges passing side by side need some room
MARGIN = 6
LOOP_REACH = 32  # how far an edge back up bulges out to the right of its boxes
# Below this share of its own width the text would be too small to read (13 px * 0.65 = 8.5 px): the
# diagram stops shrinking there and its container scrolls sideways instead.
SMALLEST_SCALE = 0.65
ORDERING_SWEEPS = 6
PLACEMENT_SWEEPS = 8

STYLE = f"""\
.model-diagram{{font-family:var(--md-code-font-family,"JetBrains Mono",monospace);font-size:{FONT_SIZE}px}}
.model-diagram .model-diagram-box{{fill:var(--md-code-bg-color,transparent);stroke:currentColor;stroke-width:1.2}}
.model-diagram text{{fill:currentColor}}
.model-diagram .model-diagram-name{{font-weight:bold}}
.model-diagram .model-diagram-edge{{fill:none;stroke:currentColor;stroke-width:1.2}}
.model-diagram .model-diagram-arrowhead{{fill:currentColor}}"""


@dataclass(frozen=True)
class _Layer:
    name: str
    type: str
    shapes: tuple[str, ...]


@dataclass(frozen=True)
class _Graph:
    layers: tuple[_Layer, ...]
    edges: tuple[tuple[str, str], ...]
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    # What each output's box says: its key for a model with dict outputs, else "output N"
    # ("model output" for a model with one: a layer may well be named "output").
    output_labels: tuple[str, ...]
    # The graph is one of layers, not of calls, so a layer called again on its own output
    # (Sequential([shared, shared])) or after later layers closes a loop. Such edges are drawn
    # apart, back up; the others go down the rows.
    downward_edges: tuple[tuple[str, str], ...]
    returning_edges: tuple[tuple[str, str], ...]


@dataclass
class _Node:
    """A box (a layer or a model output) or a bend of a long edge, placed on a row."""

    key: Hashable
    row: int
    lines: tuple[str, ...] = ()  # the text of a box; a bend has none
    width: float = BEND_WIDTH
    height: float = 0.0
    x: float = 0.0  # centre
    y: float = 0.0  # top

    @property
    def is_bend(self) -> bool:
        return not self.lines


def model_diagram_svg(
    graph: dict, *, id_prefix: str | None = None, title: str | None = None, words: Wording = ENGLISH
) -> str:
    """The model's diagram as an inline <svg> element.

    graph: {"layers": [{"name", "type", "shapes"}, ...] in graph order, "edges": [[source, target], ...],
    "inputs": [names in declared order], "outputs": [names in model output order]}. "layers" may also be
    the older mapping of name to {"type", "shapes"}, and without "inputs" the layers nothing feeds are
    the inputs, in layer order.

    id_prefix makes the ids inside the drawing (arrowhead, title, description) unique on a page that
    holds several diagrams; by default it is derived from the graph, so it is stable from build to build.
    `words` gives the language of the drawing's title, its description and unnamed outputs' labels.
    """
    model = _read_graph(graph, words)
    prefix = id_prefix or "model-diagram-" + hashlib.sha256(json.dumps(graph).encode()).hexdigest()[:10]
    nodes, chains = _nodes_and_chains(model)
    rows = _ordered_rows(nodes, chains, model.inputs)
    _place(rows, chains)
    return _draw(model, rows, chains, prefix, title or _default_title(model, words), _description(model, words))


# Reading the graph


def _read_graph(graph: dict, words: Wording) -> _Graph:
    raw_layers = graph["layers"]
    if isinstance(raw_layers, dict):
        raw_layers = [{"name": name, **layer} for name, layer in raw_layers.items()]
    layers = tuple(_Layer(str(item["name"]), str(item["type"]), tuple(map(str, item["shapes"]))) for item in raw_layers)
    names = [layer.name for layer in layers]
    if len(set(names)) != len(names):
        raise ValueError(f"layer names repeat in the graph: {names}")
    edges = tuple((str(source), str(target)) for source, target in graph["edges"])
    fed = {target for _, target in edges}
    inputs = tuple(graph.get("inputs") or [name for name in names if name not in fed])
    outputs = tuple(graph["outputs"])
    for name in [name for edge in edges for name in edge] + list(inputs) + list(outputs):
        if name not in names:
            raise ValueError(f"the graph names a layer it does not list: {name!r}")
    if fed & set(inputs):
        raise ValueError(f"an input is fed by another layer: {sorted(fed & set(inputs))}")
    returning = _loop_closing_edges(names, edges, inputs)
    downward = tuple(edge for index, edge in enumerate(edges) if index not in returning)
    upward = tuple(edge for index, edge in enumerate(edges) if index in returning)
    if len(outputs) == 1:
        unnamed = [words.only_output_label]
    else:
        unnamed = [words.output_label.format(index=index) for index in range(len(outputs))]
    labels = tuple(map(str, graph.get("output_labels") or unnamed))
    if len(labels) != len(outputs):
        raise ValueError(f"{len(labels)} output labels for {len(outputs)} outputs")
    return _Graph(layers, edges, inputs, outputs, labels, downward, upward)


def _loop_closing_edges(names: list[str], edges: tuple[tuple[str, str], ...], inputs: tuple[str, ...]) -> set[int]:
    """Indexes of the edges that close a loop, found by a depth-first walk from the inputs in
    declared order, following edges in their given order: those leading back to a layer still open."""
    successors: dict[str, list[tuple[int, str]]] = {name: [] for name in names}
    for index, (source, target) in enumerate(edges):
        successors[source].append((index, target))
    open_, done, closing = set(), set(), set()
    for root in [*inputs, *names]:
        if root in open_ or root in done:
            continue
        open_.add(root)
        stack = [(root, iter(successors[root]))]
        while stack:
            name, remaining = stack[-1]
            step = next(remaining, None)
            if step is None:
                stack.pop()
                open_.discard(name)
                done.add(name)
                continue
            index, target = step
            if target in open_:
                closing.add(index)
            elif target not in done:
                open_.add(target)
                stack.append((target, iter(successors[target])))
    return closing


# Rows and bends


def _nodes_and_chains(model: _Graph) -> tuple[dict[Hashable, _Node], list[list[Hashable]]]:
    """Every node by key, and every edge (model outputs included) as the chain of nodes it passes."""
    rows = _longest_path_rows(model)
    nodes: dict[Hashable, _Node] = {}
    for layer in model.layers:
        nodes[("layer", layer.name)] = _box(
            ("layer", layer.name), rows[layer.name], (layer.name, layer.type, *layer.shapes)
        )
    output_row = max(rows.values(), default=-1) + 1
    for index in range(len(model.outputs)):
        nodes[("output", index)] = _box(("output", index), output_row, (model.output_labels[index],))

    links = [(("layer", source), ("layer", target)) for source, target in model.downward_edges]
    links += [(("layer", name), ("output", index)) for index, name in enumerate(model.outputs)]
    chains = []
    for number, (source, target) in enumerate(links):
        chain = [source]
        for row in range(nodes[source].row + 1, nodes[target].row):
            bend = ("bend", number, row)
            nodes[bend] = _Node(bend, row)
            chain.append(bend)
        chain.append(target)
        chains.append(chain)
    return nodes, chains


def _box(key: Hashable, row: int, lines: tuple[str, ...]) -> _Node:
    width = max(_text_width(line) for line in lines) + 2 * BOX_PADDING_X
    return _Node(key, row, lines, width, len(lines) * LINE_HEIGHT + 2 * BOX_PADDING_Y)


def _text_width(text: str) -> float:
    cells = sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
    return cells * CHARACTER_WIDTH


def _longest_path_rows(model: _Graph) -> dict[str, int]:
    """Each layer's row: one below the lowest of the layers feeding it (downward edges), inputs on row 0."""
    feeders: dict[str, list[str]] = {layer.name: [] for layer in model.layers}
    for source, target in model.downward_edges:
        feeders[target].append(source)
    rows: dict[str, int] = {}
    waiting = [layer.name for layer in model.layers]
    while waiting:
        ready = [name for name in waiting if all(feeder in rows for feeder in feeders[name])]
        if not ready:  # cannot happen once the loop-closing edges are set apart; never spin
            raise ValueError(f"the layers {waiting} feed each other in a loop")
        for name in ready:
            rows[name] = max((rows[feeder] + 1 for feeder in feeders[name]), default=0)
        waiting = [name for name in waiting if name not in rows]
    return rows


# Order within rows


def _ordered_rows(
    nodes: dict[Hashable, _Node], chains: list[list[Hashable]], inputs: tuple[str, ...]
) -> list[list[_Node]]:
    """The nodes of each row, left to right. The first row (inputs, in declared order) and the last
    (outputs, in output order) stay as they are; the rows between are sorted to cross fewer edges."""
    rows: list[list[_Node]] = [[] for _ in range(max((node.row for node in nodes.values()), default=-1) + 1)]
    for node in nodes.values():  # layers in graph order, then outputs, then bends: a sensible first order
        rows[node.row].append(node)
    if rows:
        declared = {("layer", name): index for index, name in enumerate(inputs)}
        rows[0].sort(key=lambda node: declared.get(node.key, len(declared)))  # stable: the rest keep graph order
    segments = _segments(chains)
    row_of = {node.key: node.row for node in nodes.values()}
    best, fewest = [list(row) for row in rows], _crossings(rows, segments, row_of)
    for _ in range(ORDERING_SWEEPS):
        for index in range(1, len(rows) - 1):
            _sort_by_barycenter(rows[index], rows[index - 1], segments, upward=False)
        for index in range(len(rows) - 2, 0, -1):
            _sort_by_barycenter(rows[index], rows[index + 1], segments, upward=True)
        crossings = _crossings(rows, segments, row_of)
        if crossings < fewest:
            best, fewest = [list(row) for row in rows], crossings
    return best


def _segments(chains: list[list[Hashable]]) -> list[tuple[Hashable, Hashable]]:
    """Every edge piece between two consecutive rows, as (upper node, lower node)."""
    return [(chain[index], chain[index + 1]) for chain in chains for index in range(len(chain) - 1)]


def _sort_by_barycenter(
    row: list[_Node], reference: list[_Node], segments: list[tuple[Hashable, Hashable]], upward: bool
) -> None:
    """Reorder a row by the mean position of each node's neighbours in the reference row (stable)."""
    positions = {node.key: index for index, node in enumerate(reference)}
    neighbours: dict[Hashable, list[int]] = {node.key: [] for node in row}
    for upper, lower in segments:
        near, far = (upper, lower) if upward else (lower, upper)
        if near in neighbours and far in positions:
            neighbours[near].append(positions[far])

    def barycenter(item: tuple[int, _Node]) -> float:
        index, node = item
        found = neighbours[node.key]
        # A node with no neighbours there keeps its place, scaled to the reference row's length.
        return sum(found) / len(found) if found else index * len(reference) / max(len(row), 1)

    row[:] = [node for _, node in sorted(enumerate(row), key=barycenter)]


def _crossings(rows: list[list[_Node]], segments: list[tuple[Hashable, Hashable]], row_of: dict[Hashable, int]) -> int:
    """How many pairs of edge pieces between the same two rows cross."""
    position = {node.key: index for row in rows for index, node in enumerate(row)}
    count = 0
    for first, (upper_a, lower_a) in enumerate(segments):
        for upper_b, lower_b in segments[first + 1 :]:
            if row_of[upper_a] != row_of[upper_b]:
                continue
            if (position[upper_a] - position[upper_b]) * (position[lower_a] - position[lower_b]) < 0:
                count += 1
    return count


# Positions


def _place(rows: list[list[_Node]], chains: list[list[Hashable]]) -> None:
    """Set every node's x (centre) and y (top)."""
    segments = _segments(chains)
    by_key = {node.key: node for row in rows for node in row}
    above: dict[Hashable, list[_Node]] = {key: [] for key in by_key}
    below: dict[Hashable, list[_Node]] = {key: [] for key in by_key}
    for upper, lower in segments:
        below[upper].append(by_key[lower])
        above[lower].append(by_key[upper])

    widest = max((_row_width(row) for row in rows), default=0.0)
    for row in rows:  # start packed and centred under each other
        _pack(
            row,
            [
                (widest - _row_width(row)) / 2 + _row_width(row[:index]) + node.width / 2
                for index, node in enumerate(row)
            ],
        )
    for _ in range(PLACEMENT_SWEEPS):
        for row in rows[1:]:
            _pull_toward(row, above)
        for row in reversed(rows[:-1]):
            _pull_toward(row, below)

    left = min((node.x - node.width / 2 for row in rows for node in row), default=0.0)
    top = MARGIN
    for row in rows:
        height = max(node.height for node in row)
        for node in row:
            node.x += MARGIN - left
            node.y = top + (height - node.height) / 2  # boxes centred on their row; bends span it
            if node.is_bend:
                node.height = height
                node.y = top
        top += height + ROW_GAP


def _row_width(row: list[_Node]) -> float:
    return sum(node.width for node in row) + NODE_GAP * max(len(row) - 1, 0)


def _pull_toward(row: list[_Node], neighbours: dict[Hashable, list[_Node]]) -> None:
    wanted = []
    for node in row:
        centres = [neighbour.x for neighbour in neighbours[node.key]]
        wanted.append(sum(centres) / len(centres) if centres else node.x)
    _pack(row, wanted)


def _pack(row: list[_Node], wanted: list[float]) -> None:
    """Place the row's nodes as close to the wanted centres as their order and spacing allow.

    With offsets o[i] = the least distance from the first centre to centre i, the placement x[i] =
    y[i] + o[i] needs y non-decreasing: the closest such y (least squares) is the isotonic regression
    of wanted[i] - o[i], which pool-adjacent-violators finds in one pass.
    """
    offsets = [0.0]
    for left, right in zip(row, row[1:], strict=False):
        offsets.append(offsets[-1] + (left.width + right.width) / 2 + _gap(left, right))
    blocks: list[list[float]] = []  # [mean, count] of pooled neighbours
    for target, offset in zip(wanted, offsets, strict=True):
        blocks.append([target - offset, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [
                (blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                blocks[-1][1] + count,
            ]
    shifts = [mean for mean, count in blocks for _ in range(int(count))]
    for node, shift, offset in zip(row, shifts, offsets, strict=True):
        node.x = shift + offset


def _gap(left: _Node, right: _Node) -> float:
    # Edges passing through side by side may run close; boxes keep their distance.
    return BEND_WIDTH if left.is_bend and right.is_bend else NODE_GAP


# Drawing


def _draw(
    model: _Graph, rows: list[list[_Node]], chains: list[list[Hashable]], prefix: str, title: str, description: str
) -> str:
    nodes = [node for row in rows for node in row]
    by_key = {node.key: node for node in nodes}
    returning = [(by_key[("layer", source)], by_key[("layer", target)]) for source, target in model.returning_edges]
    loop_sides = [node.x + node.width / 2 + LOOP_REACH for pair in returning for node in pair]
    width = max([node.x + node.width / 2 for node in nodes] + loop_sides, default=0.0) + MARGIN
    height = max((node.y + node.height for node in nodes), default=0.0) + MARGIN
    ports = _ports(by_key, _segments(chains))
    ids = {name: f"{prefix}-{name}" for name in ("title", "desc", "arrow")}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="model-diagram" role="img"'
        f' aria-labelledby="{_attribute(ids["title"])} {_attribute(ids["desc"])}"'
        f' viewBox="0 0 {_number(width)} {_number(height)}" width="{_number(width)}" height="{_number(height)}"'
        # Full size where it fits; narrower containers shrink it down to SMALLEST_SCALE, then scroll.
        f' style="max-width:100%;height:auto;min-width:{_number(width * SMALLEST_SCALE)}px">',
        f'<title id="{_attribute(ids["title"])}">{_text(title)}</title>',
        f'<desc id="{_attribute(ids["desc"])}">{_text(description)}</desc>',
        f"<style>{STYLE}</style>",
        f'<defs><marker id="{_attribute(ids["arrow"])}" viewBox="0 0 10 10" refX="10" refY="5"'
        ' markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path class="model-diagram-arrowhead" d="M0,1 L10,5 L0,9 z"/></marker></defs>',
        '<g class="model-diagram-edges">',
    ]
    first_piece = 0
    for chain in chains:
        path = _edge_path(chain, by_key, ports, first_piece)
        first_piece += len(chain) - 1
        ends = f'data-from="{_attribute(_label(chain[0]))}" data-to="{_attribute(_label(chain[-1]))}"'
        parts.append(
            f'<path class="model-diagram-edge" {ends} d="{path}" marker-end="url(#{_attribute(ids["arrow"])})"/>'
        )
    for source, target in returning:
        parts.append(
            f'<path class="model-diagram-edge model-diagram-edge-returning" data-from="{_attribute(source.key[1])}"'
            f' data-to="{_attribute(target.key[1])}" d="{_returning_path(source, target)}"'
            f' marker-end="url(#{_attribute(ids["arrow"])})"/>'
        )
    parts.append("</g>")
    parts.append('<g class="model-diagram-nodes">')
    parts.extend(_box_markup(node) for node in nodes if not node.is_bend)
    parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def _label(key: Hashable) -> str:
    kind, name = key[0], key[1]
    return f"output {name}" if kind == "output" else str(name)


def _ports(by_key: dict[Hashable, _Node], segments: list[tuple[Hashable, Hashable]]) -> dict[tuple[str, int], float]:
    """Where each edge piece leaves its upper node ("out", piece) and enters its lower one ("in", piece).

    Several edges at one box spread along its side, ordered by where they come from or go to,
    so that they neither merge nor cross at the box.
    """
    leaving: dict[Hashable, list[int]] = {}
    entering: dict[Hashable, list[int]] = {}
    for number, (upper, lower) in enumerate(segments):
        leaving.setdefault(upper, []).append(number)
        entering.setdefault(lower, []).append(number)
    ports: dict[tuple[str, int], float] = {}
    for side, pieces_by_node, other_end in (("out", leaving, 1), ("in", entering, 0)):
        for key, numbers in pieces_by_node.items():
            node = by_key[key]
            numbers = sorted(numbers, key=lambda number: (by_key[segments[number][other_end]].x, number))
            room = node.width - 2 * BOX_PADDING_X if not node.is_bend else 0.0
            spacing = min(12.0, room / max(len(numbers) - 1, 1))
            for index, number in enumerate(numbers):
                ports[(side, number)] = node.x + (index - (len(numbers) - 1) / 2) * spacing
    return ports


def _edge_path(
    chain: list[Hashable], by_key: dict[Hashable, _Node], ports: dict[tuple[str, int], float], first_piece: int
) -> str:
    """Smooth vertical S-curves from row to row, straight down through each bend."""
    source = by_key[chain[0]]
    x, y = ports[("out", first_piece)], source.y + source.height
    commands = [f"M{_number(x)},{_number(y)}"]
    for piece, key in enumerate(chain[1:], start=first_piece):
        node = by_key[key]
        end_x = node.x if node.is_bend else ports[("in", piece)]
        middle = (y + node.y) / 2
        commands.append(
            f"C{_number(x)},{_number(middle)} {_number(end_x)},{_number(middle)} {_number(end_x)},{_number(node.y)}"
        )
        x, y = end_x, node.y
        if node.is_bend:
            y = node.y + node.height
            commands.append(f"L{_number(x)},{_number(y)}")
    return " ".join(commands)


def _returning_path(source: _Node, target: _Node) -> str:
    """An edge back up (or into the same box): out of the source's right side, around, into the target's."""
    start_x, end_x = source.x + source.width / 2, target.x + target.width / 2
    start_y = source.y + source.height * (2 / 3 if source is target else 1 / 2)
    end_y = target.y + target.height * (1 / 3 if source is target else 1 / 2)
    reach = max(start_x, end_x) + LOOP_REACH
    return (
        f"M{_number(start_x)},{_number(start_y)} C{_number(reach)},{_number(start_y)}"
        f" {_number(reach)},{_number(end_y)} {_number(end_x)},{_number(end_y)}"
    )


def _box_markup(node: _Node) -> str:
    left, top = node.x - node.width / 2, node.y
    kind, name = node.key[0], node.key[1]
    if kind == "output":
        group = f'<g class="model-diagram-output" data-output="{name}">'
        corner = node.height / 2  # a pill, as the Mermaid diagrams drew outputs
    else:
        group = f'<g class="model-diagram-layer" data-layer="{_attribute(name)}">'
        corner = 4
    parts = [
        group,
        f'<rect class="model-diagram-box" x="{_number(left)}" y="{_number(top)}" width="{_number(node.width)}"'
        f' height="{_number(node.height)}" rx="{_number(corner)}"/>',
    ]
    for index, line in enumerate(node.lines):
        # The layer's name is its title; an output box's only line is a name too.
        css_class = ' class="model-diagram-name"' if index == 0 and kind == "layer" else ""
        baseline = top + BOX_PADDING_Y + index * LINE_HEIGHT + 0.75 * LINE_HEIGHT
        parts.append(
            f'<text{css_class} x="{_number(node.x)}" y="{_number(baseline)}" text-anchor="middle">{_text(line)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


# Words


def _default_title(model: _Graph, words: Wording) -> str:
    counts = {
        "inputs": words.count(len(model.inputs), "input"),
        "layers": words.count(len(model.layers), "layer"),
        "outputs": words.count(len(model.outputs), "output"),
    }
    return words.diagram_title.format(**counts)


def _description(model: _Graph, words: Wording) -> str:
    """The diagram in words, for readers who cannot see it: each layer, what feeds it, the outputs."""
    feeders: dict[str, list[str]] = {layer.name: [] for layer in model.layers}
    for source, target in model.edges:
        feeders[target].append(source)
    sentences = [words.inputs_in_order.format(names=", ".join(model.inputs)) if model.inputs else words.no_inputs]
    # The inputs first, left to right as drawn (Keras may list them in another order), then the
    # other layers in the order of the graph.
    declared = {name: index for index, name in enumerate(model.inputs)}
    for layer in sorted(model.layers, key=lambda layer: declared.get(layer.name, len(declared))):
        shapes = words.shapes_joiner.join(layer.shapes) or words.unknown_shape
        fed_by = feeders[layer.name]
        role = words.takes.format(names=", ".join(fed_by)) if fed_by else words.is_input
        sentences.append(words.layer_sentence.format(layer=layer.name, kind=layer.type, shapes=shapes, role=role))
    for label, name in zip(model.output_labels, model.outputs, strict=True):
        sentences.append(words.output_is.format(label=label, name=name))
    return " ".join(sentences)


def _number(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text(value: str) -> str:
    # XML 1.0 cannot hold most control characters, even escaped.
    printable = "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in value)
    return html.escape(printable, quote=False)


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")
