"""What `briefing pdf -o` and `briefing anki -o` refuse to write over.

Run as root, an export once replaced a device node, a pipe or a symbolic link
with a regular file and exited 0 (`-o /dev/null` would have replaced the
system's /dev/null), and replaced a read-only file in silence. Only a regular,
writable file is ever replaced; anything else is left exactly as it was.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing.atomic import WriteError, write_bytes
from briefing.cli import main

COMMANDS = [("pdf", "out.pdf"), ("anki", "out.apkg")]


def make_pipe(path: Path) -> str:
    os.mkfifo(path)
    return "it is a pipe, not a regular file; give the name of a file to write"


def make_device(path: Path) -> str:
    """A character device like /dev/null, made here: never the system's own."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return "it is a device, not a regular file; give the name of a file to write"


def make_link(path: Path) -> str:
    target = path.with_name("real-" + path.name)
    target.write_bytes(b"the file the link points at")
    path.symlink_to(target)
    return (f"it is a symbolic link (to {target}); give the real path to write there, "
            "so the link stays as it is")


def make_folder(path: Path) -> str:
    path.mkdir()
    return "it is a folder; give the name of a file to write"


def make_read_only(path: Path) -> str:
    path.write_bytes(b"last week's export, kept on purpose")
    path.chmod(0o444)
    return "it is read-only; make it writable or choose another name"


def describe(path: Path):
    """What is at path, precisely enough to see that nothing changed."""
    info = os.lstat(path)
    content = (os.readlink(path) if stat.S_ISLNK(info.st_mode)
               else path.read_bytes() if stat.S_ISREG(info.st_mode) else None)
    return stat.S_IFMT(info.st_mode), info.st_mode & 0o7777, info.st_rdev, content


TARGETS = [make_pipe, make_device, make_link, make_folder, make_read_only]


@pytest.mark.parametrize("make", TARGETS, ids=lambda make: make.__name__.removeprefix("make_"))
@pytest.mark.parametrize("command,name", COMMANDS)
def test_an_export_refuses_to_replace_anything_but_a_writable_regular_file(
        workspace, tmp_path, capsys, make, command, name):
    workspace.topic()
    out = tmp_path / name
    reason = make(out)
    before = describe(out)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    code = main([command, str(workspace.cards), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"briefing {command}: cannot write {out}: {reason}\n"
    assert describe(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no temp file left


@pytest.mark.parametrize("command,name", COMMANDS)
def test_an_export_still_replaces_a_writable_file_and_keeps_its_mode(workspace, tmp_path,
                                                                     capsys, command, name):
    workspace.topic()
    out = tmp_path / name
    out.write_bytes(b"old")
    out.chmod(0o640)
    assert main([command, str(workspace.cards), "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.read_bytes() != b"old" and stat.S_IMODE(out.stat().st_mode) == 0o640


def test_every_atomic_write_checks_its_target(tmp_path):
    """The editor's saves and `briefing new` go through the same door as the exports."""
    reason = make_link(tmp_path / "cards.yaml")
    with pytest.raises(WriteError) as error:
        write_bytes(tmp_path / "cards.yaml", b"cards: []\n")
    assert str(error.value) == f"cannot write {tmp_path / 'cards.yaml'}: {reason}"
    assert (tmp_path / "cards.yaml").is_symlink()
