"""Atomic file writes: a crash or a full disk never leaves a half-written file.

The new content goes to a temporary file in the same folder, is flushed to
disk, and then replaces the old file in one rename.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the old one, if any, is intact."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def reason(error: OSError) -> str:
    """Why a write failed, in the words of someone who can fix it."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only or you lack permission"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return error.strerror or str(error)


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    folder = path.parent
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(error.errno, f"cannot write {path}: {reason(error)}") from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(temp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temp, 0o666 & ~current_umask())
        os.replace(temp, path)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise WriteError(error.errno, f"cannot write {path}: {reason(error)}") from error
    _sync_folder(folder)


def write_text(path: Path, text: str) -> None:
    """Write text exactly as given: UTF-8, newlines untouched."""
    write_bytes(path, text.encode("utf-8"))


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible on Windows."""
    if os.name != "posix":
        return
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
