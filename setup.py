"""Packaging that pyproject.toml cannot say: ship the bundled topic inside the package.

cards/ and seeds/ stay at the top of the checkout, where a reader finds them;
a built wheel (`pip install .`, `pipx install .`) gets a copy in
briefing/bundled/, which briefing.paths.bundled_cards() falls back to. An
editable install reads them from the checkout instead.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("cards", "seeds")


class BuildWithBundledTopic(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "briefing", "bundled")
        for name in BUNDLED:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithBundledTopic})
