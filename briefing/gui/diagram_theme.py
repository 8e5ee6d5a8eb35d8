"""Colours and fonts of the drawn views (timeline, actor map) in each theme.

The light colours are the PDF pack's, so the screen looks like the print; the dark ones
are lighter tints that keep every text at 4.5:1 or more on its background. Diagram text
is measured and drawn with one QFont per size, so the core's layout (which takes the
measure) and the drawing agree to the point: labels the layout keeps apart stay apart.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication

from .theme import Colors

GROUPS = {  # stroke (and heading text), light then dark
    "state": ("#1f4e8c", "#7fa8ff"), "leader": ("#2e7d4f", "#6fcf97"),
    "institution": ("#a0522d", "#e8a07a"), "school": ("#6a4c93", "#c3a8f0"),
    "other": ("#5f6368", "#a0a8b6")}
RELATIONS = {
    "supports": ("#2e7d4f", "#6fcf97"), "depends-on": ("#a07800", "#e0c060"),
    "presses": ("#d35400", "#f0955a"), "courts": ("#6a4c93", "#c3a8f0"),
    "opposes": ("#b03a2e", "#f07b70"), "works-with": ("#1f4e8c", "#7fa8ff"),
    "relation": ("#5f6368", "#a0a8b6"), "related": ("#b8bec5", "#5b6470")}
JUDGMENT = ("#7a5c00", "#e0c060")   # a key judgment on the timeline


def _pick(pair: tuple[str, str], colors: Colors) -> QColor:
    return QColor(pair[1] if colors.dark else pair[0])


def group_stroke(group: str, colors: Colors) -> QColor:
    return _pick(GROUPS.get(group, GROUPS["other"]), colors)


def group_fill(group: str, colors: Colors) -> QColor:
    """The group's colour washed into the sheet: a tint the text stays readable on."""
    return mix(group_stroke(group, colors), QColor(colors.base), 0.86 if not colors.dark else 0.8)


def relation_color(kind: str, colors: Colors) -> QColor:
    return _pick(RELATIONS.get(kind, RELATIONS["relation"]), colors)


def entry_color(kind: str, colors: Colors) -> QColor:
    """A timeline entry's colour: its card's kind, or the key judgments' own."""
    return QColor(colors.kinds[kind]) if kind in colors.kinds else _pick(JUDGMENT, colors)


def mix(color: QColor, toward: QColor, amount: float) -> QColor:
    a, b = color.getRgbF(), toward.getRgbF()
    return QColor.fromRgbF(*(a[i] * (1 - amount) + b[i] * amount for i in range(3)))


def _dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen else 96.0


def zoom_for(size: float, share: float = 1.0) -> float:
    """How much to scale a diagram whose text is `size` units so that it reads at `share`
    of the window's own text (which follows View > Zoom)."""
    return QGuiApplication.font().pointSizeF() * _dpi() / 72 * share / size


@lru_cache(maxsize=32)
def diagram_font(size: float, bold: bool = False) -> QFont:
    """A font whose em is `size` scene units (pixels before the view's zoom), unhinted so
    that its advances scale with the view instead of snapping to whole pixels."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(size * 72.0 / _dpi())
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@lru_cache(maxsize=8192)
def measure(text: str, size: float, bold: bool = False) -> float:
    """The core's Measure: the width of text in the font it is drawn with."""
    return QFontMetricsF(diagram_font(size, bold)).horizontalAdvance(text)


def ascent(size: float, bold: bool = False) -> float:
    return QFontMetricsF(diagram_font(size, bold)).ascent()
