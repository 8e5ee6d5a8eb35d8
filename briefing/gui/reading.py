"""Reading an article in the app: the article page, its coverage and suggestions measured
off the GUI thread, and what the user does there (open a quoted card, accept or reject
a suggestion, make a card of a selection). What it shows is briefing.reading's."""
from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from ..library import Library
from ..model import Card, Seed, Source, Topic
from ..quotes import SeedTexts
from ..reading import Analysis, ArticleMap, analyse
from .authoring import Authoring
from .background import Background
from .look import Look
from .pages import PageStack

ARTICLE = "article"


class Reading(QObject):
    card_requested = Signal(object)      # a Card whose quote was clicked: show it
    suggestions_shown = Signal(bool)     # the panel was shown or hidden
    back_requested = Signal()
    warning = Signal(str)                # for the banner ("" clears it)
    message = Signal(str)                # for the status bar

    def __init__(self, window, library: Library, pages: PageStack, look: Look,
                 authoring: Authoring, settings: QSettings):
        super().__init__(window)
        self.library, self.pages, self.look = library, pages, look
        self.authoring, self.settings = authoring, settings
        self.analysis = Background(self)
        self.texts = SeedTexts()  # the worker's own: the GUI thread reads library.seeds
        self.topic: Topic | None = None
        self.seed: Seed | None = None
        self.panel_shown = str(settings.value("view/suggestions", "false")) == "true"
        self._then = None   # the suggestion to choose after an accepted one
        pages.lazy(ARTICLE, self._make_view)

    def _make_view(self):
        from .article_view import ArticleView
        view = ArticleView()
        view.back_requested.connect(self.back_requested)
        view.new_card_requested.connect(self.new_card_from_selection)
        view.quote_clicked.connect(self._quote_clicked)
        view.suggestions_toggled.connect(self.show_suggestions)
        view.panel.accepted.connect(self.accept)
        view.panel.rejected.connect(self.reject)
        view.apply_colors(self.look.colors, self.look.point_size)
        view.show_suggestions(self.panel_shown)
        self.look.changed.connect(lambda: view.apply_colors(self.look.colors,
                                                            self.look.point_size))
        return view

    @property
    def view(self):
        return self.pages.page(ARTICLE)

    # -- showing an article ----------------------------------------------------------

    def show_source(self, source: Source) -> None:
        """A card's source: its article with the quote highlighted."""
        topic = next((t for t in self.library.topics if source.seed in t.seeds), None)
        self.show_seed(topic, source.seed, source.quote)

    def show_seed(self, topic: Topic | None, seed: Seed, quote: str = "") -> None:
        try:
            article = self.library.seeds.text(seed.path)
        except (OSError, UnicodeDecodeError) as error:
            self.warning.emit(f"Cannot open the article {seed.path}: {error}")
            return
        self.warning.emit("")
        changed = (topic, seed) != (self.topic, self.seed)
        self.topic, self.seed = topic, seed
        self.view.show_article(topic.id if topic else "", seed, article, quote)
        self.pages.show_page(ARTICLE)
        if changed or self.view.map is None:
            self.measure(afresh=True)

    def refresh(self) -> None:
        """The topics were read again (a card was added, a file changed): measure again,
        keeping the place in the article."""
        if self.topic is None or self.pages.made(ARTICLE) is None:
            return
        topic = self.library.topic(self.topic.id)
        seed = next((s for s in topic.seeds if s.id == self.seed.id), None) if topic else None
        if seed is None:
            return
        self.topic, self.seed = topic, seed
        try:
            article = self.library.seeds.text(seed.path)
        except (OSError, UnicodeDecodeError):
            return  # the next Show in article says why
        if article != self.view.article:
            self.view.show_article(topic.id, seed, article)
        self.measure()

    def measure(self, afresh: bool = False) -> None:
        """Coverage and suggestions for the article shown, off the GUI thread; afresh, for
        another article (else what is shown stays until the new figures come)."""
        topic, seed, texts = self.topic, self.seed, self.texts
        if topic is None:
            self.view.set_map(None, "This article belongs to no open topic.")
            return
        if afresh:
            self.view.panel.set_busy("Reading the article…")
        # The suggestions' modules (and the YAML they load) wait for the first article;
        # imported here, on the GUI thread, not by the worker.
        from ..suggestions import rejected as rejections

        def work() -> tuple[Analysis, str]:
            try:
                skip, trouble = rejections.rejected(topic.path), ""
            except rejections.RejectedError as error:
                skip, trouble = set(), str(error)
            return analyse(topic, seed, texts, skip), trouble
        self.analysis.run(work, self._measured, self._not_measured)

    def _measured(self, result: tuple[Analysis, str]) -> None:
        found, trouble = result
        self.view.set_map(found.map)
        self.view.panel.set_suggestions(found.suggestions, found.note)
        if self._then is not None and self.view.panel.current() is None:
            self.view.panel.choose(self._then)
        self._then = None
        if trouble:
            self.warning.emit(trouble)

    def _not_measured(self, error: Exception) -> None:
        self.view.set_map(None, f"Coverage not measured: {error}")
        self.view.panel.set_suggestions([], "No suggestions: the article cannot be read.")

    @property
    def map(self) -> ArticleMap | None:
        made = self.pages.made(ARTICLE)
        return made.map if made is not None else None

    # -- what the user does ----------------------------------------------------------

    def _quote_clicked(self, span) -> None:
        card: Card | None = self.topic.card(span.card) if self.topic else None
        if card is not None:
            self.card_requested.emit(card)
        else:  # a key judgment of the bottom line quotes it
            number = span.card.rsplit("-", 1)[-1]
            self.message.emit(f"Key judgment {number} of the topic's bottom line quotes this")

    def show_suggestions(self, shown: bool | None = None) -> None:
        """Show or hide the Suggestions panel (None: the other way round)."""
        self.panel_shown = (not self.panel_shown) if shown is None else shown
        self.settings.setValue("view/suggestions", "true" if self.panel_shown else "false")
        if self.pages.made(ARTICLE) is not None:
            self.view.show_suggestions(self.panel_shown)
        self.suggestions_shown.emit(self.panel_shown)

    def new_card_from_selection(self) -> None:
        made = self.pages.made(ARTICLE)
        self.authoring.new_card_from_selection(made if self.pages.showing(ARTICLE) else None)

    def accept(self, suggestion) -> None:
        """The New card form, filled in with the suggestion; a card it writes reloads the
        topic, and refresh() measures again."""
        if self.topic is not None and self.seed is not None:
            self._then = self.view.panel.following(suggestion)  # chosen once the card is in
            from ..new_card import draft_from
            self.authoring.new_card(self.seed, draft_from(suggestion, self.topic.card_ids))

    def reject(self, suggestion) -> None:
        if self.topic is None:
            return
        from ..suggestions import rejected as rejections
        try:
            rejections.reject(self.topic.path, suggestion)
        except rejections.RejectedError as error:
            self.warning.emit(f"Could not remember the rejection: {error}")
            return
        self.view.panel.remove(suggestion)
        self.message.emit(f"Rejected '{suggestion.title}': it will not be suggested again")
