"""reportlab's Paragraph, breaking its lines once per width instead of at every wrap.

A pack is laid out three times or more (multiBuild repeats until the contents and
the page count settle), and KeepTogether measures a card's paragraphs before the
frame wraps them again: the same paragraph was broken into the same lines six
times, most of a pack's time. Breaking lines depends only on the text, the style
and the width, so the result of the first wrap at a width is kept and given back.
"""
from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph

# What Paragraph.wrap (and breakLines under it) sets on the paragraph.
_WRAPPED = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount",
            "_hyphenations")


class Paragraph(_Paragraph):
    def drawOn(self, canvas, x, y, _sW=0):
        if getattr(canvas, "measuring_only", False):
            return  # a layout pass whose pages are thrown away (see PackDoc.build_story)
        super().drawOn(canvas, x, y, _sW)

    def wrap(self, availWidth, availHeight):
        cache = self.__dict__.setdefault("_wrap_cache", {})
        key = (availWidth, id(self.style))  # a copy given another style breaks anew
        state = cache.get(key)
        if state is not None:
            self.__dict__.update(state)  # split() may have deleted blPara since
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        # Kept only when the lines were broken (not for a width too narrow to try), and
        # for a few widths: a table measures its cells at one.
        if self.__dict__.get("width") == availWidth and "blPara" in self.__dict__ \
                and len(cache) < 4:
            cache[key] = {name: self.__dict__[name] for name in _WRAPPED
                          if name in self.__dict__}
        return size
