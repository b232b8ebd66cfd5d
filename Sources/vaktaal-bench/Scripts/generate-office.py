#!/usr/bin/env python3
"""Generates the office documents of the office benchmark (python-pptx, python-docx):

    generate-office.py FOLDER [SLIDES] [PAGES]

- deck.pptx: SLIDES slides (default 200), each a title, six bullets and speaker notes;
- report.docx: PAGES pages (default 300) of ten paragraphs of about sixty words each,
  with a page break after every page.

The text is Dutch-like and varied (so parts compress as real ones do, about 5:1), with an
outdated term, a misspelling split over two runs and a name in capitals here and there,
as in real documents. The same arguments give the same files.
"""

import os
import random
import sys

import docx
from docx.enum.text import WD_BREAK
from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID

WORDS = (
    "de het een en van in op met voor door over bij naar uit als dat die dit wordt worden heeft hebben kan kunnen "
    "school student leraar opleiding werkplek begeleiding les klas groep leren ontwikkeling feedback reflectie "
    "portfolio stage praktijk team collega gesprek doel doelen vraag vragen antwoord plan week jaar periode "
    "opdracht onderwijs kennis vaardigheid houding rol taak beoordeling toets resultaat verslag onderzoek "
    "samenwerking partner regio bestuur schoolopleider instituutsopleider werkplekbegeleider aankomend "
    "leeruitkomst leerroute kennisbasis intervisie voltijd deeltijd duaal zelfstandig samen actief goed nieuw"
).split()


def sentence(rng, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph_runs(rng, index):
    """The runs of a paragraph: mostly plain text, now and then a term to find."""
    text = " ".join(sentence(rng, rng.randint(8, 14)) for _ in range(5))
    if index % 7 == 0:
        return [(text + " De mentor helpt. ", False), ("feedback", True), ("geletterheid groeit bij IPABO.", False)]
    return [(text, False)]


def make_deck(path, slides, rng):
    deck = Presentation()
    for element in deck.part._element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr"):
        element.set("lang", "nl-NL")
    for number in range(slides):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"Onderwerp {number + 1}: " + sentence(rng, 4)
        body = slide.placeholders[1].text_frame
        body.text = ""
        for bullet in range(6):
            paragraph = body.paragraphs[0] if bullet == 0 else body.add_paragraph()
            for value, bold in paragraph_runs(rng, number * 6 + bullet)[:3]:
                run = paragraph.add_run()
                run.text = value[:180] if not bold else value
                run.font.bold = bold or None
                run.font.language_id = MSO_LANGUAGE_ID.DUTCH
        slide.notes_slide.notes_text_frame.text = sentence(rng, 30) + " Vertel over de mentor."
    deck.save(path)


def make_report(path, pages, rng):
    document = docx.Document()
    for element in document.styles.element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang"):
        element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "nl-NL")
    for page in range(pages):
        document.add_heading(f"Hoofdstuk {page + 1}", level=2)
        for index in range(10):
            paragraph = document.add_paragraph()
            for value, bold in paragraph_runs(rng, page * 10 + index):
                paragraph.add_run(value).bold = bold or None
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(path)


def main():
    folder = sys.argv[1]
    slides = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    pages = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    os.makedirs(folder, exist_ok=True)
    make_deck(os.path.join(folder, f"deck-{slides}.pptx"), slides, random.Random(1))
    make_report(os.path.join(folder, f"report-{pages}.docx"), pages, random.Random(2))


if __name__ == "__main__":
    main()
