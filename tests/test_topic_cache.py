"""The app's topic cache: used only while every file a topic came from is unchanged."""
from __future__ import annotations

import os

from briefing import topic_cache
from briefing.library import Library
from briefing.loader import load_topic


def _bump(path):
    """Change a file's modification time, as an editor's save would."""
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_a_cached_topic_is_the_loaded_topic(workspace, tmp_path):
    folder = workspace.topic()
    cache = tmp_path / "cache"
    assert topic_cache.read(cache, folder) is None
    topic = load_topic(folder)
    topic_cache.write(cache, folder, topic)
    cached = topic_cache.read(cache, folder)
    assert cached == topic and cached.cards == topic.cards


def test_any_change_to_the_yaml_the_folder_or_a_seed_is_a_miss(workspace, tmp_path):
    folder = workspace.topic()
    cache = tmp_path / "cache"
    for change in (lambda: _bump(folder / "cards.yaml"),
                   lambda: (folder / "more.yaml").write_text("cards: []\n"),
                   lambda: _bump(workspace.seeds / "article.txt")):
        topic_cache.write(cache, folder, load_topic(folder))
        assert topic_cache.read(cache, folder) is not None
        change()
        assert topic_cache.read(cache, folder) is None


def test_a_damaged_cache_file_is_a_miss_not_a_crash(workspace, tmp_path):
    folder = workspace.topic()
    cache = tmp_path / "cache"
    topic_cache.write(cache, folder, load_topic(folder))
    topic_cache.cache_file(cache, folder).write_bytes(b"\x80\x05garbage")
    assert topic_cache.read(cache, folder) is None


def test_the_library_reads_an_edited_topic_afresh(workspace, tmp_path):
    folder = workspace.topic()
    cache = tmp_path / "cache"
    Library([folder], cache_dir=cache)  # fills the cache
    cards = folder / "cards.yaml"
    cards.write_text(cards.read_text().replace("Who called for patience?", "Who asked?"))
    _bump(cards)
    library = Library([folder], cache_dir=cache)
    assert library.topics[0].card("premier").front == "Who asked?"


def test_the_cache_keeps_each_cards_studied_prompts(workspace, tmp_path):
    folder = workspace.topic()
    topic_cache.write(tmp_path, folder, load_topic(folder))
    cached = topic_cache.read(tmp_path, folder)
    # Made when the cache was written, not again at every start.
    assert all("studied_prompts" in card.__dict__ for card in cached.cards)
    assert [c.studied_prompts for c in cached.cards] == [
        c.studied_prompts for c in load_topic(folder).cards]
