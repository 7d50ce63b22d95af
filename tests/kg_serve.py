"""``kg serve`` as a user starts it: the ``kg`` script beside the running Python, a real process.

:func:`start_kg_serve` runs ``kg serve --store DIR --port 0``, reads the URL
from the first line it prints, waits until it answers, and returns the process
and its base URL; :func:`stop` ends it (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

KG = Path(sys.executable).with_name("kg")
STARTUP_TIMEOUT = 20.0


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def start_kg_serve(store: Path, log_dir: Path) -> tuple[subprocess.Popen, str]:
    """``kg serve --store STORE --port 0`` running; the process and its base URL once it answers."""
    stderr = (log_dir / "kg-serve.stderr").open("wb")
    process = subprocess.Popen(
        [str(KG), "serve", "--store", str(store), "--port", "0"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, text=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    found = re.search(r"at (http://127\.0\.0\.1:\d+):", line)
    if not found:
        stop(process)
        pytest.fail(f"kg serve printed {line!r}:\n{(log_dir / 'kg-serve.stderr').read_text()}", pytrace=False)
    url = found.group(1)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            if httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            pytest.fail(f"kg serve at {url} did not answer:\n{(log_dir / 'kg-serve.stderr').read_text()}")
        time.sleep(0.05)
