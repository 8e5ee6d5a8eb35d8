"""Actors the seeds name that have no actor card: people and organisations given a role
("Ning Fukui, Chinese ambassador to South Korea", "South Korean President Roh
Moo-hyun"), and states and organisations named again and again.

Without a language model, names are read from their shape: capitalised words
beside a title or role word, or a state's name from a short list. Places,
events and the names inside source citations and notes are left alone.
"""
from __future__ import annotations

import difflib
import re

from ..coverage import SeedCoverage
from ..model import Topic
from . import Suggestion, body_sentences
from .figures import CITATION

_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_NAME = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}}"
_TITLES = (r"(?:Vice |Deputy |Prime |Foreign |Defen[cs]e |Finance |Trade |Interior )?"
           r"(?:President|Premier|Minister|Mayor|Chairman|Chairwoman|Chair|Ambassador|"
           r"ambassador|Secretary|General|Governor|Senator|leader|Leader|spokesman|"
           r"spokeswoman|spokesperson|Chancellor|King|Queen|Prince|Director|director|"
           r"Commissioner|envoy|Envoy|minister|president|chairman|governor|mayor|"
           r"chief executive|head|chief)")
_NATION = r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,5})"
# "Chinese Premier Wen Jiabao", "DPRK Vice Premier Ro Tu Chol", "Mayor Elena Voss".
TITLE_FIRST = re.compile(rf"(?P<role>(?:{_NATION}\s)?{_TITLES})\s(?P<name>{_NAME}|{_NAME_WORD})"
                         r"(?![\w-])")
# "Ning Fukui, Chinese ambassador to South Korea,"
ROLE_AFTER = re.compile(rf"(?P<name>{_NAME}),\s(?P<role>(?:the\s|a\s|an\s)?(?:{_NATION}\s)?"
                        rf"(?:former\s|then\s)?{_TITLES}[^,.;()]{{0,50}}),")
# "The national grid operator, Northline Energy,"
ROLE_BEFORE = re.compile(r"(?:[Tt]he)\s(?P<role>[a-z][a-z\s-]{2,40}?(?:operator|company|agency|"
                         r"ministry|group|organi[sz]ation|union|council|regulator|party|bank|"
                         r"institute|firm|trust|association|authority)),\s"
                         rf"(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}),")
STATES = frozenset([
    "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bangladesh", "Belarus", "Belgium", "Bolivia", "Brazil", "Bulgaria", "Cambodia",
    "Canada", "Chile", "China", "Colombia", "Croatia", "Cuba", "Cyprus", "Denmark", "Egypt",
    "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary",
    "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan",
    "Jordan", "Kazakhstan", "Kenya", "Kuwait", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania",
    "Malaysia", "Mexico", "Mongolia", "Morocco", "Myanmar", "Nepal", "Netherlands", "Nigeria",
    "Norway", "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia",
    "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "Spain", "Sudan", "Sweden",
    "Switzerland", "Syria", "Taiwan", "Tajikistan", "Thailand", "Turkey", "Turkmenistan", "Ukraine",
    "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "DPRK", "PRC", "ROK"
]) | {
    "North Korea", "South Korea", "United States", "United Kingdom", "Saudi Arabia",
    "New Zealand", "South Africa", "Soviet Union", "European Union"}
_STATE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, STATES), key=len, reverse=True))
                    + r")\b(?!\s(?:Sea|Strait|Peninsula|War|Times|Institute))")
# Organisations named by what they are, e.g. "the Foreign Ministry", "Northline Energy".
ORGANISATION = re.compile(rf"\b(?P<name>(?:{_NAME_WORD}\s){{1,3}}(?:Ministry|Council|Committee|"
                          r"Commission|Agency|Organi[sz]ation|Party|Talks|Group|Union|"
                          r"Association|Bank|Fund|Forum|Congress|Parliament|Assembly|Trust|"
                          r"Energy|Corporation|Authority))\b")
# A person's name seen again and again: capitalised words that are not places,
# peoples or the start of a sentence.
PERSON = re.compile(rf"(?<=[a-z,;] )(?P<name>{_NAME})(?![\w-])")
_NOT_PEOPLE = re.compile(r"\b(?:North|South|East|West|Northeast|Northwest|Southeast|Asia|Asian|"
                         r"Korea|Korean|Koreas|Chinese|Japanese|American|Russian|Peninsula|Sea|"
                         r"Strait|War|Games|Olympic|Summit|Talks|Statement|Agreement|Declaration|"
                         r"Online|Times|Daily|News|Press|House|University|Institute|Service|Group|"
                         r"Forum|Review|Brief|Court|River|Island|Islands|Province|Region|"
                         r"January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday)\b")
# One state under its other names: a card for North Korea covers the DPRK.
SAME_STATE = {"dprk": "north korea", "prc": "china", "rok": "south korea",
              "usa": "united states"}
RECURRING = 2  # a state, organisation or person named this often, without a role, is an actor


def _aliases(topic: Topic) -> list[str]:
    """The names an actor card goes by: its title, the names in brackets, its id."""
    names = []
    for card in topic.cards_of("actor"):
        title = card.title.replace('"', "").replace("“", "").replace("”", "")
        inner = re.findall(r"\(([^)]*)\)", title)
        names.append(re.sub(r"\([^)]*\)", "", title))
        names += [n for part in inner for n in part.split(",")]
        names.append(card.id.replace("-", " "))
    return [_plain(n) for n in names if _plain(n)]


def _plain(name: str) -> str:
    name = re.sub(r"[’']s\b", "", name.lower())
    return " ".join(w for w in re.findall(r"[\w-]+", name) if w != "the")


def has_card(name: str, aliases: list[str]) -> bool:
    plain = _plain(name)
    words = set(plain.replace("-", " ").split())
    for alias in aliases:
        other = set(alias.replace("-", " ").split())
        if plain == alias or (words and words <= other) or (other and other <= words):
            return True
        if difflib.SequenceMatcher(None, plain, alias).ratio() >= 0.85:  # Jiabo, Jiabao
            return True
    return False


def find(topic: Topic, seeds: list[SeedCoverage]) -> list[Suggestion]:
    aliases = _aliases(topic)
    found: dict[str, Suggestion] = {}
    mentions: dict[str, list[tuple[SeedCoverage, tuple[int, int], tuple[int, int]]]] = {}
    for c in seeds:
        text = c.text
        for sentence in body_sentences(c):
            citations = [m.span() for m in CITATION.finditer(text, *sentence)]

            def cited(at: int, citations: list[tuple[int, int]] = citations) -> bool:
                return any(a <= at < b for a, b in citations)
            for pattern in (ROLE_AFTER, ROLE_BEFORE, TITLE_FIRST):
                for match in pattern.finditer(text, *sentence):
                    name, role = match.group("name"), match.group("role").strip()
                    if cited(match.start()) or name in STATES or has_card(name, aliases):
                        continue
                    if pattern is TITLE_FIRST and " " not in name:
                        continue  # "President Roh": the full name is elsewhere, or too little
                    key = _plain(name)
                    if key not in found:
                        found[key] = _actor(c, name, role, match.span(), sentence,
                                            "named with a role")
            for pattern in (_STATE, ORGANISATION, PERSON):
                for match in pattern.finditer(text, *sentence):
                    name = match.group(0)
                    if cited(match.start()) or (pattern is PERSON and (
                            _NOT_PEOPLE.search(name) or name in STATES)):
                        continue
                    key = SAME_STATE.get(_plain(name), _plain(name))
                    mentions.setdefault(key, []).append((c, match.span(), sentence))
    for key, places in mentions.items():
        c, span, sentence = places[0]
        name = c.text[span[0]:span[1]]
        if len(places) < RECURRING or has_card(name, aliases) or has_card(key, aliases) \
                or has_card(name, list(found)):
            continue
        found[key] = _actor(c, name, "", span, sentence, f"named {len(places)} times")
    return list(found.values())


def _actor(c: SeedCoverage, name: str, role: str, span, sentence, reason: str) -> Suggestion:
    """The sentence of the first mention is the quote: it says who they are."""
    start, end = sentence
    return Suggestion("actor", name, c.text[start:end], c.seed.id, start, end,
                      f"an actor with no card, {reason}", role=role, identity=_plain(name))
