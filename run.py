#!/usr/bin/env python3
"""Set up and run Briefing Cards on a fresh machine that has only Python 3.11+.

    python3 run.py app [PATH ...]   set up, then open the app (default: the bundled topic)
    python3 run.py test [ARGS ...]  set up, then run the whole test suite (ARGS go to pytest)
    python3 run.py bench [--quick]  set up, then run the benchmarks and print their table

Setup makes a virtual environment in .venv and installs the project into it;
it is repeated only when pyproject.toml changes.
"""
import compileall
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("BRIEFING_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (an older Python runs this file first)
        sys.exit(f"Briefing Cards needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f"Could not create {VENV}: {error}\n"
                     "On Debian or Ubuntu, install the venv module: sudo apt install python3-venv")
    target = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + target.encode()).hexdigest()
    stamp = VENV / f".briefing-installed-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing Briefing Cards {target} into {VENV} ...", flush=True)
    command = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q",
               "-e", target]
    if subprocess.call(command, cwd=ROOT) != 0:
        sys.exit("Installing the dependencies failed; see pip's message above.")
    stamp.write_text(digest)


def compile_bytecode() -> None:
    """Write the package's bytecode now, as pip does for an installed package: an
    editable install leaves it to Python, which never writes it where
    PYTHONDONTWRITEBYTECODE is set (many containers), and then compiles every module
    again at each start, a sixth of the time to the first card. Up to date: a stat
    per file."""
    if sys.version_info[:2] == _venv_version():
        compileall.compile_dir(ROOT / "briefing", quiet=2)


def _venv_version() -> tuple[int, int] | None:
    """The virtual environment's Python, from its pyvenv.cfg (no process started)."""
    try:
        for line in (VENV / "pyvenv.cfg").read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() in ("version", "version_info"):
                major, minor = value.strip().split(".")[:2]
                return int(major), int(minor)
    except (OSError, ValueError):
        pass
    return None


def main() -> int:
    task, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if task == "app":
        setup("")
        compile_bytecode()
        return subprocess.call([str(PYTHON), "-m", "briefing", *args])
    if task == "test":
        setup("test")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        code = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
        if code == 5:  # pytest's "no tests collected": never a pass
            print("run.py: pytest collected no tests; check the arguments", file=sys.stderr)
            return 1
        return code
    if task == "bench":
        setup("test")
        compile_bytecode()  # start-up is measured as a user's second start sees it
        return subprocess.call([str(PYTHON), str(ROOT / "tests" / "benchmark.py"), *args], cwd=ROOT)
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
