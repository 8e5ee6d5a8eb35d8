"""Finding topics on disk: unreadable folders, odd card files, two topics with one name.

Each is reported as path:line:col: message by `check`, `list`, the exports and
the app's Library, and the readable topics beside it are still checked.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from conftest import ARTICLE, CARDS_YAML, TOPIC_YAML

from briefing.cli import main
from briefing.library import Library

UNREADABLE = "topic.yaml:1:1: cannot read this folder: permission denied"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def simulate_unreadable_folder(monkeypatch, folder: Path) -> None:
    """What mode 000 does to an ordinary user: the folder itself can be stat'ed, but
    neither listed nor entered. CI runs as root, where chmod stops nothing, so the
    OS calls are patched instead (the next test does it for real where it can)."""
    inside = str(folder) + os.sep

    def guard(real, listing=False):
        def call(path, *args, **kwargs):
            name = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else ""
            if name.startswith(inside) or (listing and name == str(folder)):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
            return real(path, *args, **kwargs)
        return call

    for name in ("stat", "lstat", "open"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    for name in ("scandir", "listdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), listing=True))
    monkeypatch.setattr("builtins.open", guard(open))


def test_an_unreadable_topic_folder_is_reported_and_the_one_beside_it_checked(
        workspace, capsys, monkeypatch):
    good = workspace.topic("good")
    locked = workspace.topic("locked")
    simulate_unreadable_folder(monkeypatch, locked)
    code, out, err = run(capsys, "check", str(workspace.cards))
    assert (code, out, err) == (1, f"{locked}/{UNREADABLE}\n", "2 topics, 4 cards: 1 problem\n")
    code, out, err = run(capsys, "list", str(workspace.cards))
    assert code == 1 and err == f"{locked}/{UNREADABLE}\n"
    assert out.splitlines()[0] == "good/premier\tactor\tThe Premier"
    code, out, err = run(capsys, "check", str(locked))  # named directly
    assert (code, out) == (1, f"{locked}/{UNREADABLE}\n")
    library = Library([workspace.cards])  # what the app opens
    assert [(t.id, len(t.cards), [str(p) for p in t.problems]) for t in library.topics] == [
        ("good", 4, []), ("locked", 0, [f"{locked}/{UNREADABLE}"])]
    assert good.is_dir()


def test_the_app_reads_an_unreadable_folder_afresh_once_it_can(workspace, tmp_path,
                                                               monkeypatch):
    """chmod leaves a folder's time as it was: the cached topic must not outlive it."""
    locked = workspace.topic("locked")
    cache = tmp_path / "cache"
    simulate_unreadable_folder(monkeypatch, locked)
    assert [len(t.problems) for t in Library([workspace.cards], cache_dir=cache).topics] == [1]
    monkeypatch.undo()
    topics = Library([workspace.cards], cache_dir=cache).topics
    assert [(t.problems, len(t.cards)) for t in topics] == [((), 4)]


def test_an_unreadable_folder_of_topics_is_reported_not_a_crash(workspace, capsys, monkeypatch):
    workspace.topic("good")
    simulate_unreadable_folder(monkeypatch, workspace.cards)
    code, out, err = run(capsys, "check", str(workspace.cards))
    assert (code, out) == (1, f"{workspace.cards}/{UNREADABLE}\n")


def _unprivileged_command() -> list[str] | None:
    """How to run a command as an ordinary user: as we are, or via setpriv from root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    try:
        import pwd
        pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return None
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


@pytest.mark.slow
def test_a_mode_000_topic_folder_under_a_real_ordinary_user(tmp_path):
    prefix = _unprivileged_command()
    if prefix is None:
        pytest.skip("running as root with no setpriv or no 'nobody' user to drop to")
    # pytest's tmp_path is private to this user; the other user needs a public one.
    root = Path(tempfile.mkdtemp(prefix="briefing-unreadable-"))
    try:
        os.chmod(root, 0o755)
        (root / "seeds").mkdir()
        (root / "seeds" / "article.txt").write_text(ARTICLE, encoding="utf-8")
        for name in ("good", "locked"):
            (root / "cards" / name).mkdir(parents=True)
            (root / "cards" / name / "topic.yaml").write_text(TOPIC_YAML, encoding="utf-8")
            (root / "cards" / name / "cards.yaml").write_text(CARDS_YAML, encoding="utf-8")
        for path in [root / "cards", *root.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        os.chmod(root / "cards" / "locked", 0)
        env = {**os.environ, "HOME": str(root), "BRIEFING_DATA_DIR": str(root / "data"),
               "BRIEFING_TOPICS_DIR": str(root / "none")}
        probe = subprocess.run([*prefix, sys.executable, "-c", "import briefing.cli"],
                               capture_output=True, text=True, env=env, cwd=root, timeout=120)
        if probe.returncode != 0:
            pytest.skip(f"the ordinary user cannot run this checkout: {probe.stderr[-300:]}")
        result = subprocess.run([*prefix, sys.executable, "-m", "briefing", "check",
                                 str(root / "cards")], capture_output=True, text=True, env=env,
                                cwd=root, timeout=120)
        assert "Traceback" not in result.stderr, result.stderr
        assert (result.returncode, result.stdout) == (
            1, f"{root}/cards/locked/{UNREADABLE}\n")
        assert result.stderr == "2 topics, 4 cards: 1 problem\n"
    finally:
        os.chmod(root / "cards" / "locked", 0o755)
        shutil.rmtree(root, ignore_errors=True)


def test_a_dangling_link_a_pipe_and_a_folder_named_yaml_are_each_reported(workspace, tmp_path):
    folder = workspace.topic()
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "more.yaml").mkdir()
    (folder / ".hidden.yaml").symlink_to(tmp_path / "nowhere.yaml")  # hidden: not a card file
    # A real process with a time limit: opening the pipe would wait for ever.
    result = subprocess.run([sys.executable, "-m", "briefing", "check", str(folder)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"{folder}/gone.yaml:1:1: a link to a file that does not exist; "
        "point it at a card file or remove it",
        f"{folder}/more.yaml:1:1: a folder, not a card file: a topic's cards are read "
        "from the YAML files right inside its folder",
        f"{folder}/pipe.yaml:1:1: not a regular file (a pipe, socket or device); "
        "a card file is a plain YAML file",
    ]
    assert result.stderr == "1 topic, 4 cards: 3 problems\n"


def test_reading_a_pipe_as_a_yaml_file_fails_at_once(tmp_path):
    """Even a pipe that appears after the folder was listed is never waited on."""
    from briefing import yamlfile
    pipe = tmp_path / "late.yaml"
    os.mkfifo(pipe)
    found = []
    reader = threading.Thread(target=lambda: found.append(yamlfile.read(pipe)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert found, "yamlfile.read waited on a pipe"
    node, text, problems = found[0]
    assert node is None and [str(p) for p in problems] == [
        f"{pipe}:1:1: not a regular file (a pipe, socket or device); "
        "a card file is a plain YAML file"]


def test_two_topic_folders_with_one_name_are_reported_naming_both(workspace, tmp_path, capsys):
    first = workspace.topic("example")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    second = elsewhere / "example"
    shutil.copytree(first, second)
    (second / "topic.yaml").write_text(
        TOPIC_YAML.replace("../../seeds/", str(workspace.seeds) + "/"), encoding="utf-8")
    expected = (f"{second}/topic.yaml:1:1: another topic folder is also named 'example' "
                f"({first}); topics and their study progress are told apart by folder name, "
                "so rename one of them; this one is skipped")
    code, out, err = run(capsys, "check", str(workspace.cards), str(elsewhere))
    assert (code, out, err) == (1, expected + "\n", "1 topic, 4 cards: 1 problem\n")
    library = Library([workspace.cards, elsewhere])
    assert [t.path for t in library.topics] == [first]
    assert [str(p) for p in library.problems] == [expected]
    code, out, err = run(capsys, "check", str(first), str(workspace.cards))  # one folder twice
    assert (code, out, err) == (0, "", "1 topic, 4 cards: ok\n")
