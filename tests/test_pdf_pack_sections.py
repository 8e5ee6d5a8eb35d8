"""The pack's pictures and reference sections, read back with pypdf: Chronology, Actor map,
What changed and Glossary, each bookmarked and in the contents, plus the smaller fixes a
reader notices (short citations in the figures table, no "1953 as of 1953")."""
from __future__ import annotations

import re

import pytest
from conftest import need_fonts_for
from test_pdf_support import card, link_targets, outline, page_texts, read, valid_topic, write_topic

from briefing import actor_map, chronology
from briefing.loader import load_topic
from briefing.paths import bundled_cards
from briefing.pdf import export_pdf
from briefing.pdf.fonts import FontFinder, Fonts

SECTIONS = ["Chronology", "Actor map", "What changed", "Glossary"]


@pytest.fixture(scope="module")
def bundled():
    topic = load_topic(bundled_cards() / "china-north-korea")
    assert topic.ok, topic.problems
    return topic


@pytest.fixture(scope="module")
def bundled_pack(bundled, tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "pack.pdf"
    report = export_pdf([bundled], path)
    reader = read(report.output)
    return report, reader, page_texts(reader), outline(reader)


def flat(text: str) -> str:
    return " ".join(text.split())


def pictures(page) -> list:
    """The page's images (its forms are the page numbers drawn last, see forward.py)."""
    xobjects = (page["/Resources"].get("/XObject") or {}).values()
    return [x for x in xobjects if x.get_object()["/Subtype"] != "/Form"]


def section_pages(entries, texts, title, until):
    start = next(p for d, t, p in entries if d == 1 and t == title)
    end = next(p for d, t, p in entries if d == 1 and t == until)
    return start, texts[start:end]


def test_each_new_section_is_bookmarked_in_order_and_listed_in_the_contents(bundled_pack):
    _report, reader, texts, entries = bundled_pack
    sections = [t for d, t, _p in entries if d == 1]
    assert sections == ["Bottom line up front", "Contents", "Chronology", "Actor map",
                        "What changed", "Actors", "Objectives", "Key figures", "Glossary",
                        "Sources"]
    assert (2, "Themes in both articles") in [(d, t) for d, t, _p in entries]
    contents_start = next(p for d, t, p in entries if t == "Contents")
    contents_end = next(p for d, t, p in entries if t == "Chronology")
    contents = "\n".join(texts[contents_start:contents_end])
    targets = {t for p in range(contents_start, contents_end) for t in link_targets(reader, p)}
    for title in SECTIONS:
        page = next(p for d, t, p in entries if d == 1 and t == title)
        # its page number beside it (pypdf reads the dot leader before or after the title)
        number, name = str(page + 1), re.escape(title)
        assert re.search(rf"\b{number}\s+{name}\b|\b{name}[ .]*{number}\b", flat(contents)), title
        assert page in targets, title  # the contents entry jumps to the section
        assert title.split()[0] in texts[page]


def test_chronology_table_lists_the_dated_entries_in_time_order(bundled, bundled_pack):
    _report, _reader, texts, entries = bundled_pack
    _start, pages = section_pages(entries, texts, "Chronology", "Actor map")
    table = flat("\n".join(pages)).split("Dated entries", 1)[1]
    rows = chronology.entries(bundled)
    assert len(rows) >= 15
    where = [table.find(flat(row.event)[:40]) for row in rows]
    assert -1 not in where, [row.event for row, at in zip(rows, where, strict=True) if at == -1]
    assert where == sorted(where)
    dates = [row.when.sort_key for row in rows]
    assert dates == sorted(dates)
    for label in ("25 September 2003", "October 2003", "1950–53", "20 November 2007"):
        assert label in table
    assert "China Brief 4:5, 2004" in table and "China Brief 7:22, 2007" in table


def test_chronology_entries_link_to_their_cards(bundled_pack):
    _report, reader, _texts, entries = bundled_pack
    start = next(p for d, t, p in entries if t == "Chronology")
    targets = set(link_targets(reader, start)) | set(link_targets(reader, start + 1))
    cards = {t: p for d, t, p in entries if d == 2}
    for title in ("Wu Bangguo", "The Korean War, 1950–53", "Wen Jiabao",
                  "Yellow Sea oil exploration agreement, December 2005"):
        assert cards[title] in targets, title


def test_the_timeline_is_drawn_as_vector_text_and_lines(bundled_pack):
    _report, reader, texts, entries = bundled_pack
    start = next(p for d, t, p in entries if t == "Chronology")
    page = reader.pages[start]
    assert not pictures(page)  # drawn, not pasted
    for year in ("1950", "1992", "2003", "2007"):
        assert year in texts[start]
    data = page.get_contents().get_data().decode("latin-1")
    assert data.count(" l") > 20  # axis, ticks and leaders are line segments


def test_actor_map_draws_every_actor_by_name_with_relation_labels(bundled, bundled_pack):
    _report, reader, texts, entries = bundled_pack
    page_index = next(p for d, t, p in entries if t == "Actor map")
    text = texts[page_index]
    words = set(flat(text).replace("–", " ").split())
    for actor in bundled.cards_of("actor"):
        assert set(actor.title.replace("–", " ").split()) <= words, actor.title
    for words in ("provides 70–90% of its energy supplies (2007)", "cannot tolerate a nuclear",
                  "reluctant to speak with him (2004)"):
        assert words in flat(text), words
    assert not pictures(reader.pages[page_index])
    cards = {t: p for d, t, p in entries if d == 2}
    targets = set(link_targets(reader, page_index))
    assert cards["China (Beijing)"] in targets and cards["Ning Fukui"] in targets


def test_what_changed_quotes_both_articles_side_by_side(bundled_pack):
    _report, _reader, texts, entries = bundled_pack
    _start, pages = section_pages(entries, texts, "What changed", "Actors")
    text = flat("\n".join(pages))
    assert "China's weight on the peninsula" in text
    earlier = text.index("still the most important power with respect to the process")
    later = text.index("China’s role has remained largely procedural")
    assert earlier < later
    assert "China Brief 4:5, 2004" in text and "China Brief 7:22, 2007" in text
    assert "North Korea (DPRK, Pyongyang)" in text  # a card drawing on both, generated


def test_glossary_prints_each_term_with_its_meaning_and_source_note(bundled, bundled_pack):
    _report, _reader, texts, entries = bundled_pack
    _start, pages = section_pages(entries, texts, "Glossary", "Sources")
    text = flat("\n".join(pages))
    for entry in bundled.glossary:
        assert entry.term in text
        assert flat(entry.definition)[:50] in text
    assert "Democratic People’s Republic of Korea" in text
    sources = flat("\n".join(texts[next(p for d, t, p in entries if t == "Sources"):]))
    assert "Cited by: Glossary: DPRK" in sources


def test_figures_table_cites_articles_short_with_a_legend(bundled_pack):
    _report, _reader, texts, entries = bundled_pack
    glance = next(p for d, t, p in entries if t == "At a glance")
    text = flat(texts[glance] + " " + texts[glance + 1])
    table, legend = text.split("Sources: China Brief", 1)
    assert table.count("China Brief 7:22, 2007") >= 10
    assert "Beijing Keeps a Wary Eye" not in table  # the full title is in the legend only
    assert legend.startswith(" 7:22, 2007: Beijing Keeps a Wary Eye on the Korean Peace Process")


def test_a_figure_never_repeats_its_value_as_its_date(bundled_pack, bundled, tmp_path):
    _report, _reader, texts, _entries = bundled_pack
    text = flat("\n".join(texts))
    assert "1950–53 as of 1950–53" not in text and "1950-53 as of" not in text
    assert "1953 Armistice Agreement as of 1953" not in text
    assert "figure as of 1953" not in text
    assert "Joint Statement as of October 2007" in text  # a real as-of date still shows
    assert "1.4 US$ billion as of 2004" in text
    cards = export_pdf([bundled], tmp_path / "cards.pdf", layout="cards")
    backs = flat("\n".join(page_texts(read(cards.output))))
    assert "as of 1953" not in backs and "as of 1950–53" not in backs
    assert "as of 2004" in backs


def test_dated_cards_and_relations_show_on_their_card_with_notes(bundled_pack):
    _report, _reader, texts, entries = bundled_pack
    cards = {t: p for d, t, p in entries if d == 2}
    wu = flat(texts[cards["Wu Bangguo"]])
    assert "When. 25 September 2003: Wu Bangguo's official trip to North Korea was scheduled" in wu
    china = flat(texts[cards["China (Beijing)"]])
    assert re.search(r"Relations\. → North Korea \(DPRK, Pyongyang\): provides 70–90% of its "
                     r"energy supplies \(2007\) \[\d+\]", china)


def test_a_topic_without_dates_actors_or_a_second_article_gets_no_empty_sections(workspace,
                                                                               tmp_path):
    topic = valid_topic(workspace.topic())
    sections = [t for d, t, _p in outline(read(export_pdf([topic], tmp_path / "x.pdf").output))
                if d == 1]
    assert not set(SECTIONS) & set(sections)


def stress_cards(count: int) -> list[dict]:
    cards = []
    for i in range(count):
        kind = ("actor", "objective", "figure")[i % 3]
        extra = {"date": f"{1990 + i % 18}-{1 + i % 12:02d}"} if i % 2 else {}
        if kind == "actor" and i > 3:
            extra["relations"] = [{"to": f"card-{i - 3}", "label": f"presses actor {i - 3} on "
                                   "trade and talks", "type": "presses",
                                   "sources": [{"seed": "art", "quote": f"Fact number {i}:"}]}]
        cards.append(card(i, kind, **extra))
    return cards


def test_a_topic_of_150_cards_gets_every_section_without_overlap_or_error(tmp_path):
    topic = valid_topic(write_topic(tmp_path, "stress", stress_cards(150), facts=150))
    report = export_pdf([topic], tmp_path / "stress.pdf")
    reader = read(report.output)
    sections = [t for d, t, _p in outline(reader) if d == 1]
    assert {"Chronology", "Actor map"} <= set(sections)
    texts = page_texts(reader)
    map_page = next(p for d, t, p in outline(reader) if t == "Actor map")
    assert "most connected actors" in texts[map_page + 1] + texts[map_page] or \
        len([c for c in topic.cards if c.kind == "actor"]) <= actor_map.MAX_NODES
    rows = chronology.entries(topic)
    timeline = chronology.layout_timeline(rows, 487)
    assert len(timeline.labels) == (len(rows) if len(rows) <= chronology.MAX_LABELS else 0)


def test_korean_and_chinese_names_draw_in_the_timeline_and_the_map(tmp_path):
    need_fonts_for("김정일金正日")
    cards = [card(0, "actor", title="김정일 (金正日)", date="2003-09-25",
                  relations=[{"to": "card-1", "label": "会谈 with Roh", "sources": [
                      {"seed": "art", "quote": "Fact number 0:"}]}]),
             card(1, "actor", title="노무현", date="2007-10")]
    topic = valid_topic(write_topic(tmp_path, "cjk", cards))
    report = export_pdf([topic], tmp_path / "cjk.pdf")
    assert report.missing == (), [str(m) for m in report.missing]
    reader = read(report.output)
    entries = outline(reader)
    texts = page_texts(reader)
    chrono = texts[next(p for d, t, p in entries if t == "Chronology")]
    mapped = texts[next(p for d, t, p in entries if t == "Actor map")]
    assert "김정일 (金正日)" in chrono and "노무현" in chrono
    assert "김정일 (金正日)" in mapped and "会谈 with Roh" in mapped


def test_text_no_font_can_draw_in_a_diagram_is_reported(tmp_path):
    cards = [card(0, "actor", title="김정일", date="2003"), card(1, "actor", title="Other",
                                                              related=["card-0"])]
    cards[0]["related"] = ["card-1"]
    topic = valid_topic(write_topic(tmp_path, "bare", cards))
    fonts = Fonts(FontFinder(extra=[], dirs=[], fontconfig=False))
    report = export_pdf([topic], tmp_path / "bare.pdf", fonts=fonts)
    places = {m.where for m in report.missing}
    assert "bare chronology" in places and "bare actor map" in places
