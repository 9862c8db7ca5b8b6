"""``arquotes serve`` in its own process on a free loopback port, for tests that need a server."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(*options: str) -> Iterator[int]:
    """Start ``arquotes serve OPTIONS``, wait until /healthz answers, give its port; stop it."""
    port = free_port()
    command = [sys.executable, "-m", "arquotes", "serve", "--port", str(port), *options]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not _healthy(port):
            if process.poll() is not None:
                raise AssertionError(process.stderr.read() if process.stderr else "exited")
            if time.monotonic() > deadline:
                raise AssertionError("the server did not start within 30 s")
            time.sleep(0.1)
        yield port
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
