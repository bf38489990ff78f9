"""The worker process: imports TensorFlow once, then runs snippets on request.

Protocol: one JSON request per line on stdin, one JSON reply per line on the
file descriptor that was stdout at start. File descriptor 1 itself is pointed
at stderr, so nothing a library prints from C++ can corrupt the replies.
Everything here is standard library plus TensorFlow and Keras; the worker is
started by path, not imported by the build.
"""

import base64
import faulthandler
import gc
import io
import itertools
import json
import os
import runpy
import signal
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

IMAGE_SUFFIXES = (".png", ".svg")


class SnippetCalledOsExit(BaseException):
    """Raised in place of os._exit, which would end the worker without a word."""


class OutputLimitExceeded(BaseException):
    """Raised from a write that takes the output past its limit. A BaseException, so that
    a snippet's own `except Exception` cannot swallow it and go on printing."""


class _Capture(io.StringIO):
    """Stands for stdout and stderr: one stream, in the order things were written."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        if self.written > self.limit:
            raise OutputLimitExceeded(f"the output passed {self.limit:,} characters")
        return super().write(text)

    @property
    def encoding(self):
        return "utf-8"

    def isatty(self):
        return False


def main() -> None:
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    faulthandler.enable(file=sys.stderr)
    # The parent sends SIGUSR1 before killing a snippet that ran out of time, so
    # that the stack (and the snippet's current line) lands in the worker's log.
    faulthandler.register(signal.SIGUSR1, file=sys.stderr, all_threads=True)

    import keras
    import numpy
    import tensorflow as tf

    tf.config.experimental.enable_op_determinism()
    # What the imports made lives as long as the worker: frozen (kept out of the garbage
    # collector's scans), it lets the full collection that clear_session runs before each snippet
    # take milliseconds instead of 0.2 s.
    gc.freeze()
    keras_defaults = _keras_settings(keras)
    versions = {
        "python": ".".join(map(str, sys.version_info[:3])),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": numpy.__version__,
    }
    _reply(replies, {"ready": True, "versions": versions})
    for line in sys.stdin:
        request = json.loads(line)
        _restore_keras_settings(keras, keras_defaults)
        keras.backend.clear_session()
        keras.utils.set_random_seed(request["seed"])
        report = run_snippet(Path(request["path"]), Path(request["local_root"]), request["output_limit"])
        _reply(replies, {**report, "versions": versions})


def run_snippet(path: Path, local_root: Path, output_limit: int) -> dict:
    """Run one snippet in a fresh namespace and a fresh working folder; report what happened."""
    capture = _Capture(output_limit)
    saved = (sys.stdout, sys.stderr, sys.argv, list(sys.path), os.getcwd(), os._exit)
    outcome: dict = {"status": "ok", "graphs": {}}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir, warnings.catch_warnings(record=True) as caught:
        sys.stdout = sys.stderr = capture
        sys.argv = [str(path)]
        sys.path.insert(0, str(path.parent))
        os.chdir(workdir)
        os._exit = _refuse_os_exit
        try:
            namespace = runpy.run_path(str(path), run_name="__main__")
            outcome["graphs"] = model_graphs(namespace)
        except BaseException as error:  # the snippet's own failures are the result, whatever they are
            outcome = {"status": _status_of(error), "exception": _describe(error, local_root), "graphs": {}}
        finally:
            sys.stdout, sys.stderr, sys.argv, sys.path[:], cwd, os._exit = saved
            os.chdir(cwd)
        images = _images_in(Path(workdir))
    _forget_local_modules(local_root)
    _close_figures()
    warning_lines = [_warning_line(warning) for warning in caught]
    excess = _excess(capture.written, warning_lines, images, output_limit)
    if excess:
        # Nothing of an output past its limit is kept: it is neither shown nor cached.
        # The line is the one that printed past the limit, when printing was the excess.
        line = outcome.get("exception", {}).get("line")
        return {
            "status": "too_much_output",
            "exception": {"type": "OutputLimitExceeded", "line": line, "text": "", "excess": excess},
            "output": "",
            "warnings": [],
            "images": {},
            "graphs": {},
        }
    return {
        **outcome,
        "output": capture.getvalue(),
        "warnings": warning_lines,
        "images": images,
        "seconds": round(time.perf_counter() - started, 3),
    }


def _excess(printed: int, warning_lines: list[str], images: dict[str, str], limit: int) -> str | None:
    """What passed the output limit, if anything: printed text, warnings or figures."""
    sizes = {
        "printed text": (printed, "characters"),
        "warnings": (sum(map(len, warning_lines)), "characters"),
        "figures": (sum(len(data) * 3 // 4 for data in images.values()), "bytes"),
    }
    for what, (size, unit) in sizes.items():
        if size > limit:
            return f"its {what} passed the limit of {limit:,} {unit}"
    return None


def model_graphs(namespace: dict) -> dict[str, dict]:
    """The layer graph of every built functional or Sequential model the snippet left in a variable."""
    from keras.src.models.functional import Functional
    from keras.src.models.model import Model

    graphs = {}
    for variable, value in namespace.items():
        if not isinstance(value, Model):
            continue
        functional = value if isinstance(value, Functional) else getattr(value, "_functional", None)
        if functional is not None:
            graphs[variable] = _layer_graph(functional)
    return graphs


def _layer_graph(functional) -> dict:
    """Layers in graph order (inputs first) with their types and output shapes, the edges
    between them (one per tensor a layer takes), and the model's inputs and outputs in the
    order the model declares them.

    Layers are a list, not a dict keyed by name: the cache stores JSON with sorted keys,
    and a dict would come back from it in another order than a fresh run gives.
    """
    layers: dict[str, dict] = {}
    edges = []
    for depth in sorted(functional._nodes_by_depth, reverse=True):
        for node in functional._nodes_by_depth[depth]:
            layer = node.operation
            shapes = layers.setdefault(layer.name, {"name": layer.name, "type": type(layer).__name__, "shapes": []})
            for tensor in node.outputs:
                shape = str(tuple(tensor.shape))
                if shape not in shapes["shapes"]:
                    shapes["shapes"].append(shape)
            # One edge per tensor passed: a layer that takes two outputs of one shared layer
            # (Subtract()([shared(a), shared(b)])) has two arrows from it.
            edges.extend([parent.operation.name, layer.name] for parent in node.parent_nodes)
    return {
        "layers": list(layers.values()),
        "edges": edges,
        **_declared_ends(functional),
    }


def _declared_ends(functional) -> dict:
    """The model's inputs and outputs in the order its author wrote them (Keras keeps dicts
    of them sorted by key), and for dict outputs their keys, which the diagram shows."""
    from keras import tree

    def names(tensors) -> list[str]:
        flat = list(tensors.values()) if isinstance(tensors, dict) else tree.flatten(tensors)
        return [tensor._keras_history.operation.name for tensor in flat]

    ends = {"inputs": names(functional._inputs_struct), "outputs": names(functional._outputs_struct)}
    if isinstance(functional._outputs_struct, dict):
        ends["output_labels"] = list(functional._outputs_struct)
    return ends


def _refuse_os_exit(code=0):
    raise SnippetCalledOsExit(f"os._exit({code}) was called")


def _status_of(error: BaseException) -> str:
    if isinstance(error, (SystemExit, SnippetCalledOsExit)):
        return "exited"
    return "raised"


def _describe(error: BaseException, local_root: Path) -> dict:
    """The error as a reader would read it: the snippet's own frames, then the message.

    Frames inside Keras and TensorFlow are counted, not printed: they say nothing
    about the snippet, and their paths differ from one machine to the next.
    """
    frames = traceback.extract_tb(error.__traceback__)
    local_frames = [frame for frame in frames if Path(frame.filename).is_relative_to(local_root)]
    shown = []
    if local_frames:
        shown.append("Traceback (most recent call last):\n")
        groups = itertools.groupby(frames, key=lambda frame: frame in local_frames)
        for is_local, group in groups:
            group = list(group)
            if is_local:
                shown.extend(traceback.format_list(group))
            else:
                shown.append(f"  [{len(group)} {'frame' if len(group) == 1 else 'frames'} inside installed packages]\n")
        if shown[1].startswith("  ["):
            del shown[1]  # the frames of runpy that started the snippet, not the reader's concern
    return {
        "type": type(error).__name__,
        "qualified_type": f"{type(error).__module__}.{type(error).__qualname__}",
        "line": local_frames[-1].lineno if local_frames else getattr(error, "lineno", None),
        "text": "".join(shown) + _exception_lines(error),
    }


def _exception_lines(error: BaseException) -> str:
    """The exception's last lines exactly as Python prints them.

    Python 3.11 adds hints such as "Did you mean: 'input'?" only when it prints
    an exception itself, not in traceback.format_exception_only, so let it print.
    """
    error.__traceback__ = error.__cause__ = error.__context__ = None
    printed = io.StringIO()
    saved, sys.stderr = sys.stderr, printed
    try:
        sys.__excepthook__(type(error), error, None)
    finally:
        sys.stderr = saved
    return printed.getvalue()


def _warning_line(warning: warnings.WarningMessage) -> str:
    """A warning as Python's default format starts it: file:line: Category: message."""
    return f"{warning.filename}:{warning.lineno}: {warning.category.__name__}: {warning.message}"


def _images_in(folder: Path) -> dict[str, str]:
    return {
        image.name: base64.b64encode(image.read_bytes()).decode("ascii")
        for image in sorted(folder.iterdir())
        if image.suffix.lower() in IMAGE_SUFFIXES and image.is_file()
    }


def _forget_local_modules(local_root: Path) -> None:
    """Unload modules imported from snippets/, so an edited helper module is read again."""
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None)
        if filename and Path(filename).is_relative_to(local_root):
            del sys.modules[name]


def _close_figures() -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


def _keras_settings(keras) -> dict:
    return {
        "floatx": keras.config.floatx(),
        "epsilon": keras.config.epsilon(),
        "image_data_format": keras.config.image_data_format(),
        "dtype_policy": keras.config.dtype_policy().name,
    }


def _restore_keras_settings(keras, settings: dict) -> None:
    """Undo what an earlier snippet may have changed in Keras's global configuration."""
    keras.config.set_floatx(settings["floatx"])
    keras.config.set_epsilon(settings["epsilon"])
    keras.config.set_image_data_format(settings["image_data_format"])
    keras.config.set_dtype_policy(settings["dtype_policy"])
    keras.config.enable_traceback_filtering()


def _reply(stream, message: dict) -> None:
    stream.write(json.dumps(message) + "\n")
    stream.flush()


if __name__ == "__main__":
    main()
