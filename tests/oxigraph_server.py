"""A pytest plugin: a real Oxigraph SPARQL server on 127.0.0.1, one per test.

Register it in ``tests/conftest.py``::

    pytest_plugins = ["tests.oxigraph_server"]

The ``oxigraph_server`` fixture starts ``oxigraph serve`` from the ``oxigraph``
PyPI package (the ``oxigraph`` script beside the running Python, else the one
on PATH) with a fresh store in a temporary directory and a free port, waits
until it answers a query, yields its base URL (``http://127.0.0.1:PORT``) and
stops it. The server is ready in a few hundredths of a second, so every test
gets its own empty store rather than sharing one. Mark tests that use it with
``@pytest.mark.server``. If the server is not installed the test is skipped,
saying which package to install; if it does not answer within
:data:`STARTUP_TIMEOUT` seconds, the test errors with the server's stderr.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

#: Seconds to wait for the server to answer before giving up.
STARTUP_TIMEOUT = 20.0
_POLL_INTERVAL = 0.02


def oxigraph_executable() -> str | None:
    """The ``oxigraph`` CLI of the running environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(base_url: str) -> bool:
    try:
        response = httpx.get(f"{base_url}/query", params={"query": "ASK {}"}, timeout=1.0)
    except httpx.TransportError:
        return False
    return response.status_code == httpx.codes.OK


def _stderr_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    return text or "(nothing on stderr)"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _launch(executable: str, location: Path, stderr_path: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    """Start the server on a free port; the process, its base URL and its command line."""
    port = free_port()
    command = [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
    return process, f"http://127.0.0.1:{port}", " ".join(command)


def start_oxigraph(location: Path, log_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``oxigraph serve`` on a free port; the process and its base URL once it answers.

    If another process takes the port between :func:`free_port` and the
    server's bind, the server is started again on another port (twice at most).
    """
    executable = oxigraph_executable()
    if executable is None:
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph (the test extra)")
    stderr_path = log_dir / "oxigraph.stderr"
    process, base_url, command = _launch(executable, location, stderr_path)
    port_retries = 2
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not _answers(base_url) or process.poll() is not None:
        if process.poll() is not None:
            stderr = _stderr_of(stderr_path)
            if "Address already in use" in stderr and port_retries:
                port_retries -= 1
                process, base_url, command = _launch(executable, location, stderr_path)
                continue
            pytest.fail(f"{command} exited with status {process.returncode}:\n{stderr}", pytrace=False)
        if time.monotonic() > deadline:
            _stop(process)
            pytest.fail(
                f"{command} did not answer within {STARTUP_TIMEOUT:.0f} s:\n{_stderr_of(stderr_path)}",
                pytrace=False,
            )
        time.sleep(_POLL_INTERVAL)
    return process, base_url


@pytest.fixture
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a running Oxigraph server with an empty store of its own."""
    work = tmp_path_factory.mktemp("oxigraph")
    process, base_url = start_oxigraph(work / "store", work)
    try:
        yield base_url
    finally:
        _stop(process)
