"""Article files for the import tests, made from texts written here (not the bundled seeds):
a web page wrapped in boilerplate, a PDF with running headers, page numbers and
words hyphenated at line ends, and a Word document."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

WEB_TITLE = "Harbour Towns Bet on Tidal Power"
WEB_ARTICLE = [
    "The council of Port Avery voted on Tuesday to build a tidal barrage across the estuary, "
    "a project it says will supply 40 percent of the town's electricity by 2030.",
    "Mayor Elena Voss, who has championed the scheme since 2019, said the barrage would cost "
    "about €310 million and create 450 jobs during construction.",
    "Critics fear the barrage will harm the mudflats where thousands of wading birds feed each "
    "winter. The regional wildlife trust opposes the plan and wants an independent survey first.",
    "The national grid operator, Northline Energy, is keen on the project because tidal output "
    "can be predicted years ahead, unlike wind.",
    "Construction is expected to begin in spring 2026 if the environment ministry approves it.",
]
WEB_FURNITURE = ["We use cookies to improve your experience", "Accept all cookies",
                 "Privacy policy", "Home", "Sport", "Weather", "Share on Facebook",
                 "Email this story", "Related stories", "Wind farm plans shelved after protest",
                 "Ferry fares to rise next month", "All rights reserved", "Terms of use"]

PDF_TITLE = "Six-Party Diplomacy and the Northern Gas Pipeline"
PDF_ARTICLE = [
    "Negotiators from six countries met again in Vladivostok in March to discuss a gas pipeline "
    "that would run from Siberian fields through both Koreas. The six-party format, borrowed "
    "from earlier security talks, gives every government a veto over the route.",
    "Officials in Seoul estimate that the pipeline would carry 10 billion cubic metres of gas a "
    "year and cost about US$2.5 billion to build. Consultants commissioned by the Russian side "
    "put the construction cost considerably higher, and independent economists remain sceptical "
    "about the commercial arithmetic of transit fees collected by Pyongyang.",
    "The representatives nevertheless described the atmosphere as constructive. A six-party "
    "working group will meet monthly and report to the foreign ministers, who are expected to "
    "gather in the autumn. Environmental organisations have asked to observe the proceedings, "
    "arguing that the route crosses several protected wetlands and migratory corridors.",
    "Historians note that comparable multilateral infrastructure negotiations in the region "
    "have rarely survived changes of government. The Tumen River initiative of the 1990s, "
    "launched with considerable fanfare, produced little physical construction before funding "
    "dried up. Supporters argue that the present discussions differ because energy prices have "
    "transformed the calculations of every participating government.",
    "Whatever the outcome, the negotiations have already achieved something unusual: regular, "
    "structured conversation among governments that otherwise communicate mostly through public "
    "statements. Several delegates privately acknowledged that this communication channel may "
    "prove more valuable than the pipeline itself.",
]
PDF_HEADER = "The Example Review · Spring 2021"

WORD_TITLE = "Rethinking Rural Bus Services"
WORD_ARTICLE = [
    "County transport planners want to replace fixed rural bus timetables with buses that "
    "passengers book by phone or app.",
    "A two-year trial in the Vale district carried 18,400 passengers and cut the cost per "
    "journey by 22 percent, according to the county's evaluation published in January 2023.",
    "Drivers' unions oppose a wider rollout because they fear split shifts will become the norm.",
]


def sentences(paragraphs: list[str]) -> list[str]:
    """The sentences of the test articles (they hold no abbreviations)."""
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s]


# -- a web page ------------------------------------------------------------------

def web_page() -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in WEB_ARTICLE)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": WEB_TITLE, "datePublished": "2024-05-14",
                     "author": {"@type": "Person", "name": "Mira Okafor"},
                     "publisher": {"@type": "Organization", "name": "The Coastal Courier"}})
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{WEB_TITLE} | The Coastal Courier</title>
<meta name="author" content="Mira Okafor">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-05-14T08:00:00Z">
<script type="application/ld+json">{ld}</script>
<script>window.consent = "Accept all cookies";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button> <a href="/privacy">Privacy policy</a></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>{WEB_TITLE}</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email this story</a></div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Wind farm plans shelved after protest</a></li>
<li><a href="/b">Ferry fares to rise next month</a></li></ul></aside>
</main>
<footer><p>© 2025 The Coastal Courier. All rights reserved.</p>
<a href="/contact">Contact us</a> <a href="/terms">Terms of use</a></footer>
</body></html>""".encode()


# -- a PDF -------------------------------------------------------------------------

def hyphenated_lines(paragraph: str, width: int = 54) -> list[str]:
    """Break a paragraph into lines as a typesetter would: a long word that does not
    fit is split with a hyphen, and a compound breaks at its own hyphen."""
    lines, line = [], ""
    for word in paragraph.split():
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - 2
        if "-" in word and 0 < word.index("-") < room:
            head, tail = word.split("-", 1)
            lines.append(f"{line} {head}-")
            line = tail
        elif len(word) >= 8 and word.isalpha() and room >= 4:
            cut = min(room, len(word) - 3)
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + [line]


def pdf(paragraphs: list[str] = PDF_ARTICLE, title: str = PDF_TITLE, lines_per_page: int = 16,
        encrypt: str = "") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1,
                         encrypt=encrypt or None)
    page.setTitle(title)
    page.setAuthor("Daniel Brandt")
    width, height = A4
    laid = [("title", title)] + [("line", line) for p in paragraphs
                                 for line in hyphenated_lines(p) + [""]]
    pages = [laid[i:i + lines_per_page] for i in range(0, len(laid), lines_per_page)]
    for number, lines in enumerate(pages, 1):
        if number > 1:  # a running header, on every page but the first
            page.setFont("Helvetica", 8)
            page.drawString(72, height - 40, f"{PDF_HEADER}   {number}")
        page.setFont("Helvetica", 8)
        page.drawCentredString(width / 2, 30, f"Page {number} of {len(pages)}")
        y = height - 80
        for kind, text in lines:
            if kind == "title":
                page.setFont("Helvetica-Bold", 14)
                page.drawString(72, y, text)
                y -= 28
                continue
            page.setFont("Helvetica", 10.5)
            if text:
                page.drawString(72, y, text)
                y -= 14
            else:
                y -= 10  # the space between paragraphs
        page.showPage()
    page.save()
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A "scanned" page: a picture of text, and no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    for row in range(40):  # grey bars standing for lines of scanned text
        page.setFillGray(0.2 + (row % 3) * 0.1)
        page.rect(72, 760 - row * 16, 400 - (row * 37) % 120, 9, stroke=0, fill=1)
    page.showPage()
    page.save()
    return out.getvalue()


# -- a Word document -------------------------------------------------------------

def docx() -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.core_properties.author = "Priya Raman"
    document.core_properties.title = WORD_TITLE
    document.sections[0].header.paragraphs[0].text = "Transport Quarterly — internal draft"
    document.sections[0].footer.paragraphs[0].text = "Confidential — page 1"
    document.add_heading(WORD_TITLE, level=1)
    for paragraph in WORD_ARTICLE:
        document.add_paragraph(paragraph)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"web": folder / "tidal-power.html", "pdf": folder / "pipeline.pdf",
             "docx": folder / "rural-buses.docx"}
    files["web"].write_bytes(web_page())
    files["pdf"].write_bytes(pdf())
    files["docx"].write_bytes(docx())
    return files
