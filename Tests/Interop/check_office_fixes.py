#!/usr/bin/env python3
"""Checks office documents fixed by `vaktaal lint --fix` with the programs people use.

    python3 Tests/Interop/check_office_fixes.py ORIGINALS FIXED [--pdf]

ORIGINALS holds the fixtures of make_office_fixtures.py, FIXED the same files after
`vaktaal lint --fix`. Each fixed file must reopen in python-docx, python-pptx or odfpy with
the replacements in place and the formatting of the run they went into kept. With --pdf,
LibreOffice converts the original and the fixed file to PDF (headless) and the text of the
two (pdftotext) may differ only in the replaced terms.
"""

import os
import re
import subprocess
import sys
import tempfile

import docx
from odf import opendocument, presentation as odfpresentation, teletype, text as odftext
from pptx import Presentation

# What the fixes of the fixtures replace, as people see it.
REPLACEMENTS = [
    ("feedbackgeletterheid", "feedbackgeletterdheid"),
    ("Mentoren", "Werkplekbegeleiders"),
    ("mentoren", "werkplekbegeleiders"),
    ("Mentor", "Werkplekbegeleider"),
    ("mentor", "werkplekbegeleider"),
    ("IPABO", "iPabo"),
    ("Self efficacy", "Self-efficacy"),
    ("self efficacy", "self-efficacy"),
    ("feedup", "feed up"),
]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def check_presentation(path):
    deck = Presentation(path)
    slides = list(deck.slides)
    title = slides[0].shapes.title.text_frame.text
    check(title == "Nieuwe term: Werkplekbegeleider", f"{path}: slide 1 title is {title!r}")
    runs = [run for shape in slides[2].shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs]
    fixed = [run for run in runs if run.text == "feedbackgeletterdheid"]
    check(len(fixed) == 1 and fixed[0].font.bold, f"{path}: the bold run does not hold 'feedbackgeletterdheid': {[r.text for r in runs]}")
    check(fixed and str(fixed[0].font.color.rgb) == "C00000", f"{path}: the replacement lost its colour")
    check(not any("geletterheid" in run.text for run in runs), f"{path}: 'geletterheid' is left in a run")
    texts = [shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame]
    check(any("iPabo" in value for value in texts), f"{path}: the footer was not fixed: {texts}")
    link = [run for shape in slides[1].shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs
            if run.hyperlink.address]
    check(link and link[0].hyperlink.address == "https://example.org/mentor", f"{path}: the hyperlink changed")
    notes = slides[3].notes_slide.notes_text_frame.text
    check("werkplekbegeleider nu werkplekbegeleider" in notes or "de werkplekbegeleider nu" in notes, f"{path}: notes {notes!r}")
    pictures = [shape for shape in slides[3].shapes if shape.shape_type == 13]
    check(pictures and pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Foto van een mentor met een student",
          f"{path}: the picture description changed")


def check_report(path):
    document = docx.Document(path)
    paragraphs = document.paragraphs
    check(paragraphs[0].text == "Over de Werkplekbegeleider", f"{path}: heading {paragraphs[0].text!r}")
    runs = paragraphs[2].runs
    check([run.text for run in runs] == ["Het gaat om ", "feedbackgeletterdheid", " van iedereen."],
          f"{path}: runs {[run.text for run in runs]}")
    check(runs[1].italic and not runs[1].bold, f"{path}: the italic run lost its formatting")
    body = document.element.body.xml
    check("<w:delText>mentor</w:delText>" in body, f"{path}: the deleted text changed")
    check("werkplekbegeleiders" in body, f"{path}: the inserted text was not fixed")
    check("mentor.md" in body and "docs/mentor/" in body, f"{path}: a file name was changed")
    check("Werkplekbegeleiders en iPabo" in paragraphs[-3].text or any(
        "Werkplekbegeleiders en iPabo" in p.text for p in paragraphs), f"{path}: page two was not fixed")
    header = document.sections[0].header.paragraphs[0].text
    footer = document.sections[0].footer.paragraphs[0].text
    check(header == "Handleiding voor de werkplekbegeleider", f"{path}: header {header!r}")
    check(footer == "Versie 1, met feed up", f"{path}: footer {footer!r}")


def check_open_document(path, bold_style):
    document = opendocument.load(path)
    spans = document.getElementsByType(odftext.Span)
    fixed = [span for span in spans if teletype.extractText(span) == "feedbackgeletterdheid"]
    check(len(fixed) == 1 and fixed[0].getAttribute("stylename") == bold_style,
          f"{path}: spans {[(teletype.extractText(s), s.getAttribute('stylename')) for s in spans]}")
    check(not any("geletterheid" in teletype.extractText(span) for span in spans), f"{path}: 'geletterheid' is left")
    paragraphs = document.getElementsByType(odftext.P) + document.getElementsByType(odfpresentation.FooterDecl)
    everything = "\n".join(teletype.extractText(p) for p in paragraphs)
    check("iPabo" in everything, f"{path}: IPABO was not fixed")


def pdf_texts(paths, folder):
    """The text LibreOffice renders of each file, converted to PDF in one run."""
    subprocess.run(
        ["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder] + paths,
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    texts = {}
    for path in paths:
        pdf = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        texts[os.path.basename(path)] = subprocess.run(
            ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return texts


def only_replaced(old, new):
    """Whether `new` is `old` with some of the replacements made, white space aside (the
    fixed text may wrap or hyphenate its lines elsewhere): a walk over both texts that
    copies equal characters or makes one replacement at a time."""
    old, new = re.sub(r"\s+", "", old), re.sub(r"\s+", "", new)
    pairs = [(re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)) for a, b in REPLACEMENTS]
    states = [set() for _ in range(len(old) + 1)]
    states[0].add(0)
    for i in range(len(old) + 1):
        for j in states[i]:
            if i < len(old) and j < len(new) and old[i] == new[j]:
                states[i + 1].add(j + 1)
            for a, b in pairs:
                if old.startswith(a, i) and new.startswith(b, j):
                    states[i + len(a)].add(j + len(b))
    return len(new) in states[len(old)]


def check_pdf(originals, fixed, names):
    with tempfile.TemporaryDirectory() as before, tempfile.TemporaryDirectory() as after:
        old_texts = pdf_texts([os.path.join(originals, name) for name in names], before)
        new_texts = pdf_texts([os.path.join(fixed, name) for name in names], after)
    for name in names:
        old, new = old_texts[name], new_texts[name]
        check(old.split(), f"{name}: LibreOffice rendered no text")
        check(old != new, f"{name}: the fixed file renders as the original")
        check(only_replaced(old, new), f"{name}: the PDF text differs beyond the replaced terms:\n{old}\n---\n{new}")
        print(f"{name}: {len(old.split())} words rendered alike but for the replaced terms")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    originals, fixed = sys.argv[1], sys.argv[2]
    check_presentation(os.path.join(fixed, "presentation.pptx"))
    check_report(os.path.join(fixed, "report.docx"))
    check_open_document(os.path.join(fixed, "notes.odt"), "Schuin")
    check_open_document(os.path.join(fixed, "slides.odp"), "Vet")
    if "--pdf" in sys.argv:
        check_pdf(originals, fixed, ["presentation.pptx", "report.docx", "notes.odt", "slides.odp"])
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print("office fixes reopen in python-docx, python-pptx and odfpy" + (" and render alike in LibreOffice" if "--pdf" in sys.argv else ""))


if __name__ == "__main__":
    main()
