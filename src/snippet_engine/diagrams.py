"""Mermaid flowcharts of models, from the layer graphs the worker read off the real objects."""

import html


def mermaid_flowchart(graph: dict) -> str:
    """Top-down flowchart: one box per layer (name, type, output shape), one arrow per connection,
    and a rounded box per model output, so two outputs from one layer show as two arrows."""
    ids = {layer["name"]: f"layer{index}" for index, layer in enumerate(graph["layers"])}
    lines = ["flowchart TD"]
    for layer in graph["layers"]:
        label = "<br/>".join([f"<b>{_text(layer['name'])}</b>", _text(layer["type"]), *map(_text, layer["shapes"])])
        lines.append(f'    {ids[layer["name"]]}["{label}"]')
    lines.extend(f"    {ids[source]} --> {ids[target]}" for source, target in graph["edges"])
    for index, name in enumerate(graph["outputs"]):
        lines.append(f'    output{index}(["output {index}"])')
        lines.append(f"    {ids[name]} --> output{index}")
    return "\n".join(lines)


def _text(value: str) -> str:
    # Mermaid labels are HTML inside double quotes: escape both.
    return html.escape(value, quote=True)
