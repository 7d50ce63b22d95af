"""Files that are either the old version or the new one, never half of one.

Every output of the package (exports, the manifest and records of the store,
cached extractions, views) is written with :func:`atomic_write` or
:func:`atomic_text`: into a temporary file in the same folder, flushed to disk
(``fsync``), then renamed over the target (``os.replace``, atomic on POSIX),
and the folder is synced so that the rename survives a crash. A kill or a full
disk during the write leaves the old file as it was, and the temporary file is
removed when the writer fails by an exception (a killed process leaves it,
named ``.NAME.*.tmp``; :func:`remove_stale` clears such leftovers).

:func:`staged` writes several files and renames them only when all are
written, so a failure in any leaves every old one in place. A target may be a
folder (the neo4j export): its writer replaces the temporary file with a
folder, which is renamed into place the same way (the old folder is moved
aside first, then removed).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> atomic_text(folder / "a.txt", "one")
>>> try:
...     with atomic_write(folder / "a.txt") as f:
...         _ = f.write("tw")
...         raise OSError("disk full")
... except OSError:
...     pass
>>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
('one', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: New files get the mode an ordinary open() would give them (mkstemp's are private).
FILE_MODE = 0o666 & ~_umask()


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temporary_path(path: str | Path) -> Path:
    """A new, empty temporary file beside ``path`` (same folder, so the rename stays on one disk)."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return Path(name)


def commit_file(tmp: Path, path: str | Path) -> None:
    """Sync ``tmp`` to disk and rename it over ``path``."""
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _sync_folder(Path(path).parent)


@contextlib.contextmanager
def atomic_write(
    path: str | Path, mode: str = "w", encoding: str | None = "utf-8", *, durable: bool = True
) -> Iterator[IO]:
    """Open a temporary file for writing; on success it replaces ``path``, on failure it is removed.

    Without ``durable`` the file is not synced to disk first: still whole after a killed process (the
    kernel keeps what was written), but maybe not after a power cut; for caches that are checked on
    reading.
    """
    path = Path(path)
    tmp = temporary_path(path)
    try:
        with open(tmp, mode, encoding=None if "b" in mode else encoding, newline=None if "b" in mode else "\n") as f:
            yield f
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
        if durable:
            _sync_folder(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_text(path: str | Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`atomic_write` for ``durable``)."""
    with atomic_write(path, durable=durable) as f:
        f.write(text)


def _sync_tree(path: Path) -> None:
    """Sync a file, or every file of a folder and the folders, to disk."""
    if not path.is_dir():
        with open(path, "rb+") as f:
            os.fsync(f.fileno())
        return
    for root, _dirs, files in os.walk(path):
        for name in files:
            with open(Path(root) / name, "rb+") as f:
                os.fsync(f.fileno())
        _sync_folder(Path(root))


def _replace(tmp: Path, target: Path) -> None:
    """Rename ``tmp`` over ``target``; a folder over a folder by moving the old one aside first."""
    if not (tmp.is_dir() and target.is_dir() and not target.is_symlink()):
        os.replace(tmp, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old.tmp", dir=target.parent))
    os.replace(target, old)  # onto the empty folder just made
    try:
        os.replace(tmp, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def staged(paths: list[Path]) -> Iterator[dict[Path, Path]]:
    """Temporary paths for ``paths``; all are renamed over their targets only if the block succeeds.

    Each temporary path is an empty file; a writer of a folder replaces it with one.
    """
    tmps = {Path(p): temporary_path(p) for p in paths}
    try:
        yield tmps
        for tmp in tmps.values():
            _sync_tree(tmp)
        for target, tmp in tmps.items():
            _replace(tmp, target)
        for folder in {t.parent for t in tmps}:
            _sync_folder(folder)
    except BaseException:
        for tmp in tmps.values():
            _discard(tmp)
        raise


def remove_stale(folder: str | Path, names: list[str] | None = None) -> list[Path]:
    """Remove the temporary files (and folders) a killed writer left in ``folder`` (only those of
    ``names``, when given); returns them."""
    gone = []
    folder = Path(folder)
    if not folder.is_dir():
        return gone
    prefixes = tuple(f".{n}." for n in names) if names is not None else (".",)
    for p in folder.iterdir():
        if p.name.startswith(prefixes) and p.name.endswith(".tmp") and (p.is_file() or p.is_dir()):
            _discard(p)
            gone.append(p)
    return gone
