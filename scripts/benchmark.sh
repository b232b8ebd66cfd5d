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
    # Lookup inside the library: index build, then an exact, a prefix and a fuzzy query.
    term=$(grep -o '<prefLabel plural="[^"]*">[^<]*' "$file" | sed -n 5000p | sed 's/.*>//')
    .build/release/vaktaal-bench "$file" "$term" "${term:0:6}" "${term:0:5}x${term:6}"
    /usr/bin/time -f "peak memory %M KiB: load + lookup index" .build/release/vaktaal-bench "$file" "$term" >/dev/null
done

# A whole lookup process on the shipped (built-in) vocabulary.
hyperfine --warmup 3 --runs 20 --style basic -n "vaktaal lookup mentor" "$vaktaal lookup mentor"

