#!/usr/bin/env bash
# Reproducible benchmarks for vaktaal (not tests): release build, synthetic data, peers.
# Needs hyperfine and xmllint (apt-get install hyperfine libxml2-utils).
# Usage: scripts/benchmark.sh [sizes...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
data=bench-data
mkdir -p "$data"

swift build -c release >/dev/null
vaktaal=.build/release/vaktaal

for size in ${sizes[@]}; do
    file="$data/synthetic-$size.xml"
    [ -f "$file" ] || python3 scripts/generate-vocabulary.py "$size" > "$file"
    bytes=$(stat -c %s "$file")
    echo "== $size concepts, $((bytes / 1024)) KiB"
    hyperfine --warmup 1 --runs 5 --style basic \
        -n "vaktaal check" "$vaktaal check --vocabulary $file" \
        -n "vaktaal format --check" "$vaktaal format --check $file" \
        -n "xmllint --noout" "xmllint --noout $file"
    for command in "$vaktaal check --vocabulary $file" "xmllint --noout $file"; do
        /usr/bin/time -f "peak memory %M KiB (file $((bytes / 1024)) KiB): ${command%% *}" $command >/dev/null
    done
done
