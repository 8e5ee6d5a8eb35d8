"""A non-editable install (`pip install .`, `pipx install .`) carries the bundled topic.

The wheel is built from a copy of the checkout and unpacked into a folder of
its own; `briefing` run from there, far from the checkout, must open the
bundled topic and pass `check`.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv*", ".git", "build", "dist", "*.egg-info", "__pycache__",
                              ".pytest_cache", ".hypothesis", "tests")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "briefing-cards"
    shutil.copytree(ROOT, source, ignore=SKIP)
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(out), str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    (found,) = out.glob("briefing_cards-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_holds_every_module_the_icon_and_the_bundled_topic(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in (ROOT / "briefing").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names, module
    assert "briefing/schema.json" in names and "briefing/gui/icon.svg" in names
    for topic_file in (ROOT / "cards").rglob("*.yaml"):
        assert f"briefing/bundled/{topic_file.relative_to(ROOT).as_posix()}" in names
    for seed in (ROOT / "seeds").iterdir():
        assert f"briefing/bundled/seeds/{seed.name}" in names


@pytest.mark.slow
def test_an_installed_briefing_opens_the_bundled_topic_from_anywhere(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site), PYTHONSAFEPATH="1")

    def briefing(*args):
        return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                              text=True, cwd=elsewhere, env=env)

    listed = briefing("list", "--json")
    assert listed.returncode == 0, listed.stderr
    cards = json.loads(listed.stdout)
    assert len(cards) > 50 and {c["topic"] for c in cards} == {"china-north-korea"}
    assert all(Path(c["file"]).is_relative_to(site / "briefing" / "bundled") for c in cards)
    checked = briefing("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "ok" in checked.stderr
