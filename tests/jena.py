"""Apache Jena from the tests: ``scripts/jena`` (Debian's libapache-jena-java on a JRE), run as a user would.

:func:`jena` runs one command (``riot``, ``tdb2.tdbloader``, ``tdb2.tdbquery``...)
and fails the test with Jena's stderr when it exits non-zero.
:func:`require_jena` skips the test, saying what to install, where Java or
the package is missing (``.ci/run`` installs both; under CI it fails instead). :func:`tdb2_load` loads
the TriG (the named graphs and the default graph) and the merged Turtle (into
the default graph), so that the default graph is the union of every graph, as
``kg query`` sees the store. (TDB2's ``tdb:unionDefaultGraph`` is the union
of the named graphs only: it leaves out the default graph, where the articles'
dates are.) :func:`tdb2_select` runs a SELECT there and reads the JSON results
with pyoxigraph.
"""

from __future__ import annotations

import os
import subprocess
from functools import cache
from pathlib import Path

import pyoxigraph
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "jena"
#: Seconds one Jena command may take (a JVM starts in about 3 s here).
TIMEOUT = 180
#: What scripts/jena exits with when java or the package is missing.
MISSING = 127
#: A JVM that starts fast (C1 only, serial GC): the tests load small graphs and run short queries.
JAVA_OPTS = "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

Row = tuple[str | None, ...]


@cache
def _missing() -> str | None:
    """Why Jena cannot run here (scripts/jena's own message), or None when it can."""
    try:
        done = subprocess.run(
            [str(SCRIPT), "riot", "--version"], capture_output=True, text=True, timeout=TIMEOUT, check=False,
            env=_env(),
        )
    except FileNotFoundError as exc:
        return f"cannot run {SCRIPT}: {exc}"
    if done.returncode == MISSING:
        return done.stderr.strip() or f"{SCRIPT} says Jena is missing"
    if done.returncode != 0 or "Jena" not in done.stdout:
        pytest.fail(f"{SCRIPT} riot --version failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return None


def _env() -> dict[str, str]:
    return {**os.environ, "JAVA_OPTS": os.environ.get("JAVA_OPTS", JAVA_OPTS)}


def require_jena() -> None:
    """Skip the calling test where Java or libapache-jena-java is missing, saying which; under CI
    (``CI`` set, where .ci/run installs both) fail instead."""
    reason = _missing()
    if reason is not None:
        message = f"Apache Jena cannot run: {reason} (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def jena(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/jena ARGS``; the finished process (stdout and stderr as text)."""
    require_jena()
    command = [str(SCRIPT), *map(str, args)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, check=False, cwd=cwd, env=_env()
    )
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-3000:]}", pytrace=False)
    return done


def tdb2_load(location: Path, out: Path) -> None:
    """Load a build's graph.trig and graph.ttl into a new TDB2 database at ``location`` (the README's recipe)."""
    jena("tdb2.tdbloader", "--loc", location, out / "graph.trig", out / "graph.ttl")


def tdb2_select(location: Path, query_file: Path) -> tuple[tuple[str, ...], list[Row]]:
    """The variables and rows of a SELECT on the TDB2 database; each cell the IRI or the literal's
    lexical form, ``None`` where unbound."""
    done = jena("tdb2.tdbquery", "--loc", location, "--results=JSON", "--query", query_file)
    results = pyoxigraph.parse_query_results(done.stdout, pyoxigraph.QueryResultsFormat.JSON)
    assert isinstance(results, pyoxigraph.QuerySolutions), done.stdout[:500]
    variables = tuple(variable.value for variable in results.variables)
    rows = [tuple(None if s[v] is None else s[v].value for v in variables) for s in results]
    return variables, rows
