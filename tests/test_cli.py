"""The `briefing` command: each subcommand, its output and its exit code."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from briefing.cli import main
from briefing.paths import SCHEMA_PATH


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_a_valid_topic(workspace, capsys):
    workspace.topic()
    code, out, err = run(capsys, "check", str(workspace.cards))
    assert (code, out) == (0, "")
    assert "1 topic, 4 cards: ok" in err


def test_check_prints_path_line_col_and_exits_1(workspace, capsys):
    folder = workspace.topic(files={"cards.yaml": "cards:\n  - id: x\n    kind: actr\n"})
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1
    assert out.splitlines()[0] == (f"{folder}/cards.yaml:3:11: unknown kind 'actr' "
                                   "(did you mean 'actor'?); expected one of: actor, objective, figure")


def test_check_of_a_missing_path_is_a_problem_not_a_crash(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 1
    assert out == f"{tmp_path}/nowhere:1:1: no such file or folder\n"


def test_check_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--no-such-option"])
    assert exit_info.value.code == 2


def test_list_json_has_the_contract_fields(workspace, capsys):
    workspace.topic()
    code, out, err = run(capsys, "list", "--json", str(workspace.cards))
    assert code == 0
    cards = json.loads(out)
    assert [c["id"] for c in cards] == ["premier", "patience", "trade-2004", "trade-2005"]
    for record in cards:
        for key in ("topic", "id", "kind", "title", "front", "back", "tags", "related", "sources"):
            assert key in record
        assert record["topic"] == "example"
        assert record["sources"][0]["seed"] == str(workspace.seeds / "article.txt")
    figure = cards[2]
    assert (figure["value"], figure["unit"], figure["as_of"], figure["series"]) == (
        1.4, "US$ billion", "2004", "Bilateral trade")
    assert "value" not in cards[0]
    assert cards[0]["sources"][0]["quote"] == "“patience, sincerity, and pragmatism” are keys"


def test_list_json_carries_dates_groups_relations_and_the_topics_glossary(capsys):
    from briefing.paths import bundled_cards
    code, out, _err = run(capsys, "list", "--json", str(bundled_cards()))
    assert code == 0
    cards = {c["id"]: c for c in json.loads(out)}
    wu = cards["wu-bangguo"]
    assert wu["date"] == {"text": "2003-09-25", "label": "25 September 2003",
                          "start": "2003-09-25", "end": "2003-09-25", "precision": "day"}
    assert wu["event"].startswith("Wu Bangguo's official trip") and wu["group"] == "leader"
    assert cards["korean-war"]["date"]["start"] == "1950-01-01"
    energy = cards["china"]["relations"][0]
    assert (energy["to"], energy["type"]) == ("north-korea", "supports")
    assert energy["sources"][0]["seed_id"] == "cb-2007"
    assert "date" not in cards["china"] and "relations" not in cards["japan"]
    code, out, _err = run(capsys, "list", "--json", "--topics", str(bundled_cards()))
    [topic] = json.loads(out)
    assert topic["cards"] == len(cards)
    assert [s["short"] for s in topic["seeds"]] == ["China Brief 4:5, 2004",
                                                    "China Brief 7:22, 2007"]
    dprk = next(g for g in topic["glossary"] if g["term"] == "DPRK")
    assert dprk["expansion"] == "Democratic People’s Republic of Korea"
    assert topic["comparisons"][0]["earlier"]["sources"][0]["seed_id"] == "cb-2004"
    code, out, _err = run(capsys, "list", "--topics", str(bundled_cards()))
    assert out == "china-north-korea\t97 cards\tChina's policy toward North Korea\n"


def test_list_json_with_a_broken_topic_lists_the_rest_and_exits_1(workspace, capsys):
    workspace.topic("good")
    workspace.topic("bad", files={"cards.yaml": "cards: [\n"})
    code, out, err = run(capsys, "list", "--json", str(workspace.cards))
    assert code == 1
    assert {c["topic"] for c in json.loads(out)} == {"good"}
    assert "bad/cards.yaml:2:1: the file ends inside an unfinished [ list ] or { mapping }" in err


def test_list_plain_prints_one_line_per_card(workspace, capsys):
    workspace.topic()
    code, out, _ = run(capsys, "list", str(workspace.cards))
    assert out.splitlines()[0] == "example/premier\tactor\tThe Premier"


def test_new_then_check_passes(tmp_path, capsys):
    cards = tmp_path / "cards"
    code, out, _ = run(capsys, "new", "my-topic", "--dir", str(cards))
    assert code == 0
    folder = cards / "my-topic"
    assert (folder / "topic.yaml").is_file() and (folder / "cards.yaml").is_file()
    assert (folder / "seeds" / "my-topic.txt").is_file()
    code, out, err = run(capsys, "check", str(folder))
    assert (code, out) == (0, "")
    code, out, _ = run(capsys, "list", "--json", str(folder))
    cards = json.loads(out)
    assert sorted(c["kind"] for c in cards) == ["actor", "figure", "objective"]
    actor = next(c for c in cards if c["kind"] == "actor")  # the starter shows prompts
    assert [(p["id"], p["type"]) for p in actor["prompts"]] == [("p1", "qa"), ("p2", "cloze")]


def test_new_writes_the_schema_line_and_comments(tmp_path, capsys):
    run(capsys, "new", "t", "--dir", str(tmp_path / "cards"))
    folder = tmp_path / "cards" / "t"
    for name in ("topic.yaml", "cards.yaml"):
        first = (folder / name).read_text().splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix)
        assert (folder / first.removeprefix(prefix)).resolve() == SCHEMA_PATH.resolve()
    assert "# An objective:" in (tmp_path / "cards" / "t" / "cards.yaml").read_text()


def test_new_inside_the_project_writes_a_relative_schema_path(capsys):
    from briefing.paths import PROJECT_ROOT
    from briefing.scaffold import schema_line
    assert schema_line(PROJECT_ROOT / "cards" / "x") == "# yaml-language-server: $schema=../../briefing/schema.json\n"


def test_new_with_a_source_article_quotes_it(tmp_path, capsys):
    article = tmp_path / "report.txt"
    article.write_text("Short\nThe council met on Monday. It agreed on nothing.\n", encoding="utf-8")
    code, *_ = run(capsys, "new", "council", "--dir", str(tmp_path / "cards"), "--seed", str(article))
    assert code == 0
    assert (tmp_path / "cards" / "council" / "seeds" / "report.txt").read_bytes() == \
        article.read_bytes()
    cards = (tmp_path / "cards" / "council" / "cards.yaml").read_text()
    assert 'quote: "The council met on Monday."' in cards
    assert run(capsys, "check", str(tmp_path / "cards"))[0] == 0


def test_new_writes_only_inside_the_topic_folder_it_creates(tmp_path, capsys):
    article = tmp_path / "memo.txt"
    article.write_text("The council met on Monday and agreed on nothing.\n", encoding="utf-8")
    for place in ("one", "two"):  # the same name in two folders: each is whole on its own
        cards = tmp_path / place
        before = set(tmp_path.rglob("*"))
        assert run(capsys, "new", "trial", "--dir", str(cards))[0] == 0
        assert run(capsys, "new", "memo", "--dir", str(cards), "--seed", str(article))[0] == 0
        made = set(tmp_path.rglob("*")) - before
        assert made and all(p == cards or p.is_relative_to(cards / "trial")
                            or p.is_relative_to(cards / "memo") for p in made), made
        assert run(capsys, "check", str(cards))[0] == 0
    moved = tmp_path / "elsewhere"
    (tmp_path / "one" / "memo").rename(moved)  # a topic folder moves as one piece
    assert run(capsys, "check", str(moved))[0] == 0


def test_new_without_a_folder_goes_to_the_users_topics_folder(tmp_path, capsys, monkeypatch):
    home = tmp_path / "Documents" / "Briefing Cards"
    monkeypatch.setenv("BRIEFING_TOPICS_DIR", str(home))
    code, out, _ = run(capsys, "new", "trial")
    assert code == 0 and f"created {home / 'trial'}" in out
    assert (home / "trial" / "topic.yaml").is_file()
    code, out, _ = run(capsys, "list")  # no PATH: the bundled topic and the user's own
    topics = {line.split("/")[0] for line in out.splitlines()}
    assert topics == {"china-north-korea", "trial"}


def test_new_refuses_a_bad_name_or_an_existing_folder(tmp_path, capsys):
    code, _, err = run(capsys, "new", "Bad Name", "--dir", str(tmp_path))
    assert code == 1 and "not a valid topic name" in err
    code, _, err = run(capsys, "new", "trial\n", "--dir", str(tmp_path))  # '$' passed it
    assert code == 1 and "'trial\\n' is not a valid topic name" in err
    assert list(tmp_path.iterdir()) == []
    run(capsys, "new", "x", "--dir", str(tmp_path / "cards"))
    code, _, err = run(capsys, "new", "x", "--dir", str(tmp_path / "cards"))
    assert code == 1 and "already exists" in err


def test_schema_prints_the_schema_file(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert json.loads(out)["$defs"]["card"]["properties"]["kind"]["enum"] == ["actor", "objective", "figure"]


def test_installed_command_and_module_both_run(workspace):
    workspace.topic()
    for command in ([sys.executable, "-m", "briefing"], [str(__import__("shutil").which("briefing") or "")]):
        if not command[0]:
            continue
        result = subprocess.run(command + ["check", str(workspace.cards)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "4 cards: ok" in result.stderr


def test_no_command_opens_the_app_on_the_given_paths(monkeypatch, tmp_path, capsys):
    opened = []
    monkeypatch.setattr("briefing.gui.app.main", lambda paths: opened.append(paths) or 0)
    assert main([]) == 0
    assert main([str(tmp_path)]) == 0
    assert opened == [[], [tmp_path]]
    assert main(["--bogus"]) == 2
    assert "unknown option --bogus" in capsys.readouterr().err


def test_the_app_opens_a_real_window_from_the_command(workspace):
    """`python -m briefing PATH` starts the app; it quits itself once the card is up."""
    folder = workspace.topic()
    script = ("import sys\n"
              "from PySide6.QtCore import QTimer\n"
              "from PySide6.QtWidgets import QApplication\n"
              "def done():\n"
              "    w = QApplication.topLevelWidgets()\n"
              "    print([x.windowTitle() for x in w if x.objectName() == 'mainWindow'])\n"
              "    QApplication.quit()\n"
              "from briefing.gui.app import create_app\n"
              "create_app()  # the app main() reuses this instance\n"
              "QTimer.singleShot(300, done)\n"
              "from briefing.cli import main\n"
              f"sys.exit(main([{str(folder)!r}]))\n")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['Briefing Cards — Example topic']"


def test_new_with_a_windows_1252_seed_refuses_and_leaves_nothing(tmp_path, capsys):
    article = tmp_path / "memo.txt"
    article.write_bytes("The council met on Monday and said \u201cno\u201d to everything.\n"
                        .encode("cp1252"))
    cards = tmp_path / "cards"
    cards.mkdir()
    code, out, err = run(capsys, "new", "memo", "--dir", str(cards), "--seed", str(article))
    assert (code, out) == (1, "")
    assert err == (f"briefing new: {article}:1:36: not UTF-8 text (byte 0x93); save the file "
                   "as UTF-8\n")
    assert list(cards.iterdir()) == []  # no topic, no half-made hidden folder


AWKWARD_SEEDS = ["a #b.txt", "key: value.txt", "tab\there.txt", "new\nline.txt",
                 'quote"s and \\ back.txt', "nel\x85 and \u2028.txt", " .txt", "-.txt"]
AWKWARD_TITLES = ["", "   ", "Title: with # a hash", "ctrl\x01char", "line\nbreak", "'quoted'"]


@pytest.mark.parametrize("seed", AWKWARD_SEEDS)
@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_new_makes_a_topic_that_passes_check_for_any_seed_name_and_title(tmp_path, capsys,
                                                                         seed, title):
    article = tmp_path / seed
    article.write_text("Dr. Who said: the council # met\x01 on Monday, \u201cat last\u201d.\n",
                       encoding="utf-8")
    cards = tmp_path / "cards\nfolder"
    code, out, err = run(capsys, "new", "trial", "--dir", str(cards), "--seed", str(article),
                         "--title", title)
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "check", str(cards / "trial"))
    assert (code, out, err) == (0, "", "1 topic, 3 cards: ok\n")
    from briefing.loader import load_topic
    topic = load_topic(cards / "trial")
    assert topic.title == (title if title.strip() else "Trial")
    assert topic.seeds[0].path.name == seed


def test_new_refuses_a_seed_whose_name_is_not_utf8(tmp_path, capsys):
    import os
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(b"A sentence long enough to be quoted on a card.\n")
    cards = tmp_path / "cards"
    code, out, err = run(capsys, "new", "t", "--dir", str(cards), "--seed", os.fsdecode(name))
    assert code == 1
    assert err == (f"briefing new: {tmp_path}/caf\\xe9.txt: the file name is not UTF-8; "
                   "rename it, then run briefing new again\n")
    assert not cards.exists() or list(cards.iterdir()) == []


def test_pdf_help_shows_every_pdf_option(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["pdf", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    for option in ("--output", "--layout", "--paper", "--card-size", "--duplex", "--each",
                   "--topic", "--kind", "--tag"):
        assert option in out


def test_other_commands_do_not_import_the_pdf_package(workspace):
    workspace.topic()
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"status = main(['anki', {str(workspace.cards)!r}, '-o', sys.argv[1]])\n"
        "print(status, sorted(m for m in sys.modules if m.startswith('briefing.pdf')))\n")
    result = subprocess.run([sys.executable, "-c", code, str(workspace.root / "deck.apkg")],
                            capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stderr
