"""The build's side of the worker: start it, send it snippets, survive its death.

One worker serves a whole build, and under `mkdocs serve` it outlives each
rebuild (it is kept in this module, which MkDocs does not reload), so an edit
does not pay for importing TensorFlow again. It starts on the first snippet
that is not cached: a build with nothing to run starts no worker at all.
"""

import json
import logging
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.snippets")
WORKER_SCRIPT = Path(__file__).resolve().parent / "worker_main.py"
# Start-up imports TensorFlow, slow on a busy machine but never this slow.
START_TIMEOUT = 300
# Variables that make libraries print differently from one machine to the next.
UNSET_VARIABLES = ("FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "PYTHONWARNINGS", "LINES")


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
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            env=settings.environment(),
            text=True,
            encoding="utf-8",
            start_new_session=True,
        )
        started = time.perf_counter()
        ready = self._read_reply(START_TIMEOUT, snippet=None)
        self.versions: dict[str, str] = ready["versions"]
        log.info("Snippet worker started: TensorFlow %s imported in %.1f s", self.versions["tensorflow"], time.perf_counter() - started)

    def run(self, path: Path, local_root: Path, seed: int, timeout: float) -> dict:
        """The worker's report on one snippet; WorkerFailure if it died or ran out of time."""
        request = {"path": str(path), "local_root": str(local_root), "seed": seed}
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
            f"{what} of {timeout:g} s (set SNIPPET_TIMEOUT or extra.snippet_execution.timeout in mkdocs.yml)",
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


_shared: Worker | None = None


def shared_worker(settings: WorkerSettings) -> Worker:
    """The worker kept between builds, started or restarted when needed."""
    global _shared
    if _shared is not None and (not _shared.alive() or _shared.settings != settings):
        _shared.stop()
        _shared = None
    if _shared is None:
        _shared = Worker(settings)
    return _shared


def stop_shared_worker() -> None:
    global _shared
    if _shared is not None:
        _shared.stop()
        _shared = None
