"""Benchmarks: loading, `check`, start-up, memory, exports and interaction, as ratios.

    python3 run.py bench               # everything (long: the 10,000-card pack alone is minutes)
    python3 run.py bench --quick       # fewer runs, no 10,000-card pack (about 5 minutes)
    python3 run.py bench --json        # one JSON object: each measure's median, by key
    python3 run.py bench --markdown    # the table in the form the README's "Speed and memory" has
    python3 run.py bench --only check  # one part (see --help)

These machines are shared and noisy, so every figure is a median of several
runs and each is compared with a baseline measured in the same run,
alternating A and B. Not part of the test suite: nothing here asserts.
The --json keys are an interface other scripts read: add keys, never rename one.
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TIERS = (100, 1000, 10000, 50000)
WORDS = ["the", "talks", "in", "beijing", "moved", "forward", "as", "china", "pressed", "pyongyang", "to", "return", "while", "trade", "grew", "each", "year", "and", "aid", "kept", "the", "north", "afloat"]


def write_topic(root: Path, cards: int) -> Path:
    """A synthetic topic in the real format: every kind, tags, links, verbatim quotes."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    # About 30 kB, twice the size of the bundled articles.
    sentences = [" ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(14)) + f" ({i})."
                 for i in range(300)]
    (seeds / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    folder = root / "cards" / f"synthetic-{cards}"
    folder.mkdir(parents=True)
    (folder / "topic.yaml").write_text(textwrap.dedent("""\
        title: Synthetic topic
        bottom_line: A topic made up for measuring.
        seeds:
          - id: art
            file: ../../seeds/article.txt
            title: A made-up article
            year: 2007
        """), encoding="utf-8")
    kinds = ("actor", "objective", "figure")
    per_file = 2500  # several files, as an author would split a big topic
    for start in range(0, cards, per_file):
        lines = ["cards:"]
        for i in range(start, min(start + per_file, cards)):
            kind = kinds[i % 3]
            lines += [f"  - id: card-{i}", f"    kind: {kind}", f"    title: Card number {i}",
                      f"    front: What does card {i} say?",
                      "    back: >-", f"      It says that {sentences[i % 300]}",
                      f"    tags: [tag-{i % 12}, synthetic]",
                      f"    related: [card-{(i + 1) % cards}]"]
            if kind == "figure":
                lines += [f"    value: {i}", "    unit: units", "    as_of: 2005",
                          "    series: Synthetic series"]
            lines += ["    sources:", "      - seed: art",
                      f'        quote: "{sentences[i % 300][:70]}"']
        (folder / f"cards-{start // per_file:02d}.yaml").write_text("\n".join(lines) + "\n",
                                                                     encoding="utf-8")
    return folder


class Results:
    """The table's rows and the --json measures, filled as the parts run."""

    def __init__(self):
        self.rows: list[tuple] = []
        self.values: dict[str, float] = {}

    def row(self, measure, ours, baseline, ratio, target, notes="") -> None:
        self.rows.append((measure, ours, baseline, ratio, target, notes))

    def put(self, **values: float) -> None:
        self.values.update({key: round(value, 4) if isinstance(value, float) else value
                            for key, value in values.items()})


def median_ratio(run_a, run_b, times: int) -> tuple[float, float, float]:
    """Median of A, median of B, median of the pairwise ratios A/B (runs alternate)."""
    a_times, b_times, ratios = [], [], []
    for _ in range(times):
        a = run_a()
        b = run_b()
        a_times.append(a)
        b_times.append(b)
        ratios.append(a / b)
    return statistics.median(a_times), statistics.median(b_times), statistics.median(ratios)


def clock(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


# A child process that reports its own peak memory: the rusage of a child can carry
# its parent's peak from before exec, and this benchmark's process is large.
CHILD = """
import atexit, runpy, sys
def peak():
    with open("/proc/self/status") as status:
        kib = next(l.split()[1] for l in status if l.startswith("VmHWM:"))
    sys.stderr.write(f"\\nbench-peak-kib {kib}\\n")
atexit.register(peak)
what, sys.argv = sys.argv[1], sys.argv[1:]
runpy.run_path(what, run_name="__main__") if what.endswith(".py") else runpy.run_module(
    what, run_name="__main__", alter_sys=True)
"""


def run_child(args: list, env: dict | None = None) -> tuple[float, float]:
    """Wall seconds of `python -m MODULE ARGS` (or a script), and its peak RSS in MiB."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, *map(str, args)], env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    lines = [line for line in result.stderr.splitlines() if line.startswith("bench-peak-kib ")]
    if not lines:
        raise RuntimeError(f"{args} exited with status {result.returncode}: {result.stderr}")
    return elapsed, int(lines[-1].split()[1]) / 1024


# -- load -------------------------------------------------------------------------------------

def bench_load(folders: dict[int, Path], runs: int, results: Results) -> None:
    """In-process load of each tier against yaml.load of the same files, collector off:
    the fastest honest baseline (with the collector on, its rescans make yaml.load slow)."""
    import yaml

    from briefing.loader import load_topic

    for cards, folder in folders.items():
        if cards > 10000:
            continue  # the 50,000-card tier is `check`, a whole process, below
        files = sorted(folder.glob("*.yaml"))

        def bare():
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def bare_without_gc():
            gc.disable()
            try:
                bare()
            finally:
                gc.enable()

        def ours():
            topic = load_topic(folder)
            assert topic.ok and len(topic.cards) == cards, topic.problems[:3]

        n = runs if cards < 10000 else max(3, runs // 2)
        ours_t, bare_t, ratio = median_ratio(lambda: clock(ours), lambda: clock(bare_without_gc), n)
        _, bare_gc_t, ratio_gc = median_ratio(lambda: clock(ours), lambda: clock(bare), n)
        tier = _tier(cards)
        results.put(**{f"load_ms_{tier}": ours_t * 1000, f"load_bare_ms_{tier}": bare_t * 1000,
                       f"load_ratio_{tier}": ratio})
        results.row(f"load + validate {cards:,} cards", f"{ours_t * 1000:.0f} ms",
                    f"{bare_t * 1000:.0f} ms", f"{ratio:.2f}x", "<= 1.5x",
                    "yaml.load, collector off; with it on "
                    f"({bare_gc_t * 1000:.0f} ms): {ratio_gc:.2f}x")


def _tier(cards: int) -> str:
    return {100: "100", 1000: "1k", 10000: "10k", 50000: "50k"}[cards]


BARE_PARSE = """
import gc, sys, yaml
from pathlib import Path
gc.disable()  # the fastest honest baseline: no collector rescans
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def bench_check(folders: dict[int, Path], temp: Path, runs: int, results: Results) -> None:
    """`briefing check` as a whole process against a whole process that only parses."""
    cards = max(folders)
    folder = folders[cards]
    bare_script = temp / "bare_parse.py"
    bare_script.write_text(BARE_PARSE, encoding="utf-8")
    ours = lambda: run_child(["briefing", "check", folder])  # noqa: E731
    bare = lambda: run_child([bare_script, folder])  # noqa: E731
    ours()  # warm the file cache
    a, b, peaks_a, peaks_b, ratios = [], [], [], [], []
    for _ in range(max(3, runs // 2) if cards > 10000 else runs):
        (ta, pa), (tb, pb) = ours(), bare()
        a.append(ta)
        b.append(tb)
        peaks_a.append(pa)
        peaks_b.append(pb)
        ratios.append(ta / tb)
    tier = _tier(cards)
    median = statistics.median
    results.put(**{f"check_s_{tier}": median(a), f"check_bare_s_{tier}": median(b),
                   f"check_ratio_{tier}": median(ratios), f"check_peak_mib_{tier}": median(peaks_a),
                   f"check_bare_peak_mib_{tier}": median(peaks_b)})
    results.row(f"`briefing check`, {cards:,} cards", f"{median(a):.2f} s", f"{median(b):.2f} s",
                f"{median(ratios):.2f}x", "<= 1.5x",
                "a process that only runs yaml.load (CSafeLoader, collector off) on the files")
    results.row(f"peak memory, `briefing check`, {cards:,} cards", f"{median(peaks_a):.0f} MiB",
                f"{median(peaks_b):.0f} MiB", "", "<= 200 MiB", "peak RSS of each process")


# -- start-up and memory ------------------------------------------------------------------------

FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class Quit(QObject):
    painted_at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.monotonic()  # the system's clock: the parent reads it too
            QTimer.singleShot(0, app.quit)
        return False
from PySide6.QtCore import qInstallMessageHandler
qInstallMessageHandler(lambda *args: None)  # keep the offscreen plugin's warnings quiet
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication(sys.argv[:1])
    window = painted = QLabel("Briefing Cards")
else:
    from briefing.gui.app import create_app, create_window
    app = create_app()
    window = create_window(sys.argv[2:])
    painted = window.study.card_view.browser.viewport()
quit_on_paint = Quit()
painted.installEventFilter(quit_on_paint)
window.show()
app.exec()
print("painted", quit_on_paint.painted_at)
try:  # this process's own peak: rusage of a child can carry its parent's from before exec
    with open("/proc/self/status") as status:
        print(next(l.split()[1] for l in status if l.startswith("VmHWM:")))
except OSError:
    import resource
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_process(args: list[str], env: dict) -> tuple[float, int]:
    """Time from spawn to the first paint of the card (or the bare label), and the
    child's peak RSS in bytes. Not to its exit: freeing 50,000 cards at exit took
    0.2 s that no user waits for, and the bare window has nothing to free."""
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT, *args], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{args} exited with status {result.returncode}: {result.stderr}")
    words = result.stdout.split()
    painted = float(words[words.index("painted") + 1])
    return painted - start, int(words[-1]) * 1024  # kB


def fill_topic_cache(paths: list[str], env: dict) -> None:
    """What the first start leaves: a first start now quits at its first card, before the
    process reading the rest has written the cache."""
    subprocess.run([sys.executable, "-c", "import sys\n"
                    "from briefing.datafolder import DataFolder\n"
                    "from briefing.library import Library\n"
                    "Library(sys.argv[1:], cache_dir=DataFolder.default().cache)", *paths],
                   env=env, check=True)


def bench_startup(folders: dict[int, Path], data: Path, runs: int, results: Results) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DATA_DIR=str(data))
    cases = [("bundled", "bundled topic", ["app", str(ROOT / "cards")])]
    cases += [(_tier(n), f"{n:,} cards", ["app", str(folders[n].parent)])
              for n in (10000, 50000) if n in folders]
    for _, _, args in cases:
        fill_topic_cache(args[1:], env)  # as the first start left it
        run_process(args, env)  # warm-up
    run_process(["bare"], env)
    bare_times, memory = [], {}
    for key, name, args in cases:
        app_t, bare_t, ratio = median_ratio(lambda: run_process(args, env)[0],
                                            lambda: run_process(["bare"], env)[0], runs)
        bare_times.append(bare_t)
        results.put(**{f"startup_ms_{key}": app_t * 1000, f"startup_ratio_{key}": ratio})
        target = {"bundled": "<= 1.5x", "10k": "<= 1.6x", "50k": "<= 2x"}[key]
        results.row(f"start-up to first card, {name}", f"{app_t * 1000:.0f} ms",
                    f"{bare_t * 1000:.0f} ms", f"{ratio:.2f}x", target,
                    "a bare PySide6 window with a label; cached topic")
        memory[key, name] = [run_process(args, env)[1] for _ in range(3)]
    results.put(startup_bare_ms=statistics.median(bare_times) * 1000)
    big = max(folders)

    def cold_start() -> float:  # an empty data folder each time: no cached topic
        fresh = tempfile.mkdtemp(dir=data.parent)
        return run_process(["app", str(folders[big].parent)], dict(env, BRIEFING_DATA_DIR=fresh))[0]

    cold = statistics.median(cold_start() for _ in range(max(2, runs // 2)))
    results.put(**{f"first_paint_cold_s_{_tier(big)}": cold})
    results.row(f"first start ever, {big:,} cards (no cache)", f"{cold:.2f} s", "", "",
                "first card <= 3 s", "reads and checks all the YAML once, then caches it")
    bare_rss = statistics.median(run_process(["bare"], env)[1] for _ in range(3))
    results.put(startup_bare_peak_mib=bare_rss / 2**20)
    for (key, name), values in memory.items():
        rss = statistics.median(values)
        results.put(**{f"startup_peak_mib_{key}": rss / 2**20})
        results.row(f"peak memory, {name}", f"{rss / 2**20:.0f} MiB", f"{bare_rss / 2**20:.0f} MiB",
                    f"+{(rss - bare_rss) / 2**20:.0f} MiB", "", "peak RSS of the process")


# -- exports ----------------------------------------------------------------------------------

PDF_CHILD = """
import sys, time
from pathlib import Path
from briefing.loader import load_topic
from briefing.pdf import export_pdf
topic = load_topic(Path(sys.argv[1]))
calls = []
start = time.perf_counter()
export_pdf([topic], Path(sys.argv[2]), layout=sys.argv[3], progress=lambda d, n: calls.append(d))
print("bench-seconds", time.perf_counter() - start, len(calls))
"""


def bench_pdf(folders: dict[int, Path], temp: Path, runs: int, sizes, results: Results) -> None:
    """Each PDF in its own process: the export's time (the topic loaded before the clock
    starts) and the process's peak memory."""
    script = temp / "pdf_child.py"
    script.write_text(PDF_CHILD, encoding="utf-8")
    for layout in ("pack", "cards"):
        seconds, peaks = {}, {}
        for cards in sizes:
            times, mems = [], []
            for _ in range(runs if cards <= 1000 else 1):
                result = subprocess.run(
                    [sys.executable, "-c", CHILD, script, folders[cards],
                     temp / f"{layout}-{cards}.pdf", layout], capture_output=True, text=True)
                out = result.stdout.splitlines()
                line = [text for text in out if text.startswith("bench-seconds")]
                if not line:
                    raise RuntimeError(f"PDF {layout} {cards}: {result.stderr}")
                _, took, calls = line[-1].split()
                if int(calls) == 0:
                    raise RuntimeError(f"PDF {layout} {cards}: no progress reported")
                times.append(float(took))
                err = result.stderr.splitlines()
                peak = [text for text in err if text.startswith("bench-peak-kib")]
                mems.append(int(peak[-1].split()[1]) / 1024)
            seconds[cards], peaks[cards] = statistics.median(times), statistics.median(mems)
        small, large = min(sizes), max(sizes)
        per_100 = seconds[large] / large * 100
        growth = seconds[large] / seconds[small]
        prefix = "pdf_pack" if layout == "pack" else "pdf_cards"
        results.put(**{f"{prefix}_s_per_100": per_100, f"{prefix}_growth": growth,
                       **{f"{prefix}_s_{_tier(n)}": seconds[n] for n in sizes},
                       **{f"pdf_{layout}_peak_mib_{_tier(n)}": peaks[n] for n in sizes}})
        if layout == "pack":
            results.put(**{f"pdf_peak_mib_{_tier(large)}": peaks[large]})
        results.row(f"PDF {layout}, {small:,} -> {large:,} cards",
                    f"{per_100:.2f} s per 100 cards ({large:,})",
                    f"{seconds[small] / small * 100:.2f} s per 100 cards ({small:,})",
                    f"{growth:.1f}x for {large // small}x the cards",
                    "<= 0.3 s per 100, linear" if layout == "pack" else "linear",
                    f"{seconds[small]:.1f} s and {seconds[large]:.1f} s; peak "
                    f"{peaks[small]:.0f} and {peaks[large]:.0f} MiB"
                    + (" (<= 300 MiB at 10,000)" if layout == "pack" else ""))


ANKI_IMPORT = """
import sys, tempfile
from pathlib import Path
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
with tempfile.TemporaryDirectory() as folder:
    col = Collection(str(Path(folder) / "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1],
                                                     options=ImportAnkiPackageOptions()))
    col.close()
"""


def bench_anki(folders: dict[int, Path], temp: Path, runs: int, results: Results) -> None:
    """`briefing anki` (load and export) against Anki importing the package it wrote into a
    fresh collection, each a whole process."""
    cards = 10000 if 10000 in folders else max(folders)
    package = temp / f"anki-{cards}.apkg"
    script = temp / "anki_import.py"
    script.write_text(ANKI_IMPORT, encoding="utf-8")
    ours = lambda: run_child(["briefing", "anki", folders[cards], "-o", package])  # noqa: E731
    theirs = lambda: run_child([script, package])  # noqa: E731
    ours()
    theirs()
    ours_t, import_t, ratio = median_ratio(lambda: ours()[0], lambda: theirs()[0], runs)
    tier = _tier(cards)
    results.put(**{f"anki_export_s_{tier}": ours_t, f"anki_import_s_{tier}": import_t,
                   f"anki_export_ratio_{tier}": ratio})
    results.row(f"`briefing anki`, {cards:,} cards", f"{ours_t:.2f} s", f"{import_t:.2f} s",
                f"{ratio:.2f}x", "<= 1x", "Anki importing the same .apkg into a new collection")
    # The same two without starting a process, loading the topic or loading Anki's library.
    import tempfile as temporary

    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from briefing.anki import export_anki
    from briefing.loader import load_topic
    topic = load_topic(folders[cards])

    def anki_import() -> float:
        with temporary.TemporaryDirectory(dir=temp) as folder:
            col = Collection(str(Path(folder) / "collection.anki2"))
            took = clock(lambda: col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(package), options=ImportAnkiPackageOptions())))
            col.close()
        return took

    export_t, import_t, ratio = median_ratio(lambda: clock(lambda: export_anki([topic], package)),
                                             anki_import, runs)
    results.put(**{f"anki_export_only_s_{tier}": export_t, f"anki_import_only_s_{tier}": import_t,
                   f"anki_export_only_ratio_{tier}": ratio})
    results.row(f"Anki export alone, {cards:,} cards", f"{export_t:.2f} s", f"{import_t:.2f} s",
                f"{ratio:.2f}x", "", "in one process: the topic loaded, Anki's library imported")


# -- interaction ------------------------------------------------------------------------------

def bench_interaction(folders: dict[int, Path], data: Path, repeats: int,
                      results: Results) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["BRIEFING_DATA_DIR"] = str(data / "interaction")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from briefing.gui.app import create_app, create_window

    # The offscreen platform warns on every window it cannot resize; not news.
    qInstallMessageHandler(lambda kind, context, text: None
                           if "propagateSizeHints" in text else print(text, file=sys.stderr))
    app = create_app()
    big = 10000 if 10000 in folders else max(folders)
    for key, name, path in (("bundled", "bundled topic", ROOT / "cards"),
                            (_tier(big), f"{big:,} cards", folders[big].parent)):
        window = create_window([path])
        window.show()
        # A first start reads a big topic in another process: measure the cards, not that.
        deadline = time.perf_counter() + 600
        while not (window.started and window.controller.session.current is not None):
            QApplication.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > deadline:
                raise TimeoutError("the window never showed a card")
        viewport = window.study.card_view.browser.viewport()
        flips, nexts = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            window.study.flip()
            QApplication.processEvents()
            viewport.repaint()  # until the answer is painted
            flips.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.study.grade(3)
            QApplication.processEvents()
            viewport.repaint()
            nexts.append(time.perf_counter() - start)
        window.close()
        window.store.close()
        for what, short, values in (("flip to the answer", "flip", flips),
                                    ("grade and show the next card", "grade_next", nexts)):
            values.sort()
            p90 = values[int(len(values) * 0.9)] * 1000
            results.put(**{f"{short}_ms_{key}": statistics.median(values) * 1000,
                           f"{short}_p90_ms_{key}": p90})
            results.row(f"{what}, {name}", f"{statistics.median(values) * 1000:.1f} ms",
                        "", f"p90 {p90:.1f} ms", "< 16 ms",
                        f"median of {repeats}, until painted (offscreen)")
    app.quit()


# -- output -----------------------------------------------------------------------------------

HEADER = ("measure", "Briefing Cards", "baseline", "ratio", "target", "notes")


def print_table(rows: list[tuple]) -> None:
    widths = [max(len(str(r[i])) for r in [HEADER, *rows]) for i in range(5)]
    def line(row: tuple) -> str:
        cells = (str(c).ljust(w) for c, w in zip(row[:5], widths, strict=True))
        return "  ".join(cells) + "  " + row[5]
    print(line(HEADER))
    print(line(tuple("-" * w for w in widths) + ("-----",)))
    for row in rows:
        print(line(row))


def print_markdown(rows: list[tuple]) -> None:
    cell = lambda text: str(text).replace("|", "\\|")  # noqa: E731
    print("| " + " | ".join(HEADER) + " |")
    print("| " + " | ".join("---" for _ in HEADER) + " |")
    for row in rows:
        print("| " + " | ".join(cell(c) for c in row) + " |")


PARTS = ("load", "check", "startup", "pdf", "anki", "interaction", "gui")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs; no 10,000-card pack (the pack's per-100 is from 1,000)")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="run only this part (may be given more than once)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object of medians")
    output.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--save", type=Path, metavar="FILE",
                        help="also write the --json object to FILE (one run, both outputs)")
    args = parser.parse_args()
    parts = set(args.only or PARTS)
    runs = 3 if args.quick else 7
    results = Results()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        temp = Path(temp)
        folders = {n: write_topic(temp / f"t{n}", n) for n in TIERS}
        data = temp / "data"
        data.mkdir()
        # Every child (an export keeps its topic cache there) uses this run's data folder,
        # never the user's.
        os.environ["BRIEFING_DATA_DIR"] = str(data)
        if "load" in parts:
            bench_load(folders, runs, results)
        if "check" in parts:
            bench_check(folders, temp, runs, results)
        if "anki" in parts:
            bench_anki(folders, temp, 3 if args.quick else 5, results)
        if "pdf" in parts:
            bench_pdf(folders, temp, 1 if args.quick else 3,
                      (100, 1000) if args.quick else (1000, 10000), results)
        if "startup" in parts:
            bench_startup(folders, data, runs, results)
        if "interaction" in parts:  # before the GUI part, whose big windows leave garbage
            bench_interaction(folders, data, 30 if args.quick else 60, results)
        if "gui" in parts:
            from bench_gui import bench_gui
            bench_gui(folders, data, 3 if args.quick else 5, results)
    values = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
              for k, v in results.values.items()}
    if args.save:
        args.save.write_text(json.dumps(values, indent=1, sort_keys=True) + "\n")
    if args.json:
        print(json.dumps(values, indent=1, sort_keys=True))
        return 0
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores; medians, ratios against "
          "baselines measured in the same run")
    (print_markdown if args.markdown else print_table)(results.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
