"""Briefing Cards: flashcard briefings on a policy topic, every fact traced to its source."""

__version__ = "0.1.0"
