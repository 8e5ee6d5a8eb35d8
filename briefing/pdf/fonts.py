"""Which font draws each character: Helvetica for Latin, a system font per script for the rest.

Helvetica (a PDF standard font, WinAnsi encoding) needs no file, so Latin text
with curly quotes and dashes works on every machine. Any other character is
looked up in TrueType fonts found on the system, preferring a font known to
suit its script (Hangul, Han, ...). reportlab cannot embed CFF/PostScript
outline fonts (e.g. the Noto CJK .ttc files), so those are skipped. A
character no font covers is recorded, so the report can say what was lost.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..wording import longest_fitting

BASE = "Helvetica"
BASE_BOLD = "Helvetica-Bold"
BASE_ITALIC = "Helvetica-Oblique"

# Fonts known to cover a script well, as file names, best first. All are
# TrueType outlines. Debian packages: fonts-nanum, fonts-wqy-microhei,
# fonts-wqy-zenhei, fonts-droid-fallback, fonts-arphic-uming, fonts-dejavu-core.
_HANGUL = ["NanumGothic.ttf", "NanumBarunGothic.ttf", "malgun.ttf", "AppleGothic.ttf",
           "UnDotum.ttf", "wqy-microhei.ttc", "wqy-zenhei.ttc", "Arial Unicode.ttf"]
_HAN = ["wqy-microhei.ttc", "wqy-zenhei.ttc", "DroidSansFallbackFull.ttf", "uming.ttc",
        "msyh.ttc", "simsun.ttc", "Arial Unicode.ttf", "NanumGothic.ttf"]
_GENERAL = ["DejaVuSans.ttf", "FreeSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf",
            "arial.ttf", "Arial Unicode.ttf"]
PREFERRED = {"Hangul": _HANGUL, "Han": _HAN, "Kana": _HAN}
BOLD_SIBLINGS = {"NanumGothic.ttf": "NanumGothicBold.ttf",
                 "NanumBarunGothic.ttf": "NanumBarunGothicBold.ttf",
                 "DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "FreeSans.ttf": "FreeSansBold.ttf",
                 "LiberationSans-Regular.ttf": "LiberationSans-Bold.ttf",
                 "NotoSans-Regular.ttf": "NotoSans-Bold.ttf", "malgun.ttf": "malgunbd.ttf",
                 "arial.ttf": "arialbd.ttf"}
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
ENV_FONTS = "BRIEFING_PDF_FONTS"  # extra font files, tried first for every script
ENV_SYSTEM = "BRIEFING_PDF_SYSTEM_FONTS"  # "0": use only BRIEFING_PDF_FONTS, no system fonts
FONTCONFIG_QUERIES = 40


def font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local/share/fonts", home / ".fonts"]
    if sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    if os.name == "nt":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        dirs.append(Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts")
    return dirs


def in_base(char: str) -> bool:
    """Helvetica can draw it: WinAnsi (cp1252) and not a control character."""
    if char in "\n\t ":
        return True
    if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
        return False
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def script_of(char: str) -> str:
    """A readable script name for a character, from its Unicode name."""
    name = unicodedata.name(char, "")
    if name.startswith("HANGUL"):
        return "Hangul"
    if "IDEOGRAPH" in name or name.startswith(("CJK", "KANGXI", "FULLWIDTH", "HALFWIDTH")):
        return "Han"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "Kana"
    if not name:
        return "unknown"
    first = name.split()[0]
    if first in ("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW", "ARMENIAN", "GEORGIAN",
                 "DEVANAGARI", "BENGALI", "TAMIL", "THAI", "LAO", "TIBETAN", "ETHIOPIC"):
        return first.title()
    return "symbols"


@dataclass(frozen=True)
class Face:
    """A loaded fallback font: its registered family name and the characters it covers."""

    family: str
    path: Path
    chars: frozenset[int] = field(repr=False)

    def covers(self, char: str) -> bool:
        return ord(char) in self.chars


_REGISTER_LOCK = threading.Lock()
# The ASCII characters in_base refuses: controls other than line feed and tab.
_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _load(path: Path) -> Face | None:
    """Register a TrueType font (and its bold sibling) with reportlab; None if unusable."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    family = "BC-" + "".join(c if c.isalnum() else "-" for c in path.stem)
    with _REGISTER_LOCK:
        try:
            font = pdfmetrics.getFont(family)
        except KeyError:
            try:
                font = TTFont(family, str(path), subfontIndex=0)
            except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
                return None  # CFF outlines, a broken file, or not a font at all
            pdfmetrics.registerFont(font)
            bold = family
            sibling = path.with_name(BOLD_SIBLINGS.get(path.name, path.name))
            if sibling != path and sibling.is_file():
                try:
                    pdfmetrics.registerFont(TTFont(family + "-Bold", str(sibling), subfontIndex=0))
                    bold = family + "-Bold"
                except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
                    pass
            # <b> inside <font face=...> looks up the family's bold member;
            # without a mapping reportlab raises, so map every style.
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, family)
            addMapping(family, 1, 1, bold)
        return Face(family, path, frozenset(font.face.charToGlyph))


class FontFinder:
    """Finds and loads fallback fonts; one per process is enough (see `default_finder`)."""

    def __init__(self, extra: list[Path] | None = None, dirs: list[Path] | None = None,
                 fontconfig: bool = True):
        system = os.environ.get(ENV_SYSTEM, "1").strip() != "0"
        self.extra = list(extra) if extra is not None else _env_fonts()
        self.dirs = (font_dirs() if system else []) if dirs is None else list(dirs)
        self.fontconfig = fontconfig and system and shutil.which("fc-list") is not None
        self._index: dict[str, Path] | None = None
        self._faces: dict[Path, Face | None] = {}
        self._chosen: dict[str, Face | None] = {}
        self._lock = threading.Lock()
        # fc-list runs once per character: after a script comes up empty, or
        # after many queries, stop asking, so odd text cannot stall an export
        self._fc_failed: set[str] = set()
        self._fc_queries = 0
        self.system = os.environ.get(ENV_SYSTEM, "1")

    def face_for(self, char: str) -> Face | None:
        with self._lock:
            if char not in self._chosen:
                self._chosen[char] = self._find(char)
            return self._chosen[char]

    def _find(self, char: str) -> Face | None:
        script = script_of(char)
        for path in self._candidates(script):
            face = self._face(path)
            if face and face.covers(char):
                return face
        if script in self._fc_failed or self._fc_queries >= FONTCONFIG_QUERIES:
            return None
        self._fc_queries += 1
        for path in self._fontconfig(char):
            face = self._face(path)
            if face and face.covers(char):
                return face
        self._fc_failed.add(script)
        return None

    def _candidates(self, script: str) -> list[Path]:
        index = self._file_index()
        names = PREFERRED.get(script, []) + _GENERAL + _HAN + _HANGUL
        paths = list(self.extra) + [index[n.lower()] for n in names if n.lower() in index]
        return list(dict.fromkeys(paths))

    def _face(self, path: Path) -> Face | None:
        if path not in self._faces:
            self._faces[path] = _load(path)
        return self._faces[path]

    def _file_index(self) -> dict[str, Path]:
        """Font files under the font folders, by lower-case file name (first found wins)."""
        if self._index is None:
            self._index = {}
            for folder in self.dirs:
                for root, _dirs, files in os.walk(folder):
                    for name in files:
                        if name.lower().endswith(FONT_SUFFIXES):
                            self._index.setdefault(name.lower(), Path(root) / name)
        return self._index

    def _fontconfig(self, char: str, limit: int = 6) -> list[Path]:
        """Ask fontconfig which installed fonts cover the character (Linux, some macOS)."""
        if not self.fontconfig:
            return []
        try:
            found = subprocess.run(
                ["fc-list", "--format", "%{file}\n", f":charset={ord(char):x}"],
                capture_output=True, text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        paths = sorted({Path(line) for line in found.splitlines()
                        if line.lower().endswith((".ttf", ".ttc"))})
        return [p for p in paths if p not in self._faces][:limit]


def _env_fonts() -> list[Path]:
    value = os.environ.get(ENV_FONTS, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


_DEFAULT: FontFinder | None = None


def default_finder() -> FontFinder:
    """The shared finder, so each font file is read once per process."""
    global _DEFAULT
    if (_DEFAULT is None or _DEFAULT.extra != _env_fonts()
            or _DEFAULT.system != os.environ.get(ENV_SYSTEM, "1")):
        _DEFAULT = FontFinder()
    return _DEFAULT


class Missing:
    """Characters no font could draw, with where they were (a card field, a heading)."""

    def __init__(self):
        self.by_place: dict[str, tuple[str, set[str]]] = {}

    def add(self, where: str, text: str, char: str) -> None:
        _text, chars = self.by_place.setdefault(where, (text, set()))
        chars.add(char)


class Fonts:
    """Splits text into runs, each with the font that draws it; records what none can."""

    def __init__(self, finder: FontFinder | None = None):
        self.finder = finder or default_finder()
        self.missing = Missing()

    def runs(self, text: str, where: str = "") -> list[tuple[str | None, str]]:
        """[(family or None for the base font, chunk)], in order."""
        if text.isascii() and not _ASCII_CONTROLS.search(text):
            return [(None, text)] if text else []  # most text: Helvetica draws all of it
        runs: list[tuple[str | None, str]] = []
        for char in text:
            family = None
            if not in_base(char):
                if unicodedata.category(char) in ("Cc", "Cf"):
                    continue  # invisible controls: nothing to draw, nothing lost
                face = self.finder.face_for(char)
                if face is None:
                    self.missing.add(where, text, char)
                else:
                    family = face.family
            if runs and runs[-1][0] == family:
                runs[-1] = (family, runs[-1][1] + char)
            else:
                runs.append((family, char))
        return runs

    def single(self, text: str, where: str = "") -> str:
        """One font for a whole string (chart labels cannot switch fonts mid-string)."""
        families = [family for family, _chunk in self.runs(text, where) if family]
        return families[0] if families else BASE


def fitted_line(fonts: Fonts, text: str, size: float, room: float, *, bold: bool = False,
                where: str = "") -> tuple[list[tuple[str, str]], float]:
    """One line of mixed-script text as (font name, chunk) pieces, cut with an
    ellipsis to fit `room` points; and its width."""
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase.pdfmetrics import stringWidth

    base = BASE_BOLD if bold else BASE

    def pieces(part: str) -> list[tuple[str, str]]:
        return [(base if family is None else tt2ps(family, int(bold), 0), chunk)
                for family, chunk in fonts.runs(part, where)]

    def width(found: list[tuple[str, str]]) -> float:
        return sum(stringWidth(chunk, name, size) for name, chunk in found)

    text = " ".join(str(text).split())[:300]
    found = pieces(text)
    if width(found) <= room:
        return found, width(found)
    shown = longest_fitting(text, lambda part: width(pieces(part)) <= room)
    found = pieces(shown) if shown else []
    return found, width(found)


def draw_line(canvas, pieces: list[tuple[str, str]], x: float, y: float, size: float) -> None:
    for name, chunk in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += canvas.stringWidth(chunk, name, size)
