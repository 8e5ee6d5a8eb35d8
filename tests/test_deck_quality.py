"""The bundled topics study well: every card has atomic prompts with short answers, one
question at a time, and nothing asked twice (issue 14; Wozniak's minimum information
principle). The numbers are measured over what Study asks, `card.studied_prompts`, for
every topic folder under cards/, and fail past the limits below.

`python tests/test_deck_quality.py` prints the measured numbers of each bundled topic.
"""
from __future__ import annotations

import difflib
import itertools
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.cloze import parse
from briefing.loader import load_all
from briefing.model import CLOZE, DEFAULT_PROMPT, QA, Card, Prompt

ROOT = Path(__file__).resolve().parent.parent
CARDS = ROOT / "cards"

# An answer is recalled in a few words: the median over a topic at most 10, none over 25.
ANSWER_MEDIAN = 10
ANSWER_MAX = 25
# A cloze over a verbatim passage (one with `seed:`) hides the article's own words, which
# cannot be trimmed without ceasing to be verbatim; at most it hides one whole item of a
# list the article writes out. The longest such item in the bundled articles is the 2007
# article's fourth policy objective, 35 words ("Fourth, the complexity of Sino-U.S.
# relations ... the future of peninsular developments"), so that is its bound.
SEEDED_CLOZE_MAX = 35
# Two questions "ask the same thing" when they have the same answer and read nearly alike
# (difflib ratio over their words); exact repeats are caught before this.
REWORDED_LIMIT = 0.9

# A two-part question, as this test defines it (a q/a prompt's question only: a cloze is a
# statement with one blank, and cloze.parse already refuses a second deletion):
# - it has more than one "?", or
# - ", and" / ", or" / ";" is followed by a question word or an auxiliary that starts a
#   question ("..., and why did it?", "...; when was it signed?"), or
# - a bare "and" is followed by a wh-word ("What did it pledge and when?").
# A comma alone before a question word is not counted: "Besides X, what is Y?" is one
# question with a leading phrase.
WH = r"what|which|who|whom|whose|why|how|when|where|whether"
AUX = r"is|are|was|were|do|does|did|can|could|will|would|should|has|have|had"
JOINED = re.compile(rf"(?:,\s*(?:and|or)|;\s*(?:and|or)?)\s+(?:{WH}|{AUX})\b", re.IGNORECASE)
BARE_AND = re.compile(rf"\band\s+(?:{WH})\b", re.IGNORECASE)


def words(text: str) -> int:
    """Words as a reader counts them: "U.S. $1.4 billion" is 3, a lone dash is none."""
    return sum(1 for token in text.split() if re.search(r"\w", token))


def answer_words(prompt: Prompt) -> int:
    """What the student must recall: the answer, or for a cloze the hidden text."""
    return words(prompt.answer)


def is_two_part(prompt: Prompt) -> bool:
    if prompt.type != QA:
        return False
    question = prompt.question
    return (question.count("?") > 1 or JOINED.search(question) is not None
            or BARE_AND.search(question) is not None)


def normalised(text: str) -> str:
    """Case, quotes, dashes and punctuation aside, the words in order."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w'{}:]+", " ", text)
    return " ".join(text.split())


@dataclass
class Measure:
    cards: int = 0
    prompts: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    answer_words: list[int] = field(default_factory=list)
    without_prompts: list[str] = field(default_factory=list)
    too_long: list[str] = field(default_factory=list)
    two_part: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.answer_words) if self.answer_words else 0

    @property
    def longest(self) -> int:
        return max(self.answer_words, default=0)

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
        return (f"{self.cards} cards, {self.prompts} prompts ({kinds}); answer words: median "
                f"{self.median}, max {self.longest}; cards without prompts "
                f"{len(self.without_prompts)}, answers too long {len(self.too_long)}, "
                f"two-part questions {len(self.two_part)}, repeats {len(self.repeats)}")


def measure(cards: list[Card]) -> Measure:
    m = Measure(cards=len(cards))
    seen: dict[tuple[str, str], str] = {}
    by_answer: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for card in cards:
        if not card.prompts or card.studied_prompts[0].id == DEFAULT_PROMPT:
            m.without_prompts.append(card.id)
        for prompt in card.studied_prompts:
            where = f"{card.id}/{prompt.id}"
            m.prompts += 1
            m.kinds[prompt.type] = m.kinds.get(prompt.type, 0) + 1
            n = answer_words(prompt)
            m.answer_words.append(n)
            bound = SEEDED_CLOZE_MAX if prompt.type == CLOZE and prompt.seed else ANSWER_MAX
            if n > bound:
                m.too_long.append(f"{where}: {n} words (at most {bound})")
            if is_two_part(prompt):
                m.two_part.append(f"{where}: {prompt.question}")
            asked = prompt.cloze if prompt.type == CLOZE else prompt.question
            key = (prompt.type, normalised(asked))
            if key in seen:
                m.repeats.append(f"{where} repeats {seen[key]}")
            else:
                seen[key] = where
                if prompt.type == QA:
                    by_answer[normalised(prompt.answer)].append((where, normalised(asked)))
    for asked in by_answer.values():
        for (a, qa), (b, qb) in itertools.combinations(asked, 2):
            if difflib.SequenceMatcher(None, qa.split(), qb.split()).ratio() >= REWORDED_LIMIT:
                m.repeats.append(f"{b} rewords {a}, with the same answer")
    return m


def failures(m: Measure) -> list[str]:
    found = [f"no prompts of its own: {card}" for card in m.without_prompts]
    if m.median > ANSWER_MEDIAN:
        found.append(f"median answer {m.median} words (at most {ANSWER_MEDIAN})")
    found += [f"answer too long: {x}" for x in m.too_long]
    found += [f"two questions in one: {x}" for x in m.two_part]
    found += [f"asked twice: {x}" for x in m.repeats]
    return found


def bundled_folders() -> list[Path]:
    return sorted(path for path in CARDS.iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def topics():
    found, problems = load_all([CARDS])
    assert problems == []
    return {topic.path.resolve(): topic for topic in found}


def test_every_bundled_folder_is_a_topic_that_loads(topics):
    assert bundled_folders()
    assert sorted(topics) == [folder.resolve() for folder in bundled_folders()]
    assert all(topic.ok for topic in topics.values())


@pytest.mark.parametrize("folder", bundled_folders(), ids=lambda path: path.name)
def test_a_bundled_topic_studies_well(topics, folder):
    m = measure(list(topics[folder.resolve()].cards))
    assert failures(m) == [], m.summary()


# -- the measure itself bites ------------------------------------------------------------


def card(card_id: str, *prompts: Prompt) -> Card:
    return Card(topic="synthetic", id=card_id, kind="objective", title=card_id,
                front=f"What about {card_id}?", back="An answer.", sources=(), prompts=prompts)


def qa(prompt_id: str, question: str, answer: str) -> Prompt:
    return Prompt(prompt_id, QA, question, answer)


def cloze(prompt_id: str, source: str, seed: str = "") -> Prompt:
    parsed = parse(source)
    return Prompt(prompt_id, CLOZE, parsed.question, parsed.hidden, text=parsed.text,
                  cloze=source, seed=seed)


def sentence(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


GOOD = card("good", qa("p1", "Which city hosts the talks?", "Beijing"),
            qa("p2", "Besides restraint, what does Washington expect of Beijing?", "Mediation"),
            cloze("p3", "It provides {{c1::70 to 90 percent}} of the energy", seed="s"))


def test_a_good_card_passes_and_its_numbers_are_counted():
    m = measure([GOOD])
    assert failures(m) == []
    assert (m.cards, m.prompts, m.kinds) == (1, 3, {"qa": 2, "cloze": 1})
    assert m.answer_words == [1, 1, 4] and m.longest == 4


def test_a_card_without_prompts_is_flagged():
    bare = card("bare")
    assert bare.studied_prompts[0].id == DEFAULT_PROMPT  # Study would ask its front and back
    assert failures(measure([GOOD, bare])) == ["no prompts of its own: bare"]


def test_long_answers_are_flagged_and_a_seeded_cloze_gets_the_looser_bound():
    long_qa = card("long", qa("p1", "What happened?", sentence(ANSWER_MAX + 1)))
    unseeded = card("unseeded", cloze("p1", f"Then {{{{c1::{sentence(ANSWER_MAX + 1)}}}}} came"))
    seeded = card("seeded", cloze("p1", f"Then {{{{c1::{sentence(SEEDED_CLOZE_MAX)}}}}}", "s"))
    too_long_seeded = card("seeded-long",
                           cloze("p1", f"Then {{{{c1::{sentence(SEEDED_CLOZE_MAX + 1)}}}}}", "s"))
    m = measure([GOOD, long_qa, unseeded, seeded, too_long_seeded])
    assert m.too_long == [f"long/p1: 26 words (at most {ANSWER_MAX})",
                          f"unseeded/p1: 26 words (at most {ANSWER_MAX})",
                          f"seeded-long/p1: 36 words (at most {SEEDED_CLOZE_MAX})"]


def test_a_median_answer_over_ten_words_is_flagged():
    wordy = [card(f"wordy-{i}", qa("p1", f"What is fact {i}?", sentence(11))) for i in range(3)]
    assert failures(measure(wordy)) == [f"median answer 11 words (at most {ANSWER_MEDIAN})"]


@pytest.mark.parametrize("question", [
    "What did China do, and why did it do it?",
    "What part does China play, and how does it change between the two articles?",
    "Which agreement was signed, or was none?",
    "When was it signed; what did it say?",
    "What did the declaration pledge and when?",
    "Who hosts the talks? Where?",
])
def test_a_two_part_question_is_flagged(question):
    m = measure([card("two", qa("p1", question, "Something"))])
    assert m.two_part == [f"two/p1: {question}"]


@pytest.mark.parametrize("question", [
    "Besides restraining Pyongyang, what does Washington expect of Beijing?",
    "Which states, Japan and South Korea included, might follow suit?",
    "What did China and North Korea agree in December 2005 to explore jointly?",
    "The 2004 article calls China the most important power. How does the 2007 article rate it?",
])
def test_one_question_with_a_comma_or_an_and_is_not_flagged(question):
    assert measure([card("one", qa("p1", question, "Something"))]).two_part == []


def test_a_question_or_cloze_asked_twice_is_flagged():
    first = card("first", qa("p1", "Which city hosts the talks?", "Beijing"),
                 cloze("p2", "China supplies {{c1::70 to 90 percent}} of its energy"))
    again = card("again", qa("p1", "which city HOSTS the talks", "Seoul"),
                 cloze("p2", "China supplies {{c1::70 to 90 percent}} of its energy."))
    m = measure([first, again])
    assert m.repeats == ["again/p1 repeats first/p1", "again/p2 repeats first/p2"]
    # Two deletions of one passage are two prompts, not a repeat.
    other_deletion = card("other",
                          cloze("p1", "China supplies 70 to 90 percent of its {{c1::energy}}"))
    assert measure([first, other_deletion]).repeats == []


def test_a_question_reworded_with_the_same_answer_is_flagged():
    asked = "According to the 2007 article, what did China join in imposing on North Korea?"
    reworded = asked.replace("join in", "join others in")
    first = card("first", qa("p1", asked, "UN sanctions"))
    again = card("again", qa("p1", reworded, "UN sanctions"))
    different = card("different", qa("p1", reworded, "Sanctions"))
    assert measure([first, again]).repeats == ["again/p1 rewords first/p1, with the same answer"]
    assert measure([first, different]).repeats == []


if __name__ == "__main__":
    found, problems = load_all([CARDS])
    for topic in found:
        m = measure(list(topic.cards))
        print(f"{topic.path.name}: {m.summary()}")
        for line in failures(m):
            print(f"  {line}")
    sys.exit(1 if problems or any(failures(measure(list(t.cards))) for t in found) else 0)
