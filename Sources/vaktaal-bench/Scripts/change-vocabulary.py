#!/usr/bin/env python3
"""Changes a given share of the concepts of a generated vocabulary, for the diff and merge benchmarks.

Usage: Sources/vaktaal-bench/Scripts/change-vocabulary.py IN.xml OUT.xml PERCENT SEED

Edits the XML text concept by concept, so the rest stays byte for byte: of the chosen
concepts, 40% get a revised definition, 40% an extra alternative label, 15% an
alternative label turned outdated, and 5% are removed (only concepts nothing refers to)
and replaced by as many new ones. Different seeds choose different concepts, so two
changed copies of one vocabulary make a three-way merge with a few conflicts.
"""
import random
import re
import sys


def outdated(match: re.Match) -> str:
    """An alternative label turned outdated (an abbreviation flag does not apply to it)."""
    attributes = match.group(1).replace(' abbreviation="true"', "")
    return f'<deprecatedLabel{attributes} since="2026-12-01">{match.group(2)}</deprecatedLabel>'


def main() -> None:
    source, target, percent, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    text = open(source, encoding="utf-8").read()
    head, separator, rest = text.partition("\n  <concept ")
    blocks = [separator.lstrip("\n") + block for block in rest.split("\n  <concept ")]
    blocks = ["  <concept " + block[len("  <concept "):] if block.startswith("  <concept ") else "  <concept " + block
              for block in blocks]
    last, _, tail = blocks[-1].rpartition("</concept>")
    blocks[-1] = last + "</concept>"
    referenced = set(re.findall(r'(?:ref|replacedBy)="([^"]+)"', text))
    ids = [re.search(r'id="([^"]+)"', block).group(1) for block in blocks]
    rng = random.Random(seed)
    count = max(1, int(len(blocks) * percent / 100))
    removed, added = set(), []
    for number, index in enumerate(rng.sample(range(len(blocks)), count)):
        block, kind = blocks[index], rng.random()
        if kind < 0.05 and ids[index] not in referenced:
            removed.add(index)
            added.append(f'  <concept id="new-{seed}-{number}">\n'
                         f'    <prefLabel xml:lang="nl">nieuw begrip {seed} {number}</prefLabel>\n'
                         f'    <definition xml:lang="nl">Een nieuw begrip.</definition>\n'
                         f'    <broader ref="{ids[rng.randrange(len(ids))]}"/>\n  </concept>')
        elif kind < 0.45:
            block = re.sub(r'(<definition[^>]*>)(.*?)(</definition>)',
                           lambda m: m.group(1) + m.group(2) + f" Herzien ({seed})." + m.group(3), block, count=1)
        elif kind < 0.85:
            block = re.sub(r'(</prefLabel>\n)', rf'\1    <altLabel xml:lang="nl">synoniem {seed} {number}</altLabel>\n',
                           block, count=1)
        else:
            block = re.sub(r'<altLabel([^>]*)>([^<]*)</altLabel>', outdated, block, count=1)
        blocks[index] = block
    kept = [block for index, block in enumerate(blocks) if index not in removed] + added
    with open(target, "w", encoding="utf-8") as out:
        out.write(head + "\n" + "\n".join(kept) + tail)
    print(f"{source} → {target}: {count} concepts changed ({len(removed)} removed, {len(added)} added)")


if __name__ == "__main__":
    main()
