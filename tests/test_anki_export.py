"""The Anki export, checked with Anki's own library: what a student gets on import."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from conftest import CARDS_YAML, PROMPTED, TOPIC_YAML

from briefing.anki import AnkiExportError, export_anki
from briefing.anki.fields import deck_names, field_html, note_fields, note_guid
from briefing.anki.note_type import FIELDS, PARENT_DECK
from briefing.cli import main
from briefing.loader import load_all

EXAMPLE_DECK = f"{PARENT_DECK}::Example topic"
T0 = 1_700_000_000  # export times: Anki updates a note only from a newer one


@pytest.fixture
def collection(tmp_path):
    """A fresh Anki collection in the test's own folder, never the user's."""
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def load(*paths: Path):
    topics, problems = load_all(list(paths))
    assert problems == [] and all(t.ok for t in topics), [str(p) for t in topics for p in t.problems]
    return topics


def import_package(col: Collection, path: Path):
    # Default options, as in Anki's import dialog: update notes and note types if newer.
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def note_for(col: Collection, card_id: str, topic: str = "example"):
    found = col.find_notes(f'"Card ID:{topic}/{card_id}"')
    assert len(found) == 1, f"{topic}/{card_id}: {len(found)} notes"
    return col.get_note(found[0])


def package_rows(path: Path, tmp_path: Path) -> dict:
    """The ids inside an .apkg, read straight from its SQLite file."""
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]
        target = tmp_path / f"{path.stem}.anki2"
        target.write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(target)
    try:
        models, decks = db.execute("SELECT models, decks FROM col").fetchone()
        return {
            "guids": sorted(row[0] for row in db.execute("SELECT guid FROM notes")),
            "model_ids": sorted(json.loads(models)),
            "decks": {name: deck_id for deck_id, name in
                      ((d["id"], d["name"]) for d in json.loads(decks).values())},
        }
    finally:
        db.close()


def test_each_card_becomes_one_note_with_its_fields(workspace, collection, tmp_path):
    workspace.topic()
    output = tmp_path / "deck.apkg"
    report = export_anki(load(workspace.cards), output, now=T0)
    assert (report.output, report.notes, report.decks) == (output, 4, (EXAMPLE_DECK,))
    assert report.summary == "4 notes in 1 deck"

    log = import_package(collection, output)
    assert (len(log.new), len(log.updated)) == (4, 0)
    assert collection.note_count() == 4

    figure = note_for(collection, "trade-2004")
    assert figure.note_type()["name"] == "Briefing Cards"
    assert [name for name, _ in figure.items()] == list(FIELDS)
    assert figure["Front"] == "How large was bilateral trade in 2004?"
    assert figure["Back"] == "About 1.4 billion US dollars."
    assert figure["Kind"] == "Key figure"
    assert figure["Value"] == "1.4 US$ billion"
    assert figure["As of"] == "as of 2004"
    assert figure["Topic"] == "Example topic"
    assert "Bilateral trade grew to U.S. $1.4 billion in 2004" in figure["Source"]
    assert "Example Article On Trade, Example Brief, Volume 1, 2006" in figure["Source"]

    actor = note_for(collection, "premier")
    assert (actor["Kind"], actor["Title"], actor["Role"]) == ("Actor", "The Premier",
                                                              "Head of government")
    assert actor["Value"] == ""
    assert actor["Related"] == "Patient talks &middot; Trade in 2004"


def test_the_answer_shows_value_source_and_why_and_the_question_does_not(
        workspace, collection, tmp_path):
    cards = CARDS_YAML.replace("    tags: [leaders]\n",
                               "    why: He sets the tone of the talks.\n    tags: [leaders]\n")
    workspace.topic(files={"cards.yaml": cards})
    export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    import_package(collection, tmp_path / "deck.apkg")

    figure = note_for(collection, "trade-2004").cards()[0]
    question, answer = figure.question(), figure.answer()
    assert "How large was bilateral trade in 2004?" in question
    assert "Key figure" in question
    assert "About 1.4 billion" not in question and "1.4 US$ billion" not in question
    assert '<div class="bc-value">1.4 US$ billion</div>' in answer
    assert "as of 2004" in answer
    assert "Bilateral trade grew to U.S. $1.4 billion in 2004" in answer

    actor = note_for(collection, "premier").cards()[0]
    assert "Why it matters" in actor.answer() and "He sets the tone of the talks." in actor.answer()
    assert 'class="bc-value"' not in actor.answer()  # no empty big number without a value
    assert "Why it matters" not in figure.answer()  # nor an empty heading


def test_template_has_dark_mode_rules_for_anki_desktop_and_ankidroid(workspace, collection,
                                                                     tmp_path):
    workspace.topic()
    export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    import_package(collection, tmp_path / "deck.apkg")
    css = note_for(collection, "premier").note_type()["css"]
    assert ".card.nightMode" in css and ".card.night_mode" in css


def test_markup_in_card_text_shows_literally_and_line_breaks_stay(workspace, collection,
                                                                   tmp_path):
    cards = CARDS_YAML.replace(
        "back: Patience, sincerity and pragmatism.",
        'back: "1. <b>Patience</b> & sincerity\\n2. Pragmatism"')
    workspace.topic(files={"cards.yaml": cards})
    export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    import_package(collection, tmp_path / "deck.apkg")

    note = note_for(collection, "patience")
    assert note["Back"] == "1. &lt;b&gt;Patience&lt;/b&gt; &amp; sincerity<br>2. Pragmatism"
    assert "<b>" not in note.cards()[0].answer()


def test_control_characters_never_shift_the_fields_of_a_note(workspace, collection, tmp_path):
    """U+001F is Anki's field separator: in a back it made 13 fields of 12."""
    cards = CARDS_YAML.replace(
        "back: Patience, sincerity and pragmatism.",
        'back: "Patience,\\x1fsincerity\\x00 and\\x1b[1m pragmatism.\\tAll three."').replace(
        "title: Patient talks", 'title: "Patient\\x1f talks"')
    workspace.topic(files={"cards.yaml": cards})
    export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    rows = tmp_path / "rows.anki2"
    with zipfile.ZipFile(tmp_path / "deck.apkg") as package:
        rows.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(rows) as db:
        fields = [row[0].split("\x1f") for row in db.execute("SELECT flds FROM notes")]
    assert [len(f) for f in fields] == [len(FIELDS)] * 4
    import_package(collection, tmp_path / "deck.apkg")
    note = note_for(collection, "patience")
    assert note["Back"] == "Patience,sincerity and[1m pragmatism.\tAll three."
    assert (note["Title"], note["Card ID"]) == ("Patient talks", "example/patience")


def test_decks_are_nested_under_the_parent_one_per_topic(workspace, collection, tmp_path):
    workspace.topic()
    workspace.topic("second", topic_yaml=TOPIC_YAML.replace("Example topic", "Second topic"))
    report = export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    assert report.decks == (EXAMPLE_DECK, f"{PARENT_DECK}::Second topic")
    import_package(collection, tmp_path / "deck.apkg")

    assert {PARENT_DECK, EXAMPLE_DECK, f"{PARENT_DECK}::Second topic"} <= {
        d.name for d in collection.decks.all_names_and_ids()}
    for topic, deck in (("example", EXAMPLE_DECK), ("second", f"{PARENT_DECK}::Second topic")):
        for card_id in ("premier", "patience", "trade-2004", "trade-2005"):
            card = note_for(collection, card_id, topic).cards()[0]
            assert collection.decks.name(card.did) == deck
    assert collection.note_count() == 8


def test_tags_are_the_kind_and_the_card_tags(workspace, collection, tmp_path):
    workspace.topic()
    export_anki(load(workspace.cards), tmp_path / "deck.apkg", now=T0)
    import_package(collection, tmp_path / "deck.apkg")
    assert note_for(collection, "premier").tags == ["actor", "leaders"]
    assert note_for(collection, "patience").tags == ["objective"]
    assert note_for(collection, "trade-2004").tags == ["figure", "trade"]
    assert len(collection.find_notes("tag:figure")) == 2


def test_importing_a_newer_export_updates_notes_instead_of_adding_copies(
        workspace, collection, tmp_path):
    folder = workspace.topic()
    first = tmp_path / "first.apkg"
    export_anki(load(workspace.cards), first, now=T0)
    import_package(collection, first)
    note_ids = sorted(collection.find_notes(""))

    cards_file = folder / "cards.yaml"
    cards_file.write_text(cards_file.read_text(encoding="utf-8").replace(
        "About 1.4 billion US dollars.", "Some 1.4 billion US dollars, up on 2003."),
        encoding="utf-8")
    second = tmp_path / "second.apkg"
    export_anki(load(workspace.cards), second, now=T0 + 60)
    log = import_package(collection, second)

    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 4, 0)
    assert sorted(collection.find_notes("")) == note_ids
    assert collection.card_count() == 4
    assert note_for(collection, "trade-2004")["Back"] == "Some 1.4 billion US dollars, up on 2003."


def test_ids_in_the_package_are_the_same_in_every_export(workspace, tmp_path):
    workspace.topic()
    topics = load(workspace.cards)
    export_anki(topics, tmp_path / "a.apkg", now=T0)
    export_anki(topics, tmp_path / "b.apkg", now=T0 + 3600)
    first, second = package_rows(tmp_path / "a.apkg", tmp_path), \
        package_rows(tmp_path / "b.apkg", tmp_path)
    assert first == second
    assert first["guids"] == sorted(note_guid(card) for card in topics[0].cards)
    assert EXAMPLE_DECK in first["decks"]


def test_quotes_in_a_row_from_one_article_share_one_citation(workspace):
    cards = CARDS_YAML.replace(
        "        quote: Bilateral trade grew to U.S. $1.4 billion in 2004\n",
        "        quote: Bilateral trade grew to U.S. $1.4 billion in 2004\n"
        "      - seed: art\n        quote: to U.S. $1.5 billion in 2005\n")
    workspace.topic(files={"cards.yaml": cards})
    topic = load(workspace.cards)[0]
    source = note_fields(topic.card("trade-2004"), topic)[FIELDS.index("Source")]
    assert source == (
        '<div class="bc-quote">Bilateral trade grew to U.S. $1.4 billion in 2004</div>'
        '<div class="bc-quote">to U.S. $1.5 billion in 2005</div>'
        '<div class="bc-cite">Example Article On Trade, Example Brief, Volume 1, 2006</div>')


def test_two_topics_with_one_title_get_distinct_decks(workspace):
    workspace.topic("one")
    workspace.topic("two")
    assert deck_names(load(workspace.cards)) == {
        "one": EXAMPLE_DECK, "two": f"{EXAMPLE_DECK} (two)"}


def test_export_refuses_a_name_anki_would_not_import(workspace, tmp_path):
    workspace.topic()
    with pytest.raises(AnkiExportError, match=r"must end in \.apkg"):
        export_anki(load(workspace.cards), tmp_path / "deck.zip")
    assert not (tmp_path / "deck.zip").exists()


def test_export_of_topics_without_cards_says_nothing_to_export(workspace, tmp_path):
    workspace.topic(files={})
    with pytest.raises(AnkiExportError, match="nothing to export"):
        export_anki(load(workspace.cards), tmp_path / "deck.apkg")
    assert not (tmp_path / "deck.apkg").exists()


def test_two_topics_with_the_same_folder_name_are_refused(workspace, tmp_path):
    workspace.topic()
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "example").mkdir()
    (other / "example" / "topic.yaml").write_text(
        TOPIC_YAML.replace("../../seeds/", str(workspace.seeds) + "/"), encoding="utf-8")
    (other / "example" / "cards.yaml").write_text(CARDS_YAML, encoding="utf-8")
    with pytest.raises(AnkiExportError, match="two topics are both named 'example'"):
        # Loaded apart: loading both at once already reports the second (test_topic_folders).
        export_anki(load(workspace.cards) + load(other), tmp_path / "deck.apkg")


def test_a_write_error_is_an_export_error_with_the_path(workspace, tmp_path):
    workspace.topic()
    output = tmp_path / "no-such-folder" / "deck.apkg"
    with pytest.raises(AnkiExportError, match=r"cannot write .*deck\.apkg"):
        export_anki(load(workspace.cards), output)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_package_and_says_what_it_wrote(workspace, capsys, tmp_path):
    workspace.topic()
    output = tmp_path / "deck.apkg"
    code, out, err = run(capsys, "anki", str(workspace.cards), "-o", str(output))
    assert (code, err) == (0, "")
    assert out == f"wrote {output}: 4 notes in 1 deck ({EXAMPLE_DECK})\n"
    assert len(package_rows(output, tmp_path)["guids"]) == 4


def test_cli_skips_a_broken_topic_exports_the_rest_and_exits_1(workspace, capsys, tmp_path):
    workspace.topic()
    broken = workspace.topic("broken", files={"cards.yaml": "cards:\n  - id: x\n    kind: actr\n"})
    output = tmp_path / "deck.apkg"
    code, out, err = run(capsys, "anki", str(workspace.cards), "-o", str(output))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"{broken}/cards.yaml:3:11: unknown kind 'actr'")
    skipped = [line for line in lines if "skipped" in line]  # said once, not twice
    assert skipped == [f"briefing anki: skipped topic 'broken': 1 problem "
                       f"(run: briefing check {broken})"]
    assert "Traceback" not in err
    assert out == f"wrote {output}: 4 notes in 1 deck ({EXAMPLE_DECK})\n"
    assert len(package_rows(output, tmp_path)["guids"]) == 4


def test_cli_with_only_broken_topics_writes_nothing(workspace, capsys, tmp_path):
    workspace.topic("broken", files={"cards.yaml": "cards:\n  - id: x\n    kind: actr\n"})
    output = tmp_path / "deck.apkg"
    code, out, err = run(capsys, "anki", str(workspace.cards), "-o", str(output))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == ("briefing anki: nothing to export: "
                                    "every topic has problems (see above)")
    assert not output.exists()


def test_cli_with_a_missing_path_exits_1(tmp_path, capsys):
    code, out, err = run(capsys, "anki", str(tmp_path / "nowhere"), "-o",
                         str(tmp_path / "deck.apkg"))
    assert code == 1
    assert err == (f"{tmp_path}/nowhere:1:1: no such file or folder\n"
                   "briefing anki: nothing to export: no topics found\n")


def test_cli_write_error_is_one_clear_line(workspace, capsys, tmp_path):
    workspace.topic()
    output = tmp_path / "no-such-folder" / "deck.apkg"
    code, out, err = run(capsys, "anki", str(workspace.cards), "-o", str(output))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"briefing anki: cannot write {output}: ")


@pytest.mark.slow
def test_importing_the_exporter_loads_neither_qt_nor_genanki():
    code = ("import sys, briefing.anki, briefing.anki.command; "
            "print(sorted(m for m in ('PySide6', 'genanki') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent, check=True)
    assert result.stdout.strip() == "[]"




def test_each_prompt_becomes_one_anki_card_basic_or_cloze_with_the_card_as_context(
        workspace, collection, tmp_path):
    workspace.topic(files={"cards.yaml": PROMPTED})
    output = tmp_path / "deck.apkg"
    report = export_anki(load(workspace.cards), output, now=T0)
    assert report.notes == 5  # three cards without prompts, and two prompts of trade-2004
    log = import_package(collection, output)
    assert len(log.new) == 5 and collection.card_count() == 5
    (qa_id,) = collection.find_notes('"Prompt ID:example/trade-2004/p1"')
    qa = collection.get_note(qa_id)
    assert qa.note_type()["name"] == "Briefing Cards Q&A"
    question, answer = qa.cards()[0].question(), qa.cards()[0].answer()
    assert "How large was bilateral trade in 2004?" in question and "US$1.4 billion" not in question
    assert answer.index("US$1.4 billion") < answer.index("About 1.4 billion US dollars.")
    assert "Bilateral trade grew to U.S. $1.4 billion in 2004" in answer  # the source quote
    (cloze_id,) = collection.find_notes('"Prompt ID:example/trade-2004/growth"')
    cloze = collection.get_note(cloze_id)
    assert cloze.note_type()["type"] == 1  # Anki's Cloze note type
    card = cloze.cards()[0]
    assert "[...]" in card.question() and "U.S. $1.4 billion" not in card.question()
    assert "U.S. $1.4 billion" in card.answer() and "From the card" in card.answer()


def test_reimporting_prompts_updates_them_and_guids_are_per_prompt(workspace, collection,
                                                                   tmp_path):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    export_anki(load(workspace.cards), tmp_path / "one.apkg", now=T0)
    first = package_rows(tmp_path / "one.apkg", tmp_path)
    import_package(collection, tmp_path / "one.apkg")
    (folder / "cards.yaml").write_text(PROMPTED.replace("a: US$1.4 billion", "a: 1.4 billion US$"),
                                       encoding="utf-8")
    export_anki(load(workspace.cards), tmp_path / "two.apkg", now=T0 + 60)
    assert package_rows(tmp_path / "two.apkg", tmp_path)["guids"] == first["guids"]
    log = import_package(collection, tmp_path / "two.apkg")
    assert (len(log.new), collection.note_count()) == (0, 5)
    (qa_id,) = collection.find_notes('"Prompt ID:example/trade-2004/p1"')
    assert collection.get_note(qa_id)["Answer"] == "1.4 billion US$"
    assert len(set(first["guids"])) == 5


def _genanki_rows(topics, timestamp):
    """What the export wrote when every note went through genanki.Note: the reference for
    the rows the exporter now writes itself."""
    import itertools

    import genanki

    from briefing.anki.fields import note_tags, notes_of
    from briefing.anki.note_type import stable_id
    from briefing.anki.package import note_models

    models = note_models()
    names = deck_names(topics)
    decks = []
    for topic in topics:
        deck = genanki.Deck(stable_id("deck", topic.id), names[topic.id],
                            description=field_html(topic.bottom_line))
        for card in topic.cards:
            for kind, fields, guid in notes_of(card, topic):
                deck.add_note(genanki.Note(model=models[kind], fields=fields,
                                           tags=note_tags(card), guid=guid))
        decks.append(deck)
    db = sqlite3.connect(":memory:")
    genanki.Package(decks).write_to_db(db.cursor(), timestamp,
                                       itertools.count(int(timestamp * 1000)))
    return _tables(db)


def _tables(db) -> dict:
    return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("col", "notes", "cards", "graves", "revlog")}


def test_the_package_holds_the_rows_genanki_writes_note_by_note(workspace, tmp_path):
    first = workspace.topic(files={"cards.yaml": PROMPTED})
    second = workspace.topic("second", topic_yaml=TOPIC_YAML.replace("title: ", "title: Second "))
    topics = load(first, second)
    output = tmp_path / "both.apkg"
    export_anki(topics, output, now=T0)
    with zipfile.ZipFile(output) as package:
        (tmp_path / "both.anki2").write_bytes(package.read("collection.anki2"))
    written = _tables(sqlite3.connect(tmp_path / "both.anki2"))
    assert written["notes"] and written["cards"]
    assert written == _genanki_rows(topics, T0)


def test_field_html_of_plain_text_is_what_the_full_escape_gives():
    import html
    import random

    from briefing.anki.fields import _CONTROLS

    def escaped(text):  # every step, for every text
        text = _CONTROLS.sub("", text.strip().replace("\r\n", "\n").replace("\r", "\n"))
        return html.escape(text, quote=False).replace("\n", "<br>")

    rng = random.Random(1)
    alphabet = [chr(c) for c in range(0xa0)] + ["é", "\u2019", "\u3000", "\u2028", "\xa0"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
        assert field_html(text) == escaped(text), repr(text)


def _bump(path: Path) -> None:
    """A later modification time, as an editor's save gives."""
    import os
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def _cli_export(capsys, folder: Path, output: Path):
    return run(capsys, "anki", str(folder), "-o", str(output))


def test_cli_re_export_of_an_unchanged_topic_reads_no_yaml(workspace, capsys, tmp_path,
                                                             monkeypatch):
    folder = workspace.topic()
    assert _cli_export(capsys, folder, tmp_path / "one.apkg")[0] == 0

    def no_yaml(*args, **kwargs):
        raise AssertionError("the topic was read again")

    monkeypatch.setattr("briefing.loader.load_all", no_yaml)
    monkeypatch.setattr("briefing.loader.load_topic", no_yaml)
    assert _cli_export(capsys, folder, tmp_path / "two.apkg")[0] == 0
    assert package_rows(tmp_path / "two.apkg", tmp_path) == package_rows(tmp_path / "one.apkg",
                                                                          tmp_path)


def test_cli_re_export_after_a_card_file_changed_has_the_new_text(workspace, capsys, tmp_path):
    folder = workspace.topic()
    assert _cli_export(capsys, folder, tmp_path / "one.apkg")[0] == 0
    cards = folder / "cards.yaml"
    cards.write_text(cards.read_text().replace("Who called for patience?", "Who asked?"))
    _bump(cards)
    assert _cli_export(capsys, folder, tmp_path / "two.apkg")[0] == 0
    with zipfile.ZipFile(tmp_path / "two.apkg") as package:
        (tmp_path / "two.anki2").write_bytes(package.read("collection.anki2"))
    fronts = {row[0].split("\x1f")[0] for row in
              sqlite3.connect(tmp_path / "two.anki2").execute("SELECT flds FROM notes")}
    assert "Who asked?" in fronts and "Who called for patience?" not in fronts


def test_cli_refuses_a_topic_broken_since_the_last_export(workspace, capsys, tmp_path):
    folder = workspace.topic()
    output = tmp_path / "deck.apkg"
    assert _cli_export(capsys, folder, output)[0] == 0
    before = output.read_bytes()
    cards = folder / "cards.yaml"
    cards.write_text(cards.read_text().replace("kind: actor", "kind: actr", 1))
    _bump(cards)
    for _ in range(2):  # the second time the broken topic comes from the cache, problems too
        code, out, err = _cli_export(capsys, folder, output)
        assert (code, out) == (1, "")
        assert f"{folder}/cards.yaml:" in err and "unknown kind 'actr'" in err
        assert err.splitlines()[-1] == ("briefing anki: nothing to export: "
                                        "every topic has problems (see above)")
        assert output.read_bytes() == before


def test_check_never_uses_the_cache_an_export_filled(workspace, capsys, tmp_path, monkeypatch):
    folder = workspace.topic()
    assert _cli_export(capsys, folder, tmp_path / "deck.apkg")[0] == 0

    def no_cache(*args, **kwargs):
        raise AssertionError("check used the topic cache")

    monkeypatch.setattr("briefing.topic_cache.read", no_cache)
    code, _, err = run(capsys, "check", str(folder))
    assert (code, err) == (0, "1 topic, 4 cards: ok\n")


def test_the_collector_is_on_and_nothing_frozen_or_unfrozen_by_an_export(workspace, capsys,
                                                                        tmp_path):
    """Unfreezing after the export handed a test process's old windows to the collector,
    which crashed in Qt; freezing would pin the command's garbage in the caller."""
    import gc
    workspace.topic()
    gc.freeze()  # as a window does at start-up
    frozen = gc.get_freeze_count()
    try:
        assert _cli_export(capsys, workspace.cards, tmp_path / "one.apkg")[0] == 0
        export_anki(load(workspace.cards), tmp_path / "two.apkg")
        assert gc.isenabled() and 0 < gc.get_freeze_count() <= frozen  # none unfrozen or added
    finally:
        gc.unfreeze()
