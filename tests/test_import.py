"""`briefing import`: articles from web pages, PDFs and Word files arrive whole, without
their page furniture, as seeds of a topic that passes `check`; bad input writes nothing."""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import article_files as af
import pytest
import yaml
from conftest import TOPIC_YAML

from briefing.authoring import insert_seed
from briefing.cli import main
from briefing.importing import ImportFailure, import_article


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def assert_whole_and_in_order(text: str, paragraphs: list[str]) -> None:
    at = 0
    for sentence in af.sentences(paragraphs):
        found = text.find(sentence, at)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        at = found + len(sentence)


@pytest.fixture
def sources(tmp_path) -> dict[str, Path]:
    return af.write_all(tmp_path / "downloads")


def test_web_page_pdf_and_word_file_arrive_whole_without_furniture_and_pass_check(
        tmp_path, sources, capsys):
    topic = tmp_path / "topics" / "energy-and-transport"
    code, out, err = run(capsys, "import", sources["web"], sources["pdf"], sources["docx"],
                         "--into", topic)
    assert code == 0, err
    header = yaml.safe_load((topic / "topic.yaml").read_text(encoding="utf-8"))
    seeds = {Path(s["file"]).name: s for s in header["seeds"]}
    texts = {name: (topic / s["file"]).read_text(encoding="utf-8") for name, s in seeds.items()}
    web, pdf, word = (next(s for name, s in seeds.items() if key in name)
                      for key in ("harbour", "six-party", "rural"))

    web_text = texts[Path(web["file"]).name]
    assert_whole_and_in_order(web_text, af.WEB_ARTICLE)
    for furniture in af.WEB_FURNITURE:
        assert furniture not in web_text
    assert (web["title"], web["author"], web["publication"], web["date"], web["year"]) == (
        af.WEB_TITLE, "Mira Okafor", "The Coastal Courier", "2024-05-14", 2024)

    pdf_text = texts[Path(pdf["file"]).name]
    assert_whole_and_in_order(pdf_text, af.PDF_ARTICLE)
    assert af.PDF_HEADER not in pdf_text and "Page 1 of" not in pdf_text
    assert "economists" in pdf_text and "econo-" not in pdf_text  # mended across a line end
    assert pdf_text.count("six-party") == 2 and "sixparty" not in pdf_text  # a real compound
    assert (pdf["title"], pdf["author"]) == (af.PDF_TITLE, "Daniel Brandt")

    word_text = texts[Path(word["file"]).name]
    assert_whole_and_in_order(word_text, af.WORD_ARTICLE)
    assert "internal draft" not in word_text and "Confidential" not in word_text
    assert (word["title"], word["author"]) == (af.WORD_TITLE, "Priya Raman")

    for _name, source in sources.items():  # each original is kept beside its text, unchanged
        assert (topic / "seeds" / "originals" / source.name).read_bytes() == source.read_bytes()
    for text in texts.values():
        assert text == unicodedata.normalize("NFC", text) and "\n\n\n" not in text
    assert "dropped" in out and "joined 7 words hyphenated at line ends" in out
    assert "kept the hyphen of six-party" in out and "kept 6 paragraphs" in out
    assert run(capsys, "check", topic)[0] == 0


def test_import_into_a_topic_changes_topic_yaml_only_by_the_new_entry(workspace, sources,
                                                                      capsys):
    # Comments, odd spacing, CRLF line ends and a section after the seeds, all kept.
    text = ("# My own notes on this topic.\r\n"
            + TOPIC_YAML.replace("\n", "\r\n").replace("title: Example Article On Trade",
                                                        "title:   Example Article On Trade   # sic")
            + "# cards live in cards.yaml\r\n")
    folder = workspace.topic(topic_yaml=None)
    (folder / "topic.yaml").write_bytes(text.encode("utf-8"))
    code, out, err = run(capsys, "import", sources["web"], "--into", folder)
    assert code == 0, err
    after = (folder / "topic.yaml").read_bytes().decode("utf-8")
    lines = after.split("\r\n")
    start = lines.index("  - id: harbour-towns-bet-2024")
    entry = lines[start:start + 7]
    assert "\r\n".join(lines[:start] + lines[start + 7:]) == text  # every other byte kept
    assert lines[start + 7] == "# cards live in cards.yaml"  # at the end of the seeds list
    assert entry == ['  - id: harbour-towns-bet-2024',
                     '    file: "seeds/harbour-towns-bet-2024.txt"',
                     f'    title: "{af.WEB_TITLE}"', '    author: "Mira Okafor"',
                     '    publication: "The Coastal Courier"', '    date: "2024-05-14"',
                     '    year: 2024']
    assert "\n" not in after.replace("\r\n", "")  # the file's own line ends
    assert "added seed 'harbour-towns-bet-2024' to topic.yaml" in out
    assert run(capsys, "check", folder)[0] == 0


def test_importing_the_same_article_again_writes_nothing_and_says_so(tmp_path, sources, capsys):
    topic = tmp_path / "t"
    assert run(capsys, "import", sources["docx"], "--into", topic)[0] == 0
    before = snapshot(topic)
    code, out, _ = run(capsys, "import", sources["docx"], "--into", topic)
    assert code == 0 and "skipped, already in the topic as seed 'rethinking-rural-bus'" in out
    assert snapshot(topic) == before


def encrypted_pdf(folder: Path) -> Path:
    path = folder / "locked.pdf"
    path.write_bytes(af.pdf(encrypt="secret"))
    return path


def scanned_pdf(folder: Path) -> Path:
    path = folder / "scan.pdf"
    path.write_bytes(af.image_only_pdf())
    return path


def page_without_article(folder: Path) -> Path:
    path = folder / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
                    "<footer>© 2025</footer></body></html>", encoding="utf-8")
    return path


def latin1_text(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_bytes("Caf\xe9 society and the r\xf4le of the state.\n".encode("latin-1"))
    return path


def unknown_type(folder: Path) -> Path:
    path = folder / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    return path


def old_word(folder: Path) -> Path:
    path = folder / "memo.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    return path


def broken_pdf(folder: Path) -> Path:
    path = folder / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    return path


BAD = {
    "encrypted PDF": (encrypted_pdf, "locked.pdf is encrypted with a password"),
    "scanned PDF": (scanned_pdf, "scan.pdf has no text to read: its page looks like a "
                                 "scanned image; run OCR on it first"),
    "page with no article": (page_without_article, "menu.html: no article text found"),
    "text not in UTF-8": (latin1_text, "notes.txt is not UTF-8 text (byte 0xe9 at line 1, "
                                       "column 4)"),
    "unknown file type": (unknown_type, "cannot import slides.pptx: unknown file type '.pptx'"),
    "old Word file": (old_word, "memo.doc: an old Word .doc"),
    "broken PDF": (broken_pdf, "broken.pdf"),
    "missing file": (lambda folder: folder / "gone.pdf", "gone.pdf: no such file"),
}


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("into", ["new topic", "existing topic"])
def test_bad_input_gets_one_line_exit_1_and_nothing_written(case, into, workspace, sources,
                                                            capsys):
    make, message = BAD[case]
    bad = make(sources["web"].parent)
    topic = workspace.cards / "fresh" if into == "new topic" else workspace.topic()
    before = snapshot(workspace.root)
    # A good file beside the bad one is not imported either: all or nothing.
    code, out, err = run(capsys, "import", sources["web"], bad, "--into", topic)
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert err.rstrip().endswith("nothing was written")
    assert snapshot(workspace.root) == before and out == ""


def test_a_failed_write_removes_the_files_it_made(workspace, sources, monkeypatch):
    folder = workspace.topic()
    before = snapshot(folder)
    import briefing.importing.into_topic as into_topic

    def full_disk(path, original, text):
        raise into_topic.WriteError(28, f"cannot write {path}: the disk is full")
    monkeypatch.setattr(into_topic, "save_file_text", full_disk)
    with pytest.raises(ImportFailure, match="the disk is full"):
        import_article(sources["pdf"], folder)
    assert snapshot(folder) == before and not (folder / "seeds").exists()


def test_text_and_markdown_come_in_as_they_are_but_nfc(tmp_path, capsys):
    decomposed = "Cafe\u0301 owners want lower rents.\n\nThe council opposes the plan.\n"
    (tmp_path / "cafe.md").write_text("# Cafe\u0301 rents\n\n" + decomposed, encoding="utf-8")
    code, out, err = run(capsys, "import", tmp_path / "cafe.md", "--into", tmp_path / "rents")
    assert code == 0, err
    seed = (tmp_path / "rents" / "seeds" / "cafe-rents.md").read_text(encoding="utf-8")
    assert seed == unicodedata.normalize("NFC", "# Cafe\u0301 rents\n\n" + decomposed)
    assert (tmp_path / "rents" / "seeds" / "originals" / "cafe.md").exists()  # it was not NFC
    assert run(capsys, "check", tmp_path / "rents")[0] == 0


def test_a_text_file_in_another_encoding_imports_when_named(tmp_path, capsys):
    latin1_text(tmp_path)
    code, out, err = run(capsys, "import", tmp_path / "notes.txt", "--into", tmp_path / "n",
                         "--encoding", "latin-1")
    assert code == 0, err
    seeds = list((tmp_path / "n" / "seeds").glob("*.txt"))
    assert seeds[0].read_text(encoding="utf-8") == "Café society and the rôle of the state.\n"


def test_a_new_seed_goes_after_the_commented_fields_of_the_last_one():
    text = ("seeds:\n  - id: a\n    file: a.txt\n    title: A\n    # year: 2004\n"
            "# cards are elsewhere\ncards: []\n")
    result = insert_seed(text, {"id": "b", "file": "seeds/b.txt", "title": "B", "year": 2020})
    assert result.text == ("seeds:\n  - id: a\n    file: a.txt\n    title: A\n    # year: 2004\n"
                           '  - id: b\n    file: "seeds/b.txt"\n    title: "B"\n    year: 2020\n'
                           "# cards are elsewhere\ncards: []\n")
    assert result.line == 6


@pytest.mark.slow
def test_the_command_says_one_line_about_a_damaged_pdf_and_no_library_warnings(tmp_path):
    broken_pdf(tmp_path)
    result = subprocess.run([sys.executable, "-m", "briefing", "import", str(tmp_path / "broken.pdf"),
                             "--into", str(tmp_path / "t")], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("briefing import: broken.pdf is not a PDF that can be read")
    assert result.stderr.count("\n") == 1 and not (tmp_path / "t").exists()
