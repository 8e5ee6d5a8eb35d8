"""Two versions of a file side by side, line against line, with what differs marked."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

SAME, CHANGED, ONLY_LEFT, ONLY_RIGHT = "same", "changed", "left", "right"


@dataclass(frozen=True)
class Row:
    left: str | None   # None: no line on this side (the other side added one)
    right: str | None
    kind: str


def side_by_side(left: str, right: str) -> list[Row]:
    """Rows aligning the two texts: equal lines once, changed lines facing each other, and a
    gap on the side that lacks a line, so each difference sits on one row."""
    a, b = left.splitlines(), right.splitlines()
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [Row(line, line, SAME) for line in a[i1:i2]]
        elif op == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                mine = a[i1 + k] if i1 + k < i2 else None
                theirs = b[j1 + k] if j1 + k < j2 else None
                kind = CHANGED if mine is not None and theirs is not None else \
                    ONLY_LEFT if theirs is None else ONLY_RIGHT
                rows.append(Row(mine, theirs, kind))
        elif op == "delete":
            rows += [Row(line, None, ONLY_LEFT) for line in a[i1:i2]]
        else:
            rows += [Row(None, line, ONLY_RIGHT) for line in b[j1:j2]]
    return rows


def summary(rows: list[Row]) -> str:
    changed = sum(r.kind == CHANGED for r in rows)
    left = sum(r.kind == ONLY_LEFT for r in rows)
    right = sum(r.kind == ONLY_RIGHT for r in rows)
    parts = [f"{changed} changed", f"{left} only in yours", f"{right} only on disk"]
    return "Lines that differ: " + ", ".join(parts) + "." if changed or left or right else \
        "The two versions have the same lines (they differ only in spaces or line ends)."
