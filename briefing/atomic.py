"""Atomic file writes: a crash or a full disk never leaves a half-written file.

The new content goes to a temporary file in the same folder, is flushed to
disk, and then replaces the old file in one rename.
"""
from __future__ import annotations

import errno
import os
import stat
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


def _refusal(path: Path) -> str | None:
    """Why the file at path must not be replaced, or None when it may be (or is absent).

    A rename replaces whatever has the name: run as root, `-o /dev/null` once
    replaced the system's /dev/null. So only a regular file that may be written
    is replaced. A symbolic link is refused rather than followed: replacing it
    would cut the link, and writing through it may land anywhere."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return reason(error)
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return (f"it is a symbolic link (to {os.readlink(path)}); give the real path to "
                "write there, so the link stays as it is")
    if stat.S_ISDIR(mode):
        return "it is a folder; give the name of a file to write"
    if not stat.S_ISREG(mode):
        kind = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) \
            else "a device"
        return f"it is {kind}, not a regular file; give the name of a file to write"
    # Root may write anything, so the mode bits say what the owner meant.
    if not mode & 0o222 or not os.access(path, os.W_OK):
        return "it is read-only; make it writable or choose another name"
    return None


def check_target(path: Path) -> None:
    """Raise WriteError now if path must not be replaced (see _refusal), so an export
    can say so before the work of making the file."""
    why = _refusal(Path(path))
    if why is not None:
        raise WriteError(errno.EPERM, f"cannot write {path}: {why}")


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    folder = path.parent
    check_target(path)
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
