"""What each action of the window's table does: the one place an action meets its handler.

Card keys act only while a card is on screen; the rest work from any page.
"""
from __future__ import annotations

from collections.abc import Callable

from ..library import CardFilter
from ..study import Mode
from . import help

STUDY = "study"


def handlers(window) -> dict[str, Callable[[], None]]:
    def on_cards(run):  # card keys act only while a card is on screen
        return lambda: run() if window.pages.showing(STUDY) else None
    look, study, authoring = window.look, window.study, window.authoring
    return {
        "new_topic": authoring.new_topic, "import_article": window.importer.choose_files,
        "open_folder": window.topic_files.open_folder,
        "save": authoring.save, "save_all": authoring.save_all,
        "reload": window.topic_files.reload,
        "export_pdf": window.export_pdf, "export_anki": window.export_anki, "quit": window.close,
        "undo": study.undo, "find": window.filters.find, "edit_topic": window.edit_topic,
        "choose_topic": window.sidebar.topics.setFocus, "choose_tag": window.sidebar.choose_tag,
        **{f"kind_{kind or 'all'}": (lambda kind=kind: window.sidebar.kind_buttons[kind].click())
           for kind in ("", "actor", "objective", "figure")},
        "topic_options": study.topic_options,
        "custom_study": lambda: (window.pages.show_page(STUDY), study.custom_study()),
        "bury": on_cards(lambda: study.mark("bury")),
        "suspend": on_cards(lambda: study.mark("suspend")),
        "flag": on_cards(lambda: study.mark("flag")),
        "clear_filters": lambda: window.set_filter(CardFilter(window.controller.filter.topic)),
        "study": lambda: window.set_mode(Mode.STUDY),
        "browse": lambda: window.set_mode(Mode.BROWSE),
        "quiz": lambda: window.set_mode(Mode.QUIZ), "statistics": window.show_statistics,
        **window.briefing.handlers(),
        "reveal": on_cards(window._enter),
        **{f"grade_{r}": on_cards(lambda r=r: study.grade(r)) for r in range(1, 5)},
        "previous": on_cards(study.previous), "next": on_cards(study.next),
        "go_back": on_cards(study.back), "card_info": on_cards(study.show_card_info),
        "show_in_article": on_cards(study.show_in_article),
        "new_card_from_selection": window.reading.new_card_from_selection,
        "suggestions": window.reading.show_suggestions,
        "back_to_card": window.back_to_card,
        "zoom_in": lambda: look.zoom(1), "zoom_out": lambda: look.zoom(-1),
        "zoom_reset": look.reset_zoom,
        **{f"theme_{name}": (lambda name=name: look.set_theme(name))
           for name in ("system", "light", "dark")},
        "shortcuts": lambda: help.show_shortcuts(window), "about": lambda: help.show_about(window),
    }
