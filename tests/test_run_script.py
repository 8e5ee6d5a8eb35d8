"""run.py, the two commands of the README: what it does beyond installing."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_run(monkeypatch, root: Path, venv: Path):
    spec = importlib.util.spec_from_file_location("run_script", ROOT / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    monkeypatch.setattr(run, "ROOT", root)
    monkeypatch.setattr(run, "VENV", venv)
    return run


def a_package(tmp_path: Path, venv_version: str) -> tuple[Path, Path]:
    (tmp_path / "briefing" / "gui").mkdir(parents=True)
    (tmp_path / "briefing" / "__init__.py").write_text("")
    (tmp_path / "briefing" / "gui" / "window.py").write_text("X = 1\n")
    venv = tmp_path / ".venv"
    venv.mkdir()
    (venv / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {venv_version}\n")
    return tmp_path, venv


def bytecode(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.pyc"))


def test_the_package_bytecode_is_written_even_where_python_would_not(tmp_path, monkeypatch):
    """PYTHONDONTWRITEBYTECODE (set in many containers) would make every start compile
    every module again."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    here = ".".join(map(str, sys.version_info[:3]))
    root, venv = a_package(tmp_path, here)
    load_run(monkeypatch, root, venv).compile_bytecode()
    tag = sys.implementation.cache_tag
    assert bytecode(root) == [f"briefing/__pycache__/__init__.{tag}.pyc",
                              f"briefing/gui/__pycache__/window.{tag}.pyc"]


def test_no_bytecode_is_written_for_another_python_than_the_environments(tmp_path,
                                                                         monkeypatch):
    root, venv = a_package(tmp_path, f"{sys.version_info[0]}.{sys.version_info[1] + 1}.0")
    load_run(monkeypatch, root, venv).compile_bytecode()
    assert bytecode(root) == []
