#!/usr/bin/env bash
# Office documents (benchmark, not test): a generated 200-slide PPTX and 300-page DOCX are
# linted (target under 0.5 s each) and fixed (under 1 s) by a release build, with the
# shipped vocabulary; the peers read the same documents' text with python-pptx and
# python-docx. Needs hyperfine and pip install python-pptx python-docx.
# Usage: Sources/vaktaal-bench/Scripts/benchmark-office.sh [slides] [pages]
set -euo pipefail
cd "$(dirname "$0")/../../.."
slides=${1:-200}
pages=${2:-300}
data=bench-data/office
swift build -c release >/dev/null
vaktaal=$PWD/.build/release/vaktaal
deck="deck-$slides.pptx"
report="report-$pages.docx"
[ -f "$data/$deck" ] && [ -f "$data/$report" ] || python3 Sources/vaktaal-bench/Scripts/generate-office.py "$data" "$slides" "$pages"
cd "$data"
hyperfine --warmup 1 --runs 10 --style basic -i \
    -p "cp $deck work.pptx" -n "vaktaal lint --fix $deck" "$vaktaal lint --fix work.pptx --format json" \
    -p "cp $report work.docx" -n "vaktaal lint --fix $report" "$vaktaal lint --fix work.docx --format json"
hyperfine --warmup 1 --runs 10 --style basic -i \
    -n "vaktaal lint $deck" "$vaktaal lint $deck --format json" \
    -n "vaktaal lint $report" "$vaktaal lint $report --format json" \
    -n "python-pptx: the text of $deck" \
    "python3 -c \"from pptx import Presentation; p = Presentation('$deck'); [r.text for s in p.slides for h in s.shapes if h.has_text_frame for q in h.text_frame.paragraphs for r in q.runs]\"" \
    -n "python-docx: the text of $report" \
    "python3 -c \"import docx; [p.text for p in docx.Document('$report').paragraphs]\""
/usr/bin/time -f "peak memory %M KiB: lint $report" "$vaktaal" lint "$report" --format json >/dev/null || true
cp "$report" work.docx
/usr/bin/time -f "peak memory %M KiB: lint --fix $report" "$vaktaal" lint --fix work.docx --format json >/dev/null || true
rm -f work.pptx work.docx
