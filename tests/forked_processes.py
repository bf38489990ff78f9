"""Python processes that start without importing TensorFlow each time.

A Jupyter kernel or a snippet worker spends most of a short run importing TensorFlow. `Forks`
starts one process that imports TensorFlow, Keras and NumPy (nothing else: no model is built, no
op runs) and forks a process from it each time one is asked for. A launcher asks: this file run as
`python forked_processes.py <socket> <arguments>`, standing where `python <arguments>` would
stand for a script or `-m module` (a kernel spec's argv, the engine's `python` setting through
`Forks.launcher`). It sends its arguments, working folder, environment and standard streams; the
fork takes them all and runs the script or module as the interpreter would, in a new process whose
`import tensorflow` finds the module already loaded.

The launcher stands for the fork to whoever started it: the signals it gets go on to the fork, it
ends with the fork's exit status (killed by the same signal, if the fork was), and if it is killed
the fork is killed at once.

Run as `python forked_processes.py --serve <socket>` by `Forks`, else as the launcher.
"""

import contextlib
import gc
import json
import os
import runpy
import selectors
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

FORWARDED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1)
# How long a launcher waits for the forking process to be ready: TensorFlow's import, on a busy machine.
READY_WITHIN = 300


class Forks:
    """The forking process, started with `environment` (what TensorFlow reads as it is imported),
    and `launcher`: an executable file that runs Python through it."""

    def __init__(self, folder: Path, environment: dict[str, str]):
        folder.mkdir(parents=True, exist_ok=True)
        self.socket = folder / "forks.sock"
        self.socket.unlink(missing_ok=True)  # a server of an earlier session that was killed
        self.launcher = folder / "python"
        self.launcher.write_text(
            f"#!/bin/sh\nexec '{sys.executable}' '{__file__}' '{self.socket}' \"$@\"\n", encoding="utf-8"
        )
        self.launcher.chmod(0o755)
        # Launchers wait for the socket: nobody waits for TensorFlow's import before needing it.
        self.process = subprocess.Popen([sys.executable, __file__, "--serve", str(self.socket)], env=environment)

    def close(self) -> None:
        self.process.terminate()  # its forks end with it
        self.process.wait()


def serve(path: str) -> None:
    """Import TensorFlow once, then fork a process for each launcher that connects to `path`;
    tell each launcher how its fork ended, and kill a fork whose launcher went away."""
    import keras  # noqa: F401  (what the kernels and workers import first)
    import numpy  # noqa: F401
    import tensorflow  # noqa: F401

    # What the imports made outlives every fork: kept out of the forks' garbage collections, the
    # one a kernel's fresh Keras session runs before each cell (clear_session) takes milliseconds,
    # not 0.2 s. The engine's worker does the same.
    gc.freeze()
    os.setpgid(0, 0)  # its forks stay in its group: ending it ends them
    signal.signal(signal.SIGTERM, lambda *_: os.killpg(0, signal.SIGKILL))
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(path + ".part")
    listener.listen()
    os.rename(path + ".part", path)  # ready once it can be seen
    launchers: dict[int, socket.socket] = {}  # each fork's launcher
    with selectors.DefaultSelector() as selector:
        selector.register(listener, selectors.EVENT_READ)
        while os.getppid() == parent:  # a test session that was killed leaves no server behind
            for key, _ in selector.select(timeout=0.1):
                if key.fileobj is listener:
                    connection, _ = listener.accept()
                    message, streams, _, _ = socket.recv_fds(connection, 1 << 20, 3)
                    request = json.loads(message)
                    pid = os.fork()
                    if pid == 0:
                        for own in (selector, listener, connection, *launchers.values()):
                            own.close()
                        run(request, streams)
                    for stream in streams:
                        os.close(stream)
                    launchers[pid] = connection
                    selector.register(connection, selectors.EVENT_READ, pid)
                    _tell(connection, pid)
                else:  # a launcher sends nothing more: readable means it is gone
                    _signal(key.data, signal.SIGKILL)
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
                    launchers.pop(key.data)
            for pid, status in _ended_forks():
                connection = launchers.pop(pid, None)
                if connection:
                    selector.unregister(connection)
                    _tell(connection, status)
                    connection.close()
    os.killpg(0, signal.SIGKILL)


def _tell(connection: socket.socket, number: int) -> None:
    """Send a pid or an exit status to a launcher; one that has gone is noticed by the loop."""
    with contextlib.suppress(OSError):
        connection.send(f"{number}".encode())


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just ended
        os.kill(pid, number)


def _ended_forks() -> list[tuple[int, int]]:
    ended = []
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return ended
        if pid == 0:
            return ended
        ended.append((pid, status))


def run(request: dict, streams: list[int]) -> None:
    """In the fork: become `python <arguments>` as the launcher was asked to run it."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for number, stream in enumerate(streams):
            os.dup2(stream, number)
            os.close(stream)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["environment"])
        code = run_as_python(request["arguments"])
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def run_as_python(arguments: list[str]) -> int:
    """What `python <arguments>` would do with a script or `-m module`; its exit code."""
    try:
        if arguments[0] == "-m":
            sys.argv = arguments[1:]
            sys.path[0] = os.getcwd()
            runpy.run_module(arguments[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = arguments
            sys.path[0] = os.path.dirname(os.path.abspath(arguments[0]))
            runpy.run_path(arguments[0], run_name="__main__")
    except SystemExit as exit_:
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        print(exit_.code, file=sys.stderr)
        return 1
    except BaseException:
        # The interpreter's own hook, as for an uncaught exception: unlike the traceback module
        # (Python 3.11), it adds the "Did you mean" hints.
        sys.excepthook(*sys.exc_info())
        return 1
    return 0


def launch(path: str, arguments: list[str]) -> None:
    """The launcher: get a fork that runs `arguments`, stand for it, end as it ends."""
    request = {"cwd": os.getcwd(), "environment": dict(os.environ), "arguments": arguments}
    deadline = time.monotonic() + READY_WITHIN
    while not os.path.exists(path):  # the forking process is still importing TensorFlow
        if time.monotonic() > deadline:
            sys.exit(f"no forking process answers at {path} after {READY_WITHIN} s")
        time.sleep(0.05)
    # A signal that comes before the fork's pid waits, then goes on to the fork like any other.
    signal.pthread_sigmask(signal.SIG_BLOCK, FORWARDED_SIGNALS)
    with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as connection:
        connection.connect(path)
        socket.send_fds(connection, [json.dumps(request).encode()], [0, 1, 2])
        pid = int(connection.recv(64))
        for number in FORWARDED_SIGNALS:
            signal.signal(number, lambda received, _: _signal(pid, received))
        signal.pthread_sigmask(signal.SIG_UNBLOCK, FORWARDED_SIGNALS)
        status = int(connection.recv(64))
    code = os.waitstatus_to_exitcode(status)
    if code < 0:  # killed: so is its stand-in
        if -code in FORWARDED_SIGNALS:
            signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    sys.exit(code)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(sys.argv[2])
    else:
        launch(sys.argv[1], sys.argv[2:])
