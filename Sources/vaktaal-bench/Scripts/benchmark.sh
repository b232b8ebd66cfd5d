#!/usr/bin/env bash
# Reproducible benchmarks for vaktaal (not tests): release build, synthetic data, peers.
# Needs hyperfine and xmllint (apt-get install hyperfine libxml2-utils).
# Usage: Sources/vaktaal-bench/Scripts/benchmark.sh [sizes...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=("${@:-10000 100000}")
data=bench-data
mkdir -p "$data"

VAKTAAL_BENCHMARKS=1 swift build -c release >/dev/null
vaktaal=.build/release/vaktaal

for size in ${sizes[@]}; do
    file="$data/synthetic-$size.xml"
    [ -f "$file" ] || python3 Sources/vaktaal-bench/Scripts/generate-vocabulary.py "$size" > "$file"
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

# Lint: a 100 MB Dutch text (the 1 MB corpus sample, a hundred times) against 10,000
# concepts, compared with ripgrep on the same label forms; then 1,000 against 100,000
# concepts (time should not grow with the vocabulary); then 2,000 files of 50 KB.
text="$data/nl-100mb.txt"
if [ ! -f "$text" ]; then
    for _ in $(seq 100); do cat ../shared/corpus/text/nl-sample-1mb.txt; done > "$text"
fi
for size in 1000 10000 100000; do
    [ -f "$data/synthetic-$size.xml" ] || python3 Sources/vaktaal-bench/Scripts/generate-vocabulary.py "$size" > "$data/synthetic-$size.xml"
done
grep -o '<\(prefLabel\|altLabel\|deprecatedLabel\|hiddenLabel\)[^>]*>[^<]*' "$data/synthetic-10000.xml" | sed 's/.*>//' > "$data/patterns.txt"
hyperfine --warmup 1 --runs 3 --style basic -i \
    -n "vaktaal lint (10,000 concepts)" "$vaktaal lint $text --vocabulary $data/synthetic-10000.xml --format json" \
    -n "rg -F -i -w -c (same labels)" "rg -F -i -w -c -f $data/patterns.txt $text" \
    -n "vaktaal lint (1,000 concepts)" "$vaktaal lint $text --vocabulary $data/synthetic-1000.xml --format json" \
    -n "vaktaal lint (100,000 concepts)" "$vaktaal lint $text --vocabulary $data/synthetic-100000.xml --format json"
/usr/bin/time -f "peak memory %M KiB: lint 100 MB" "$vaktaal" lint "$text" --vocabulary "$data/synthetic-10000.xml" --format json >/dev/null || true
files="$data/files"
if [ ! -d "$files" ]; then
    mkdir -p "$files"
    head -c 50000 ../shared/corpus/text/nl-sample-1mb.txt > "$data/50k.txt"
    for i in $(seq 2000); do cp "$data/50k.txt" "$files/doc-$i.txt"; done
fi
hyperfine --warmup 1 --runs 3 --style basic -i -n "vaktaal lint 2,000 files of 50 KB" "$vaktaal lint $files --format json"

# Export: every format of 100,000 concepts at once (the target is under 5 s), each format
# alone as a whole process, and each exporter inside the library without the disk.
exports="$data/exports"
hyperfine --warmup 1 --runs 5 --style basic -p "rm -rf $exports" \
    -n "vaktaal export --all (100,000 concepts)" "$vaktaal export --all --vocabulary $data/synthetic-100000.xml -o $exports"
/usr/bin/time -f "peak memory %M KiB: export --all" "$vaktaal" export --all --vocabulary "$data/synthetic-100000.xml" -o "$exports"
for format in skos turtle jsonld tbx csv html markdown vale textlint; do
    /usr/bin/time -f "export --format $format alone: %e s, peak memory %M KiB" \
        "$vaktaal" export --format "$format" --vocabulary "$data/synthetic-100000.xml" -o "$data/exports-single/"
done
.build/release/vaktaal-bench --export "$data/synthetic-100000.xml"
du -sh "$exports" | sed 's/\t.*/ written by export --all/'

# A whole lookup process on the shipped (built-in) vocabulary.
hyperfine --warmup 3 --runs 20 --style basic -n "vaktaal lookup mentor" "$vaktaal lookup mentor"


# Import: 100,000 concepts as SKOS RDF/XML (../shared/bench/gen_vocab.py) and as Turtle
# (converted once with rdflib), whole process, next to xmllint --stream on the same file
# (the floor: reading the XML at all) and rdflib parsing it (what a Python user has).
import_data="$data/import"
mkdir -p "$import_data"
[ -f "$import_data/vocab-100000/skos.rdf" ] || python3 ../shared/bench/gen_vocab.py 100000 1 --out "$import_data/vocab-100000" >/dev/null
rdf="$import_data/vocab-100000/skos.rdf"
ttl="$import_data/skos-100000.ttl"
[ -f "$ttl" ] || python3 -c "import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1], format='xml'); g.serialize(sys.argv[2], format='turtle')" "$rdf" "$ttl"
hyperfine --warmup 1 --runs 5 --style basic -i \
    -n "xmllint --stream (RDF/XML)" "xmllint --stream --noout $rdf" \
    -n "vaktaal import (RDF/XML)" "$vaktaal import $rdf -o $import_data/out/synth.xml --force" \
    -n "vaktaal import (Turtle)" "$vaktaal import $ttl -o $import_data/out/synth.xml --force"
for file in "$rdf" "$ttl"; do
    /usr/bin/time -f "peak memory %M KiB (file $(($(stat -c %s "$file") / 1024)) KiB): import ${file##*.}" \
        "$vaktaal" import "$file" -o "$import_data/out/synth.xml" --force >/dev/null
    /usr/bin/time -f "rdflib parse ${file##*.}: %e s, peak memory %M KiB" \
        python3 -c "import rdflib,sys; rdflib.Graph().parse(sys.argv[1])" "$file"
done
.build/release/vaktaal-bench --import "$rdf"
