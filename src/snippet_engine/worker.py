"""The build's side of the worker: start it, send it snippets, survive its death.

A pool of workers serves a build, one process per snippet running at once,
and under `mkdocs serve` it outlives each rebuild (it is kept in this module,
which MkDocs does not reload), so an edit does not pay for importing
TensorFlow again. Workers start on the first snippet that is not cached (a
build with nothing to run starts none), or ahead of time when asked.
"""

import json
import logging
import os
import queue
import re
import selectors
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .settings import EngineSettings

log = logging.getLogger("mkdocs.hooks.snippets")
WORKER_SCRIPT = Path(__file__).resolve().parent / "worker_main.py"
# Start-up imports TensorFlow, slow on a busy machine but never this slow.
START_TIMEOUT = 300
# Variables that make libraries print differently from one machine to the next.
UNSET_VARIABLES = (
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "PYTHONWARNINGS",
    "LINES",
)


class WorkerFailure(Exception):
    """The worker could not answer for a snippet: it died, hung or never started."""

    def __init__(self, message: str, line: int | None = None, log_tail: str = ""):
        super().__init__(message)
        self.line = line
        self.log_tail = log_tail


@dataclass(frozen=True)
class WorkerSettings:
    console_width: int
    keras_home: Path
    python: str

    @classmethod
    def of(cls, settings: EngineSettings) -> "WorkerSettings":
        # Keras writes its config here, beside the snippet cache, not in the reader's home.
        return cls(settings.console_width, settings.cache_dir.parent / "keras-home", settings.python)

    def environment(self) -> dict[str, str]:
        environment = {name: value for name, value in os.environ.items() if name not in UNSET_VARIABLES}
        environment.update(
            # rich and shutil.get_terminal_size read COLUMNS: it fixes the width of summaries.
            COLUMNS=str(self.console_width),
            PYTHONHASHSEED="0",
            PYTHONUNBUFFERED="1",
            PYTHONIOENCODING="utf-8",
            TF_CPP_MIN_LOG_LEVEL="2",
            # oneDNN picks kernels by CPU model; off, two machines compute the same floats.
            TF_ENABLE_ONEDNN_OPTS="0",
            CUDA_VISIBLE_DEVICES="",
            KERAS_BACKEND="tensorflow",
            KERAS_HOME=str(self.keras_home),
            MPLBACKEND="Agg",
        )
        return environment


class Worker:
    """One worker process and the pipes to talk to it."""

    def __init__(self, settings: WorkerSettings):
        self.settings = settings
        # Open for the worker's whole life (closed by stop): its stderr, read back on failures.
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")  # noqa: SIM115
        try:
            self.process = subprocess.Popen(
                [settings.python, str(WORKER_SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.log,
                env=settings.environment(),
                text=True,
                encoding="utf-8",
                start_new_session=True,
            )
        except OSError as error:  # the python setting names no Python that can be run
            self.log.close()
            raise WorkerFailure(f"the worker could not start {settings.python}: {error.strerror}") from None
        started = time.perf_counter()
        ready = self._read_reply(START_TIMEOUT, snippet=None)
        self.versions: dict[str, str] = ready["versions"]
        log.info(
            "Snippet worker started: TensorFlow %s imported in %.1f s",
            self.versions["tensorflow"],
            time.perf_counter() - started,
        )

    def run(self, path: Path, local_root: Path, seed: int, timeout: float, output_limit: int) -> dict:
        """The worker's report on one snippet; WorkerFailure if it died or ran out of time."""
        request = {"path": str(path), "local_root": str(local_root), "seed": seed, "output_limit": output_limit}
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise self._death(path) from None
        return self._read_reply(timeout, snippet=path)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def _read_reply(self, timeout: float, snippet: Path | None) -> dict:
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                raise self._timeout(snippet, timeout)
        line = self.process.stdout.readline()
        if not line:
            raise self._death(snippet)
        return json.loads(line)

    def _timeout(self, snippet: Path | None, timeout: float) -> WorkerFailure:
        os.kill(self.process.pid, signal.SIGUSR1)  # faulthandler writes the stack to the log
        time.sleep(0.5)
        log = self._log_text()
        self.stop()
        what = "the worker did not start" if snippet is None else "the snippet ran past its time limit"
        return WorkerFailure(
            f"{what} of {timeout:g} s (set SNIPPETS_TIMEOUT or extra.snippet_execution.timeout in mkdocs.yml)",
            line=_current_line(log, snippet),
            log_tail=_tail(log),
        )

    def _death(self, snippet: Path | None) -> WorkerFailure:
        code = self.process.wait()
        log = self._log_text()
        self.log.close()
        if code < 0:
            cause = f"killed by {signal.Signals(-code).name}"
            if -code == signal.SIGKILL:
                cause += " (often: out of memory)"
        else:
            cause = f"exited with code {code}"
        return WorkerFailure(f"the worker process died, {cause}", line=_current_line(log, snippet), log_tail=_tail(log))

    def _log_text(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()


def _current_line(log: str, snippet: Path | None) -> int | None:
    """The snippet's line in the last stack that faulthandler wrote, if any."""
    if snippet is None:
        return None
    lines = re.findall(rf'File "{re.escape(str(snippet))}", line (\d+)', log)
    return int(lines[0]) if lines else None


def _tail(log: str, count: int = 12) -> str:
    return "\n".join(log.strip().splitlines()[-count:])


class WorkerPool:
    """Idle workers, kept between builds, and as many new ones as the callers need.

    Callers run snippets from as many threads as they want processes; each call
    takes an idle worker or starts one, and gives it back unless it died or was
    stopped for running out of time.
    """

    def __init__(self, settings: WorkerSettings):
        self.settings = settings
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._all: list[Worker] = []
        self._warming = 0  # warm-ups still starting
        self._lock = threading.Lock()

    def run(self, path: Path, local_root: Path, seed: int, timeout: float, output_limit: int) -> dict:
        worker = self._take()
        try:
            return worker.run(path, local_root, seed, timeout, output_limit)
        finally:
            if worker.alive():
                self._idle.put(worker)

    def warm_up(self, count: int) -> None:
        """Start workers in the background, so the first snippet to run finds one ready."""
        with self._lock:
            missing = max(0, count - len(self._all) - self._warming)
            self._warming += missing
        for _ in range(missing):
            threading.Thread(target=self._start_idle, daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()

    def _take(self) -> Worker:
        while True:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
            with self._lock:
                warming = self._warming
            if not warming:
                return self._start()
            time.sleep(0.1)  # waiting for a worker that is half started beats starting one more

    def _start(self) -> Worker:
        worker = Worker(self.settings)
        with self._lock:
            self._all.append(worker)
        return worker

    def _start_idle(self) -> None:
        try:
            self._idle.put(self._start())
        except WorkerFailure as failure:
            log.warning("A snippet worker could not start ahead of time: %s", failure)
        finally:
            with self._lock:
                self._warming -= 1


_shared: WorkerPool | None = None


def shared_pool(settings: WorkerSettings) -> WorkerPool:
    """The pool kept between builds; a new one when the settings changed."""
    global _shared
    if _shared is not None and _shared.settings != settings:
        _shared.stop()
        _shared = None
    if _shared is None:
        _shared = WorkerPool(settings)
    return _shared


def stop_shared_pool() -> None:
    global _shared
    if _shared is not None:
        _shared.stop()
        _shared = None
