#!/usr/bin/env python3
"""Makes the office fixtures in Tests/Fixtures/Office with the libraries people's own tools
are built on: python-docx, python-pptx and odfpy (pip install python-docx python-pptx odfpy).

    python3 Tests/Interop/make_office_fixtures.py [FOLDER]

- presentation.pptx: like the presentation that introduced the new terms: "Mentor" in a
  title, "feedbackgeletterheid" split over two runs with different formatting, "IPABO" in
  a footer, "Self efficacy" as a title, speaker notes, a hyperlink whose address holds a
  term, and a picture whose description holds one.
- report.docx: a heading, a term split over runs, tracked changes (a deleted and an
  inserted term), hidden text, a field whose instruction holds a term, a hyperlink, a tab
  inside a term, a page break, a picture description, a header, a footer and a comment.
- notes.odt: spans splitting a term, a tracked deletion, a footnote, a soft page break,
  an image description.
- slides.odp: pages with a title and a split term, speaker notes and a footer declaration.
- bomb.docx, lying-sizes.docx: a part that expands 1000:1, and one that expands past the
  size its headers declare; many-parts.pptx: 60 parts that each stay under the limits but
  together expand past what the package's size allows.

Every file is written with fixed dates, so that running the script again gives the same
bytes. The documents are in Dutch (nl-NL), as the documents vaktaal is for are.
"""

import io
import os
import re
import struct
import sys
import zipfile
import zlib

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from odf import draw, presentation as odfpresentation, style, svg, text
from odf.namespaces import PRESENTATIONNS, TEXTNS, XMLNS as XML_NAMESPACE
from odf.opendocument import OpenDocumentPresentation, OpenDocumentText
from pptx import Presentation
from pptx.dml.color import RGBColor as PptxRGB
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt as PptxPt

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FOLDER = os.path.join(HERE, "..", "Fixtures", "Office")

def png_pixel():
    """A 1×1 PNG, for pictures with a description."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


PIXEL = png_pixel()


def normalized(data):
    """The package with fixed dates and entry order kept, so that output is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/comments.xml":
                # python-docx dates a comment now.
                content = re.sub(rb'w:date="[^"]*"', b'w:date="2026-01-01T00:00:00Z"', content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return output.getvalue()


def save(document, path):
    buffer = io.BytesIO()
    document.save(buffer)
    with open(path, "wb") as file:
        file.write(normalized(buffer.getvalue()))


# MARK: - PowerPoint


def dutch_run(paragraph, value, bold=False, color=None):
    run = paragraph.add_run()
    run.text = value
    run.font.language_id = MSO_LANGUAGE_ID.DUTCH
    if bold:
        run.font.bold = True
    if color:
        run.font.color.rgb = PptxRGB(*color)
    return run


def footer(slide, value):
    """A footer placeholder cloned from the slide's layout, as PowerPoint's Insert > Footer does."""
    for placeholder in slide.slide_layout.placeholders:
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
            slide.shapes.clone_placeholder(placeholder)
    for shape in slide.placeholders:
        if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
            shape.text_frame.text = ""
            dutch_run(shape.text_frame.paragraphs[0], value)
            return
    raise RuntimeError("the layout has no footer placeholder")


def make_presentation(path):
    deck = Presentation()
    deck.core_properties.title = "Werkplekbegeleider"
    for element in deck.part._element.iter(qn("a:defRPr")):
        element.set("lang", "nl-NL")

    # Slide 1: "Mentor" in the title.
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text_frame.text = ""
    dutch_run(slide.shapes.title.text_frame.paragraphs[0], "Nieuwe term: Mentor")
    subtitle = slide.placeholders[1].text_frame
    subtitle.text = ""
    dutch_run(subtitle.paragraphs[0], "Vanaf dit studiejaar zeggen we werkplekbegeleider.")

    # Slide 2: bullets, a hyperlink whose address holds a term, "IPABO" in the footer.
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text_frame.text = ""
    dutch_run(slide.shapes.title.text_frame.paragraphs[0], "Actuele ontwikkelingen")
    body = slide.placeholders[1].text_frame
    body.text = ""
    dutch_run(body.paragraphs[0], "Flexibilisering lerarenopleidingen")
    paragraph = body.add_paragraph()
    dutch_run(paragraph, "Afstemming partnerschappen HvA/Inholland")
    paragraph = body.add_paragraph()
    dutch_run(paragraph, "Lees meer op ")
    link = dutch_run(paragraph, "de website")
    link.hyperlink.address = "https://example.org/mentor"
    footer(slide, "Amsterdamse Onderwijsregio · IPABO")

    # Slide 3: "feedbackgeletterheid" split over two runs, the first bold and coloured.
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text_frame.text = ""
    dutch_run(slide.shapes.title.text_frame.paragraphs[0], "Feedback Literacy/feedbackgeletterdheid")
    body = slide.placeholders[1].text_frame
    body.text = ""
    paragraph = body.paragraphs[0]
    dutch_run(paragraph, "De werkplekbegeleider versterkt de ")
    dutch_run(paragraph, "feedback", bold=True, color=(0xC0, 0x00, 0x00))
    dutch_run(paragraph, "geletterheid van de aankomend leraar.")

    # Slide 4: a misspelled title, a picture with a description, speaker notes.
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text_frame.text = ""
    dutch_run(slide.shapes.title.text_frame.paragraphs[0], "Self efficacy")
    picture = slide.shapes.add_picture(io.BytesIO(PIXEL), Inches(1), Inches(2), Inches(1), Inches(1))
    picture._element.nvPicPr.cNvPr.set("descr", "Foto van een mentor met een student")
    notes = slide.notes_slide.notes_text_frame
    notes.text = ""
    dutch_run(notes.paragraphs[0], "Vertel dat de mentor nu werkplekbegeleider heet.")

    save(deck, path)


# MARK: - Word


def set_language(run, language="nl-NL"):
    properties = run._element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    properties.append(lang)


def add_run(paragraph, value, **formatting):
    run = paragraph.add_run(value)
    run.bold = formatting.get("bold")
    run.italic = formatting.get("italic")
    if formatting.get("color"):
        run.font.color.rgb = RGBColor(*formatting["color"])
    set_language(run)
    return run


def tracked(kind, value, identifier):
    """A `w:ins` or `w:del` with one run of `value`."""
    change = OxmlElement("w:" + kind)
    change.set(qn("w:id"), str(identifier))
    change.set(qn("w:author"), "Redactie")
    change.set(qn("w:date"), "2026-01-01T00:00:00Z")
    run = OxmlElement("w:r")
    content = OxmlElement("w:delText" if kind == "del" else "w:t")
    content.text = value
    run.append(content)
    change.append(run)
    return change


def field(paragraph, instruction, result):
    """A complex field: begin, instruction, separate, result, end."""
    def run_with(child):
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    for kind, content in [("begin", None), (None, instruction), ("separate", None), (None, result), ("end", None)]:
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif content is instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = content
        else:
            element = OxmlElement("w:t")
            element.text = content
        run_with(element)


def hyperlink(paragraph, address, value):
    identifier = paragraph.part.relate_to(address, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), identifier)
    run = OxmlElement("w:r")
    content = OxmlElement("w:t")
    content.text = value
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def make_report(path):
    document = docx.Document()
    document.core_properties.title = "Handleiding werkplekbegeleiding"
    for element in document.styles.element.iter(qn("w:lang")):
        element.set(qn("w:val"), "nl-NL")

    add_run(document.add_heading(level=1), "Over de Mentor")
    add_run(document.add_paragraph(), "De mentor begeleidt de student op de werkplek.")

    paragraph = document.add_paragraph()
    add_run(paragraph, "Het gaat om ")
    add_run(paragraph, "feedback", italic=True)
    add_run(paragraph, "geletterheid", bold=True, color=(0x1F, 0x4E, 0x79))
    add_run(paragraph, " van iedereen.")

    paragraph = document.add_paragraph()
    add_run(paragraph, "De ")
    paragraph._p.append(tracked("del", "mentor", 1))
    paragraph._p.append(tracked("ins", "mentoren", 2))
    add_run(paragraph, " komen samen.")

    paragraph = document.add_paragraph()
    hidden = add_run(paragraph, "mentor ")
    hidden.font.hidden = True
    add_run(paragraph, "Zichtbare tekst.")

    paragraph = document.add_paragraph()
    add_run(paragraph, "Zie ")
    field(paragraph, ' HYPERLINK "https://example.org/mentor" ', "de website")
    add_run(paragraph, " en ")
    hyperlink(paragraph, "https://example.org/mentor", "de pagina")
    add_run(paragraph, ".")

    paragraph = document.add_paragraph()
    add_run(paragraph, "Over ")
    run = add_run(paragraph, "self")
    run.add_tab()
    run.add_text("efficacy")
    add_run(paragraph, " en de bestanden mentor.md en docs/mentor/.")

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_run(document.add_paragraph(), "Op pagina twee: de Mentoren en IPABO.")

    document.add_picture(io.BytesIO(PIXEL))
    pictures = document.element.body.findall(".//" + qn("wp:docPr"))
    pictures[-1].set("descr", "Een mentor in de klas")

    section = document.sections[0]
    add_run(section.header.paragraphs[0], "Handleiding voor de mentor")
    add_run(section.footer.paragraphs[0], "Versie 1, met feedup")

    paragraph = document.add_paragraph()
    commented = add_run(paragraph, "Een opmerking staat hierbij.")
    document.add_comment(commented, text="Is mentor hier het goede woord?", author="Redactie", initials="R")

    save(document, path)


# MARK: - OpenDocument


def make_notes(path):
    document = OpenDocumentText()
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.TextProperties(language="nl", country="NL"))
    document.styles.addElement(default)
    bold = style.Style(name="Vet", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    italic = style.Style(name="Schuin", family="text")
    italic.addElement(style.TextProperties(fontstyle="italic"))
    document.automaticstyles.addElement(italic)

    changes = text.TrackedChanges()
    region = text.ChangedRegion(qattributes={(XML_NAMESPACE, "id"): "wijziging1", (TEXTNS, "id"): "wijziging1"})
    change = text.Deletion()
    change.addElement(text.P(text="de mentor"))
    region.addElement(change)
    changes.addElement(region)
    document.text.addElement(changes)

    document.text.addElement(text.H(outlinelevel=1, text="Over de mentor"))
    paragraph = text.P(text="Het gaat om ")
    paragraph.addElement(text.Span(stylename=italic, text="feedback"))
    paragraph.addElement(text.Span(stylename=bold, text="geletterheid"))
    paragraph.addText(" van iedereen.")
    document.text.addElement(paragraph)

    paragraph = text.P(text="De werkplekbegeleider")
    paragraph.addElement(text.ChangeStart(changeid="wijziging1"))
    paragraph.addElement(text.ChangeEnd(changeid="wijziging1"))
    paragraph.addText(" schrijft.")
    note = text.Note(id="voetnoot1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="Vroeger heette dat de mentor."))
    note.addElement(body)
    paragraph.addElement(note)
    document.text.addElement(paragraph)

    frame = draw.Frame(width="1cm", height="1cm", anchortype="paragraph")
    frame.addElement(draw.Image(href=document.addPicture("Pictures/pixel.png", "image/png", PIXEL)))
    frame.addElement(svg.Desc(text="Een mentor op de foto"))
    paragraph = text.P()
    paragraph.addElement(frame)
    document.text.addElement(paragraph)

    document.text.addElement(text.SoftPageBreak())
    document.text.addElement(text.P(text="Op pagina twee: IPABO en self efficacy."))
    save(document, path)


def make_slides(path):
    document = OpenDocumentPresentation()
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.TextProperties(language="nl", country="NL"))
    document.styles.addElement(default)
    layout = style.PageLayout(name="Dia")
    layout.addElement(style.PageLayoutProperties(pagewidth="28cm", pageheight="21cm", printorientation="landscape"))
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standaard", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    bold = style.Style(name="Vet", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)

    footer = odfpresentation.FooterDecl(name="voet1")
    footer.addText("Amsterdamse Onderwijsregio · IPABO")
    document.presentation.addElement(footer)

    def page(name, paragraphs, notes=None):
        slide = draw.Page(name=name, masterpagename=master, usefootername="voet1")
        frame = draw.Frame(width="24cm", height="12cm", x="2cm", y="3cm")
        box = draw.TextBox()
        for paragraph in paragraphs:
            box.addElement(paragraph)
        frame.addElement(box)
        slide.addElement(frame)
        if notes:
            notes_page = odfpresentation.Notes()
            notes_frame = draw.Frame(width="20cm", height="10cm", x="1cm", y="1cm")
            notes_frame.setAttrNS(PRESENTATIONNS, "class", "notes")
            notes_box = draw.TextBox()
            notes_box.addElement(text.P(text=notes))
            notes_frame.addElement(notes_box)
            notes_page.addElement(notes_frame)
            slide.addElement(notes_page)
        document.presentation.addElement(slide)

    page("Nieuwe term", [text.P(text="Nieuwe term: Mentor")], notes="Vertel dat de mentor nu werkplekbegeleider heet.")
    split = text.P(text="De werkplekbegeleider versterkt de ")
    split.addElement(text.Span(stylename=bold, text="feedback"))
    split.addElement(text.Span(text="geletterheid"))
    split.addText(" van de aankomend leraar.")
    page("Feedback", [text.P(text="Feedbackgeletterdheid"), split])
    save(document, path)


# MARK: - ZIP bombs


def make_bombs(folder):
    """A part that expands 1000:1 (the ratio limit finds it before expanding), and a part
    whose headers declare less than it expands to (the stream stops at the declared size)."""
    filler = b" " * 5_000_000
    body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    part = body + filler + b"</w:body></w:document>"
    relationships = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
        b' Target="word/document.xml"/></Relationships>'
    )
    for name, declared in [("bomb.docx", None), ("lying-sizes.docx", 900_000)]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry, content in [("_rels/.rels", relationships), ("word/document.xml", part)]:
                info = zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, content)
        data = bytearray(buffer.getvalue())
        if declared is not None:
            patch_uncompressed_size(data, "word/document.xml", declared)
        with open(os.path.join(folder, name), "wb") as file:
            file.write(bytes(data))


def make_many_parts(folder):
    """A presentation of 60 slides that each expand 900 kB from 1 kB: every part stays
    under the limits, but together they expand past what the package's size allows."""
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ' \
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    count = 60
    entries = [
        ("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="ppt/presentation.xml"/></Relationships>').encode()),
        ("ppt/presentation.xml", (f"<p:presentation {ns}><p:sldIdLst>" + "".join(
            f'<p:sldId id="{256 + i}" r:id="rId{i + 1}"/>' for i in range(count)) + "</p:sldIdLst></p:presentation>").encode()),
        ("ppt/_rels/presentation.xml.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
                f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/slide" Target="slides/slide{i + 1}.xml"/>' for i in range(count))
            + "</Relationships>").encode()),
    ]
    slide = f"<p:sld {ns}>".encode() + b" " * 900_000 + b"</p:sld>"
    entries += [(f"ppt/slides/slide{i + 1}.xml", slide) for i in range(count)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content, compresslevel=9)
    with open(os.path.join(folder, "many-parts.pptx"), "wb") as file:
        file.write(buffer.getvalue())


def patch_uncompressed_size(data, name, size):
    """Writes `size` as the uncompressed size of `name` in its local and central headers."""
    encoded = name.encode()
    for signature, size_offset, name_offset in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)]:
        start = 0
        while True:
            start = data.find(signature, start)
            if start < 0:
                break
            length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(data[start + name_offset : start + name_offset + length]) == encoded:
                struct.pack_into("<I", data, start + size_offset, size)
            start += 4


def main():
    folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_FOLDER)
    os.makedirs(folder, exist_ok=True)
    make_presentation(os.path.join(folder, "presentation.pptx"))
    make_report(os.path.join(folder, "report.docx"))
    make_notes(os.path.join(folder, "notes.odt"))
    make_slides(os.path.join(folder, "slides.odp"))
    make_bombs(folder)
    make_many_parts(folder)
    print(f"office fixtures written to {folder}")


if __name__ == "__main__":
    main()
