"""Export topics to an Anki package (.apkg), so the cards can be reviewed on a phone.

One deck per topic under a "Briefing Cards" parent deck, one note per card. The
note type, deck and note ids come from fixed strings and the topic and card ids,
so importing a newer export updates the notes already in Anki instead of adding
copies. Importing this package loads neither genanki nor anything heavy.
"""
from .package import AnkiExportError, AnkiReport, export_anki

__all__ = ["AnkiExportError", "AnkiReport", "export_anki"]
