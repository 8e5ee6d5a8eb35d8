"""The Statistics charts, painted with QPainter from the values `briefing.stats_charts` gives."""
