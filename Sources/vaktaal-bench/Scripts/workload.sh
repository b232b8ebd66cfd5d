#!/usr/bin/env bash
# The speed workload of ../shared/bench (real Dutch text, generated vocabularies of 1k, 10k and
# 100k concepts) with the peers in the same run; prints one table. Not a test.
# Prepare the workload first as ../shared/bench/README.md says (default folder /tmp/bench),
# and `pip install ahocorasick-rs`; needs hyperfine and xmllint.
# Usage: Sources/vaktaal-bench/Scripts/workload.sh [BENCH_FOLDER] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=${1:-/tmp/bench}
runs=${2:-3}
peer=../shared/bench/pymatch.py
swift build -c release --product vaktaal >/dev/null
vaktaal=$PWD/.build/release/vaktaal
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Compiled indexes of this run go in its own cache folder.
export XDG_CACHE_HOME=$out/cache

mean() { python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$@"; }
milliseconds() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]; print("%.0f ms (%.0f-%.0f)" % (r["mean"]*1e3, r["min"]*1e3, r["max"]*1e3))' "$@"; }
peak() { { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null || true; } | tail -1; }
row() { printf '| %-44s | %12s | %12s | %8s | %s\n' "$@"; }

# How many times the lint at 100k concepts takes the lint at 1k, run in turn (at least five
# times each), with the command line prefix given (`taskset -c 0`). A lint exits 1 when it
# finds something; any other failure stops the measure, since a run that fails at once
# would count as the fastest.
in_turn() {
    python3 - "$(( runs > 5 ? runs : 5 ))" "$vaktaal" "$bench" "$@" <<'PYTHON'
import statistics, subprocess, sys, time
rounds, vaktaal, bench, prefix = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
def command(n):
    folder = f"{bench}/vocab-{n}"
    return prefix + [vaktaal, "lint", "--format", "json", "--vocabulary", f"{folder}/Vocabulary/synth.xml", f"{folder}/corpus/lint-100mb.txt"]
times = {1000: [], 100000: []}
for _ in range(rounds):
    for n in times:
        start = time.perf_counter()
        code = subprocess.run(command(n), stdout=subprocess.DEVNULL).returncode
        times[n].append(time.perf_counter() - start)
        if code not in (0, 1):
            sys.exit(f"{' '.join(command(n))}: exit {code}")
fastest = {n: min(times[n]) for n in times}
mean = {n: statistics.mean(times[n]) for n in times}
print("%.2fx (%.3f / %.3f s fastest; means %.2fx)" % (fastest[100000] / fastest[1000], fastest[100000], fastest[1000], mean[100000] / mean[1000]))
PYTHON
}

echo "De mentor bespreekt de leeruitkomsten." >"$out/one-line.txt"
# A user lints many times with one vocabulary: its compiled index is made once, and its
# checksums are verified once it has been left alone for a few seconds (then a run maps it
# without reading it whole). The runs measured are such later runs.
prime() {
    "$vaktaal" lint --vocabulary "$1" "$out/one-line.txt" >/dev/null 2>&1 || true
    sleep 3
    "$vaktaal" lint --vocabulary "$1" "$out/one-line.txt" >/dev/null 2>&1 || true
}

row "workload" "vaktaal" "peer" "ratio" "notes"
row "---" "---" "---" "---" "---"
for n in 1000 10000 100000; do
    vocabulary="$bench/vocab-$n/Vocabulary/synth.xml"
    text="$bench/vocab-$n/corpus/lint-100mb.txt"
    [ -f "$vocabulary" ] || continue
    megabytes=$(python3 -c "import os; print(os.path.getsize('$text') / 1e6)")
    prime "$vocabulary"
    hyperfine -N -i --runs "$runs" --warmup 1 --export-json "$out/lint-$n.json" --style none \
        "$vaktaal lint --format json --vocabulary $vocabulary $text" \
        "python3 $peer ahocorasick_rs $bench/vocab-$n/patterns.txt $text" >/dev/null
    ours=$(mean "$out/lint-$n.json" 0)
    theirs=$(mean "$out/lint-$n.json" 1)
    # The same lint held to one core (the peer runs on one).
    hyperfine -N -i --runs "$runs" --warmup 1 --export-json "$out/lint-$n-one-core.json" --style none \
        "taskset -c 0 $vaktaal lint --format json --vocabulary $vocabulary $text" >/dev/null
    one_core=$(mean "$out/lint-$n-one-core.json" 0)
    memory=$(peak "$vaktaal" lint --format json --vocabulary "$vocabulary" "$text")
    findings=$("$vaktaal" lint --format json --vocabulary "$vocabulary" "$text" | python3 -c 'import json,sys; print(sum(len(f["findings"]) for f in json.load(sys.stdin)["files"]))' || true)
    row "lint 100 MB, $n concepts (s)" "$ours" "$theirs" "$(python3 -c "print('%.2fx' % ($theirs / $ours))")" \
        "$(python3 -c "print('%.0f MB/s; one core %.2f s, %.0f MB/s' % ($megabytes / $ours, $one_core, $megabytes / $one_core))"), peak $((memory / 1024)) MB, $findings findings"
done
# The goal: the lint at 100k concepts within 1.5x the time of the lint at 1k. Run in turn, the
# two are slowed alike by a busy spell of a shared machine; noise only ever adds time, so the
# ratio of the fastest runs is the steadier figure.
if [ -f "$out/lint-1000.json" ] && [ -f "$out/lint-100000.json" ]; then
    row "lint at 100k over lint at 1k concepts" "$(in_turn)" "" "" "one core $(in_turn taskset -c 0); goal: within 1.5x"
fi
folder="$bench/vocab-10000/corpus/md"
if [ -d "$folder" ]; then
    hyperfine -N -i --runs "$runs" --warmup 1 --export-json "$out/md.json" --style none \
        "$vaktaal lint --format json --vocabulary $bench/vocab-10000/Vocabulary/synth.xml $folder" \
        "python3 $peer ahocorasick_rs $bench/vocab-10000/patterns.txt $folder" >/dev/null
    ours=$(mean "$out/md.json" 0)
    theirs=$(mean "$out/md.json" 1)
    row "2,000 Markdown files (100 MB), 10k (s)" "$ours" "$theirs" "$(python3 -c "print('%.2fx' % ($theirs / $ours))")" \
        "$(python3 -c "print('%.0f MB/s' % (100 / $ours))")"
fi
big="$bench/vocab-100000/Vocabulary/synth.xml"
if [ -f "$big" ]; then
    # "no cache" reads the XML each time; "compiled" starts from the compiled index kept
    # in the cache folder (made by the warm-up run).
    hyperfine -N -i --runs "$runs" --warmup 1 --export-json "$out/small.json" --style none \
        "$vaktaal lint --no-cache --vocabulary $big $out/one-line.txt" "$vaktaal lint --vocabulary $big $out/one-line.txt" \
        "$vaktaal lookup mentor --no-cache --vocabulary $big" "$vaktaal lookup mentor --vocabulary $big" \
        "$vaktaal check --no-cache --vocabulary $big" "$vaktaal check --vocabulary $big" \
        "xmllint --stream --noout $big" >/dev/null
    xmllint=$(mean "$out/small.json" 6)
    for pair in "lint a one-line file:0:lint --vocabulary $big $out/one-line.txt" \
        "lookup, whole process:2:lookup mentor --vocabulary $big" "check:4:check --vocabulary $big"; do
        label=${pair%%:*}
        rest=${pair#*:}
        index=${rest%%:*}
        arguments=${rest#*:}
        cold=$(mean "$out/small.json" "$index")
        warm=$(mean "$out/small.json" $((index + 1)))
        # shellcheck disable=SC2086
        memory=$(peak "$vaktaal" $arguments)
        peer="" ratio=""
        # Against xmllint, check reads the XML too (no compiled index); its ratio is how many times
        # xmllint's time it takes (the goal: within 3x).
        if [ "$label" = check ]; then peer=$xmllint ratio=$(python3 -c "print('%.2fx xmllint' % ($cold / $xmllint))"); fi
        row "$label, 100k concepts (s)" "$cold / $warm" "$peer" "$ratio" \
            "no cache / compiled index; peak $((memory / 1024)) MB compiled"
    done
    # Lookups from the compiled index, whole process: a term, a typo (fuzzy search), a miss
    # (fuzzy search and "did you mean" suggestions).
    queries="$bench/vocab-100000/queries.txt"
    exact=$(grep -m1 '^exact ' "$queries" | cut -d' ' -f2-)
    typo=$(grep -m1 '^fuzzy ' "$queries" | cut -d' ' -f2-)
    hyperfine -N -i --runs 20 --warmup 2 --export-json "$out/lookup.json" --style none \
        "$vaktaal lookup '$exact' --vocabulary $big" "$vaktaal lookup '$typo' --vocabulary $big" \
        "$vaktaal lookup xyzzyqq --vocabulary $big" >/dev/null
    row "lookup from the compiled index, 100k: a term" "$(milliseconds "$out/lookup.json" 0)" "" "" "'$exact'"
    row "lookup from the compiled index, 100k: a typo" "$(milliseconds "$out/lookup.json" 1)" "" "" "'$typo'"
    row "lookup from the compiled index, 100k: a miss" "$(milliseconds "$out/lookup.json" 2)" "" "" "with suggestions"
fi
# Findings: the shipped vocabulary on a text that names an outdated and a misspelled term in
# every sentence (26 MB, 1.4 M findings), as 700,000 lines and as one line, through the JSON
# and text reporters.
python3 - "$out" <<'PYTHON'
import sys
sentence = "de mentor en de feedbackgeletterheid"
count = 702_702
open(f"{sys.argv[1]}/findings-lines.txt", "w").write((sentence + "\n") * count)
open(f"{sys.argv[1]}/findings-one-line.txt", "w").write(" ".join([sentence] * count) + "\n")
PYTHON
for shape in lines one-line; do
    text="$out/findings-$shape.txt"
    findings=$("$vaktaal" lint --format json "$text" | python3 -c 'import json,sys; print(sum(len(f["findings"]) for f in json.load(sys.stdin)["files"]))' || true)
    [ "${findings:-0}" -gt 0 ] || { row "findings, $shape" "failed" "" "" "no findings counted"; continue; }
    for format in json text; do
        hyperfine -N -i --runs "$runs" --warmup 1 --export-json "$out/findings.json" --style none \
            "$vaktaal lint --format $format $text" >/dev/null
        seconds=$(mean "$out/findings.json" 0)
        memory=$(peak "$vaktaal" lint --format "$format" "$text")
        row "$findings findings, $shape, $format (s)" "$seconds" "" "" \
            "$(python3 -c "print('%.2f M findings/s' % ($findings / $seconds / 1e6))"), peak $((memory / 1024)) MB, $((memory * 1024 / findings)) bytes a finding"
    done
done
