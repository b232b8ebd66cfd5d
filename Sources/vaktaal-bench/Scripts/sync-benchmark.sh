#!/usr/bin/env bash
# Benchmark (not a test) of vaktaal diff and vaktaal merge: two versions of a vocabulary of
# N concepts (default 100,000) with 1% of the concepts changed on each side, release build,
# whole process, with xmllint reading one file as the peer in the same run.
# Needs hyperfine and xmllint (apt-get install hyperfine libxml2-utils).
# Usage: Sources/vaktaal-bench/Scripts/sync-benchmark.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
size=${1:-100000}
data=bench-data/sync-$size
mkdir -p "$data"
scripts=Sources/vaktaal-bench/Scripts

if [ ! -f "$data/base.xml" ]; then
    # The shared benchmark vocabulary (OpenTaal words) when it is there, else the project's own generator.
    if [ -x ../shared/bench/gen_vocab.py ] && [ -d /tmp/corpus/wordlists ]; then
        python3 ../shared/bench/gen_vocab.py "$size" 1 --out "$data/generated" >/dev/null
        cp "$data/generated/Vocabulary/synth.xml" "$data/base.xml"
    else
        python3 "$scripts/generate-vocabulary.py" "$size" > "$data/base.xml"
    fi
    python3 "$scripts/change-vocabulary.py" "$data/base.xml" "$data/ours.xml" 1 2
    python3 "$scripts/change-vocabulary.py" "$data/base.xml" "$data/theirs.xml" 1 3
fi

swift build -c release --product vaktaal >/dev/null
vaktaal=.build/release/vaktaal
echo "== $size concepts, $(($(stat -c %s "$data/base.xml") / 1024)) KiB per version"
"$vaktaal" diff "$data/base.xml" "$data/ours.xml" | tail -1 || true
"$vaktaal" merge "$data/base.xml" "$data/ours.xml" "$data/theirs.xml" -o "$data/merged.xml" | tail -1 || true
hyperfine --warmup 1 --runs 5 --style basic -i \
    -n "xmllint --noout (one version)" "xmllint --noout $data/base.xml" \
    -n "vaktaal diff" "$vaktaal diff $data/base.xml $data/ours.xml" \
    -n "vaktaal merge" "$vaktaal merge $data/base.xml $data/ours.xml $data/theirs.xml -o $data/merged.xml"
for command in "$vaktaal diff $data/base.xml $data/ours.xml" \
    "$vaktaal merge $data/base.xml $data/ours.xml $data/theirs.xml -o $data/merged.xml"; do
    /usr/bin/time -f "%e s, %U s user, peak memory %M KiB: ${command#*/vaktaal }" $command >/dev/null || true
done
