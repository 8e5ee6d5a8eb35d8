"""Benchmarks: loading, start-up, memory, PDF export and interaction, as ratios.

    python3 run.py bench            # everything (a few minutes)
    python3 run.py bench --quick    # fewer runs, no 10,000-card PDF

These machines are shared and noisy, so every figure is a median of several
runs and each is compared with a baseline measured in the same run,
alternating A and B. Not part of the test suite: nothing here asserts.
"""
from __future__ import annotations

import argparse
import gc
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


WORDS = ("the talks in beijing moved forward as china pressed pyongyang to return while trade "
         "grew each year and aid kept the north afloat").split()


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


# -- load -------------------------------------------------------------------------------------

def bench_load(folders: dict[int, Path], runs: int) -> list[tuple]:
    import yaml
    from briefing.loader import load_topic

    rows = []
    for cards, folder in folders.items():
        files = sorted(folder.glob("*.yaml"))

        def bare():
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours():
            topic = load_topic(folder)
            assert topic.ok and len(topic.cards) == cards, topic.problems[:3]

        def bare_without_gc():
            gc.disable()
            try:
                bare()
            finally:
                gc.enable()

        n = runs if cards < 10000 else max(3, runs // 2)
        ours_t, bare_t, ratio = median_ratio(lambda: clock(ours), lambda: clock(bare), n)
        _, bare_nogc_t, ratio_nogc = median_ratio(lambda: clock(ours), lambda: clock(bare_without_gc), n)
        rows.append((f"load + validate {cards:,} cards", f"{ours_t * 1000:.0f} ms",
                     f"{bare_t * 1000:.0f} ms", f"{ratio:.2f}x", "<= 1.5x",
                     f"vs yaml.load with the collector off ({bare_nogc_t * 1000:.0f} ms): "
                     f"{ratio_nogc:.2f}x"))
    return rows


# -- start-up and memory ------------------------------------------------------------------------

FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
from PySide6.QtCore import qInstallMessageHandler
qInstallMessageHandler(lambda *args: None)  # keep the offscreen plugin's warnings quiet
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication(sys.argv[:1])
    widget = painted = QLabel("Briefing Cards")
else:
    from briefing.gui.app import create_app, create_window
    app = create_app()
    widget = create_window(sys.argv[2:])
    painted = widget.card_view.browser.viewport()
quit_on_paint = Quit()
painted.installEventFilter(quit_on_paint)
widget.show()
app.exec()
try:  # this process's own peak: rusage of a child can carry its parent's from before exec
    with open("/proc/self/status") as status:
        print(next(l.split()[1] for l in status if l.startswith("VmHWM:")))
except OSError:
    import resource
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_process(args: list[str], env: dict) -> tuple[float, int]:
    """Wall time from spawn to exit, and the child's peak RSS in bytes."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT, *args], env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{args} exited with status {result.returncode}: {result.stderr}")
    return elapsed, int(result.stdout.split()[-1]) * 1024  # kB


def bench_startup(folders: dict[int, Path], data: Path, runs: int) -> list[tuple]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DATA_DIR=str(data))
    bundled = str(ROOT / "cards")
    big = str(folders[max(folders)].parent)
    cases = [("bundled topic", ["app", bundled]), (f"{max(folders):,} cards", ["app", big])]
    for _, args in cases:
        run_process(args, env)  # warm-up, and fills the topic cache as a second start would
    run_process(["bare"], env)
    rows = []
    memory = {}
    for name, args in cases:
        app_t, bare_t, ratio = median_ratio(lambda: run_process(args, env)[0],
                                            lambda: run_process(["bare"], env)[0], runs)
        rows.append((f"start-up to first card, {name}", f"{app_t * 1000:.0f} ms",
                     f"{bare_t * 1000:.0f} ms", f"{ratio:.2f}x", "<= 2.5x",
                     "a bare PySide6 window with a label; Anki 26.9 takes ~530 ms here"))
        memory[name] = [run_process(args, env)[1] for _ in range(3)]
    def cold_start() -> float:  # an empty data folder each time: no cached topic
        fresh = tempfile.mkdtemp(dir=data.parent)
        return run_process(["app", big], dict(env, BRIEFING_DATA_DIR=fresh))[0]
    cold = statistics.median(cold_start() for _ in range(max(2, runs // 2)))
    rows.append((f"first start ever, {max(folders):,} cards (no cache)", f"{cold * 1000:.0f} ms",
                 "", "", "", "reads and checks all the YAML once, then caches it"))
    bare_rss = statistics.median(run_process(["bare"], env)[1] for _ in range(3))
    for name, values in memory.items():
        rss = statistics.median(values)
        rows.append((f"peak memory, {name}", f"{rss / 2**20:.0f} MiB", f"{bare_rss / 2**20:.0f} MiB",
                     f"+{(rss - bare_rss) / 2**20:.0f} MiB", "<= +60 MiB", "peak RSS of the process"))
    return rows


# -- export -----------------------------------------------------------------------------------

def bench_export(folders: dict[int, Path], out: Path, runs: int, sizes) -> list[tuple]:
    from briefing.loader import load_topic
    from briefing.pdf import export_pdf

    rows = []
    for layout in ("pack", "cards"):
        seconds = {}
        for cards in sizes:
            topic = load_topic(folders[cards])
            target = out / f"{layout}-{cards}.pdf"
            seconds[cards] = statistics.median(
                clock(lambda: export_pdf([topic], target, layout=layout)) for _ in range(runs))
        small, large = min(sizes), max(sizes)
        growth = seconds[large] / seconds[small]
        rows.append((f"PDF {layout}, {small:,} -> {large:,} cards",
                     f"{seconds[large] / large * 100 * 1000:.0f} ms per 100 cards",
                     f"{seconds[small] / small * 100 * 1000:.0f} ms per 100 cards",
                     f"{growth:.1f}x for {large // small}x the cards", f"<= {1.2 * large // small:.0f}x",
                     f"{seconds[small]:.2f} s and {seconds[large]:.2f} s"))
    return rows


# -- interaction ------------------------------------------------------------------------------

def bench_interaction(folders: dict[int, Path], data: Path, repeats: int) -> list[tuple]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["BRIEFING_DATA_DIR"] = str(data / "interaction")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication
    from briefing.gui.app import create_app, create_window

    # The offscreen platform warns on every window it cannot resize; not news.
    qInstallMessageHandler(lambda kind, context, text: None
                           if "propagateSizeHints" in text else print(text, file=sys.stderr))
    app = create_app()
    rows = []
    for name, path in (("bundled topic", ROOT / "cards"),
                       (f"{max(folders):,} cards", folders[max(folders)].parent)):
        window = create_window([path])
        window.show()
        QApplication.processEvents()
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
        for what, values in (("flip to the answer", flips), ("grade and show the next card", nexts)):
            values.sort()
            rows.append((f"{what}, {name}", f"{statistics.median(values) * 1000:.1f} ms",
                         "", f"p90 {values[int(len(values) * 0.9)] * 1000:.1f} ms", "< 16 ms",
                         f"median of {repeats}, until painted (offscreen)"))
    app.quit()
    return rows


def print_table(rows: list[tuple]) -> None:
    header = ("measure", "Briefing Cards", "baseline", "ratio", "target", "notes")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r[:5], widths)) + "  " + r[5]
    print(line(header))
    print(line(tuple("-" * w for w in widths) + ("-----",)))
    for row in rows:
        print(line(row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; skip the biggest PDF")
    parser.add_argument("--only", choices=("load", "startup", "export", "interaction"))
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        temp = Path(temp)
        folders = {n: write_topic(temp / f"t{n}", n) for n in (100, 1000, 10000)}
        data = temp / "data"
        data.mkdir()
        rows = []
        if args.only in (None, "load"):
            rows += bench_load(folders, runs)
        if args.only in (None, "startup"):
            rows += bench_startup(folders, data, runs)
        if args.only in (None, "export"):
            rows += bench_export(folders, temp, 1 if args.quick else 3, (100, 1000))
        if args.only in (None, "interaction"):
            rows += bench_interaction(folders, data, 30 if args.quick else 60)
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores; medians, ratios against "
          "baselines measured in the same run")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
