"""The Anki note types: their fields, card templates and style, and the stable ids.

One note per studied prompt. A card without prompts is one "Briefing Cards"
note (front and back), as in every export so far; a card's question prompts
are "Briefing Cards Q&A" notes (Anki's Basic shape) and its cloze prompts
"Briefing Cards Cloze" notes (Anki's Cloze type), each with the card as context
on the back.

Anki matches a re-imported note type by id and updates notes only while the
field and template *names* are unchanged (it hashes them): never rename or
reorder a type's fields or template. Bump its version instead, which makes a
new note type (new id) beside the old one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

PARENT_DECK = "Briefing Cards"
NOTE_TYPE_VERSION = 1
NOTE_TYPE_NAME = "Briefing Cards"
TEMPLATE_NAME = "Briefing card"

FIELDS = ("Front", "Back", "Kind", "Title", "Role", "Value", "As of", "Why", "Source",
          "Related", "Topic", "Card ID")

FRONT = """\
<div class="bc">
  <div class="bc-meta"><span class="bc-kind">{{Kind}}</span>\
<span class="bc-topic">{{Topic}}</span></div>
  <div class="bc-question">{{Front}}</div>
</div>
"""

BACK = """\
{{FrontSide}}
<div class="bc bc-answer">
  <hr id="answer">
  <div class="bc-title">{{Title}}{{#Role}}<span class="bc-role">{{Role}}</span>{{/Role}}</div>
  {{#Value}}<div class="bc-value">{{Value}}</div>{{/Value}}
  {{#As of}}<div class="bc-as-of">{{As of}}</div>{{/As of}}
  <div class="bc-back">{{Back}}</div>
  {{#Why}}<div class="bc-why"><div class="bc-label">Why it matters</div>{{Why}}</div>{{/Why}}
  {{#Source}}<div class="bc-sources"><div class="bc-label">Source</div>{{Source}}</div>{{/Source}}
  {{#Related}}<div class="bc-related"><span class="bc-label">See also</span> {{Related}}</div>\
{{/Related}}
</div>
"""

# What every prompt's answer side shows after the answer: the card it belongs to.
CONTEXT = """\
<div class="bc bc-answer">
  <div class="bc-label">From the card</div>
  <div class="bc-title">{{Title}}{{#Role}}<span class="bc-role">{{Role}}</span>{{/Role}}</div>
  {{#Value}}<div class="bc-value bc-value-small">{{Value}}</div>{{/Value}}
  {{#As of}}<div class="bc-as-of">{{As of}}</div>{{/As of}}
  <div class="bc-back">{{Card back}}</div>
  {{#Why}}<div class="bc-why"><div class="bc-label">Why it matters</div>{{Why}}</div>{{/Why}}
  {{#Source}}<div class="bc-sources"><div class="bc-label">Source</div>{{Source}}</div>{{/Source}}
  {{#Related}}<div class="bc-related"><span class="bc-label">See also</span> {{Related}}</div>\
{{/Related}}
</div>
"""
CONTEXT_FIELDS = ("Card back", "Kind", "Title", "Role", "Value", "As of", "Why", "Source",
                  "Related", "Topic", "Card ID", "Prompt ID")
META = """\
  <div class="bc-meta"><span class="bc-kind">{{Kind}}</span>\
<span class="bc-topic">{{Topic}}</span></div>
"""
QA_FRONT = (f"""<div class="bc">\n{META}  """
            """<div class="bc-question">{{Question}}</div>\n</div>\n""")
QA_BACK = ("{{FrontSide}}\n<div class=\"bc\"><hr id=\"answer\">"
           "<div class=\"bc-value\">{{Answer}}</div></div>\n" + CONTEXT)
CLOZE_FRONT = (f"""<div class="bc">\n{META}  """
               """<div class="bc-question">{{cloze:Text}}</div>\n</div>\n""")
CLOZE_BACK = (f"""<div class="bc">\n{META}  <div class="bc-question">{{{{cloze:Text}}}}</div>\n"""
              "<hr id=\"answer\"></div>\n" + CONTEXT)


@dataclass(frozen=True)
class NoteType:
    key: str            # with the version, gives the note type's stable id
    version: int
    name: str
    fields: tuple[str, ...]
    template: str
    front: str
    back: str
    cloze: bool = False


CARD_NOTE = NoteType("note-type", NOTE_TYPE_VERSION, NOTE_TYPE_NAME, FIELDS, TEMPLATE_NAME,
                     FRONT, BACK)
QA_NOTE = NoteType("qa-note-type", 1, "Briefing Cards Q&A", ("Question", "Answer", *CONTEXT_FIELDS),
                   "Briefing prompt", QA_FRONT, QA_BACK)
CLOZE_NOTE = NoteType("cloze-note-type", 1, "Briefing Cards Cloze", ("Text", *CONTEXT_FIELDS),
                      "Briefing cloze", CLOZE_FRONT, CLOZE_BACK, cloze=True)
NOTE_TYPES = (CARD_NOTE, QA_NOTE, CLOZE_NOTE)


# Colours are variables so dark mode only swaps the palette. Anki desktop and
# AnkiMobile mark dark mode with .nightMode, AnkiDroid with .night_mode; the
# class sits on the same element as .card (the body) or on an ancestor.
CSS = """\
.card {
  --bc-bg: #fbfaf7;
  --bc-fg: #1f2328;
  --bc-muted: #5d6670;
  --bc-accent: #1f5fa8;
  --bc-accent-bg: #e4edf8;
  --bc-rule: #d9dde2;
  --bc-quote-bg: #f1efe9;
  background-color: var(--bc-bg);
  color: var(--bc-fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 19px;
  line-height: 1.45;
  text-align: left;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --bc-bg: #1f2124;
  --bc-fg: #e6e8eb;
  --bc-muted: #a2aab3;
  --bc-accent: #7cb4f2;
  --bc-accent-bg: #203247;
  --bc-rule: #3a3f46;
  --bc-quote-bg: #2a2d31;
}
.bc { max-width: 34em; margin: 0 auto; padding: 0 0.75em; }
.bc-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em 0.8em;
  margin: 0.6em 0 0.9em; font-size: 0.72em; }
.bc-kind { color: var(--bc-accent); background: var(--bc-accent-bg); border-radius: 1em;
  padding: 0.15em 0.75em; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
.bc-topic { color: var(--bc-muted); }
.bc-question { font-size: 1.3em; font-weight: 600; }
#answer { margin: 1.1em 0; border: 0; border-top: 1px solid var(--bc-rule); }
.bc-title { font-weight: 700; margin-bottom: 0.3em; }
.bc-role { color: var(--bc-muted); font-weight: 400; }
.bc-role::before { content: " \\2014  "; }
.bc-value { color: var(--bc-accent); font-size: 2.2em; font-weight: 700; line-height: 1.15;
  font-variant-numeric: tabular-nums; margin: 0.2em 0 0; }
.bc-value-small { font-size: 1.4em; }
.cloze { color: var(--bc-accent); font-weight: 700; }
.bc-as-of { color: var(--bc-muted); font-size: 0.85em; margin-bottom: 0.6em; }
.bc-back { margin: 0.5em 0 0.9em; }
.bc-label { color: var(--bc-muted); font-size: 0.68em; font-weight: 600; letter-spacing: 0.08em;
  text-transform: uppercase; margin-bottom: 0.2em; }
.bc-why { margin: 0.9em 0; }
.bc-sources { margin: 0.9em 0; font-size: 0.85em; }
.bc-quote { margin: 0.3em 0 0.2em; padding: 0.5em 0.8em; background: var(--bc-quote-bg);
  border-left: 3px solid var(--bc-accent); border-radius: 0 0.3em 0.3em 0; font-style: italic; }
.bc-cite { color: var(--bc-muted); font-size: 0.9em; margin-bottom: 0.6em; }
.bc-related { color: var(--bc-muted); font-size: 0.8em; margin: 0.9em 0 0.6em; }
.bc-related .bc-label { margin-right: 0.4em; }
"""


def stable_id(*parts: str) -> int:
    """An Anki note type or deck id that is the same in every export.

    In [2**30, 2**31), the range genanki suggests, far below Anki's own
    millisecond-timestamp ids, so it will not collide with a user's decks.
    """
    digest = hashlib.sha256("/".join(("briefing-cards",) + parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)
