"""Jupyter kernels that start without importing TensorFlow each time.

A fresh kernel spends most of a short notebook's run importing TensorFlow. `KernelForks` starts one
process that imports TensorFlow, Keras and NumPy (nothing else: no model is built, no op runs) and
forks a kernel from it each time Jupyter starts one. Jupyter starts the kernel of `kernel_spec`:
this file run as a small launcher, which asks that process for a fork, passes on its working
folder, environment and arguments, and lives as long as the fork does (a signal it gets, an
interrupt say, goes to the fork). The fork is then an ordinary ipykernel, started as
`python -m ipykernel_launcher -f <connection file>` starts one, in a new process whose
`import tensorflow` finds the module already loaded, as the notebooks' first cell asks for it.

Run as `python forked_kernels.py <socket> -f <connection file>` by Jupyter only.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

KERNEL_NAME = "python3-forked"


class KernelForks:
    """The forking process, and a kernel spec naming it: set JUPYTER_PATH to `jupyter_path`."""

    def __init__(self, folder: Path):
        self.socket = folder / "forks.sock"
        self.jupyter_path = folder / "jupyter"
        spec = self.jupyter_path / "kernels" / KERNEL_NAME
        spec.mkdir(parents=True)
        argv = [sys.executable, __file__, str(self.socket), "-f", "{connection_file}"]
        kernel = {"argv": argv, "display_name": "Python 3 (forked)", "language": "python"}
        (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, __file__, "--serve", str(self.socket)])
        while not self.socket.exists():
            if self.process.poll() is not None:
                raise RuntimeError(f"the kernel forking process ended with {self.process.returncode}")
            time.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait()


def serve(path: str) -> None:
    """Import TensorFlow once, then fork a kernel for each request on the socket at `path`."""
    import keras  # noqa: F401  (what the notebooks import first)
    import numpy  # noqa: F401
    import tensorflow  # noqa: F401

    os.setpgid(0, 0)  # its forks stay in its group: ending it ends them
    signal.signal(signal.SIGTERM, lambda *_: os.killpg(0, signal.SIGKILL))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # no zombies: nobody here waits for a fork
    server = socket.socket(socket.AF_UNIX)
    server.bind(path + ".part")
    server.listen()
    os.rename(path + ".part", path)  # ready once it can be seen
    while True:
        connection, _ = server.accept()
        with connection:
            request = json.loads(connection.makefile(encoding="utf-8").readline())
            pid = os.fork()
            if pid == 0:
                server.close()
                run_kernel(request)
            connection.sendall(f"{pid}\n".encode())


def run_kernel(request: dict) -> None:
    """In the fork: become the kernel the launcher was asked for, as ipykernel_launcher does."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["environment"])
        sys.argv = ["ipykernel_launcher", *request["arguments"]]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    finally:
        os._exit(code)


def launch(path: str, arguments: list[str]) -> None:
    """The launcher Jupyter starts: get a fork, pass signals on to it, end when it ends."""
    request = {"cwd": os.getcwd(), "environment": dict(os.environ), "arguments": arguments}
    with socket.socket(socket.AF_UNIX) as connection:
        connection.connect(path)
        connection.sendall((json.dumps(request) + "\n").encode())
        pid = int(connection.makefile(encoding="utf-8").readline())
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda received, _: os.kill(pid, received))
    try:
        while True:
            os.kill(pid, 0)
            time.sleep(0.1)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(sys.argv[2])
    else:
        launch(sys.argv[1], sys.argv[2:])
