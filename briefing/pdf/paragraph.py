"""reportlab's Paragraph, breaking its lines once per width instead of at every wrap.

KeepTogether measures a card's paragraphs before the frame wraps them again, and a
table measures its cells more than once: the same paragraph was broken into the same
lines several times, most of a pack's time. Breaking lines depends only on the text, the style
and the width, so the result of the first wrap at a width is kept and given back.
"""
from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph

# What Paragraph.wrap (and breakLines under it) sets on the paragraph.
_WRAPPED = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount",
            "_hyphenations")


class Paragraph(_Paragraph):
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
