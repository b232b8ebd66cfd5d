#!/usr/bin/env python3
"""Writes a synthetic vocabulary of N concepts in the vaktaal format, for benchmarks.

Usage: Sources/vaktaal-bench/Scripts/generate-vocabulary.py N > synthetic.xml

Every concept has Dutch and English preferred labels with plurals, an alternative label,
a definition and a broader concept; every tenth has a deprecated label, every seventh a
hidden label; siblings are related in pairs. About 500 bytes per concept: 10,000 concepts ≈ 5 MB.
The output is deterministic and passes `vaktaal check` without errors.
"""
import random
import sys
from xml.sax.saxutils import escape

SYLLABLES = ["be", "ge", "lei", "der", "op", "lei", "ding", "werk", "plek", "leer", "uit", "komst", "school",
             "taal", "vak", "kennis", "clip", "rol", "stijl", "doel", "groep", "route", "feed", "back", "cul", "tuur"]


def word(rng: random.Random, index: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)) + f"{index:x}"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(42)
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="synthetic" '
              'uri="https://begrippen.example.org/synthetic/" version="1" xml:lang="nl">\n')
    out.write('  <title xml:lang="nl">Synthetische woordenlijst</title>\n')
    for index in range(count):
        term = word(rng, index)
        top = ' top="true"' if index == 0 else ""
        out.write(f'\n  <concept id="c{index}"{top}>\n')
        out.write(f'    <prefLabel plural="{term}en">{term}</prefLabel>\n')
        out.write(f'    <prefLabel xml:lang="en" plural="{term} terms">{term} term</prefLabel>\n')
        out.write(f'    <altLabel>{term} alt</altLabel>\n')
        if index % 10 == 0:
            out.write(f'    <deprecatedLabel plural="oud{term}en" since="2025-09-01">oud{term}</deprecatedLabel>\n')
        if index % 7 == 0:
            out.write(f'    <hiddenLabel>{term}x</hiddenLabel>\n')
        definition = escape(f"Een begrip nummer {index} over {term}, met een definitie van gemiddelde lengte & inhoud.")
        out.write(f'    <definition>{definition}</definition>\n')
        if index > 0:
            out.write(f'    <broader ref="c{(index - 1) // 5}"/>\n')
        if index % 5 == 1 and index + 1 < count:  # siblings: never in one broader line
            out.write(f'    <related ref="c{index + 1}"/>\n')
        if index % 5 == 2:
            out.write(f'    <related ref="c{index - 1}"/>\n')
        out.write('  </concept>\n')
    out.write('</vocabulary>\n')


if __name__ == "__main__":
    main()
