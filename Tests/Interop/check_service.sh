#!/usr/bin/env bash
# Runs `vaktaal serve` on a copy of the shipped vocabulary and uses it as real clients do:
# curl for sync (ETag, 304, gzip), lookup, lint and publishing (token, If-Match, 412, 422),
# schemathesis for every operation of /openapi.json (no 5xx, responses as documented), and a
# graceful stop on SIGTERM. Usage: check_service.sh PATH/TO/vaktaal
set -uo pipefail
vaktaal=${1:?usage: check_service.sh PATH/TO/vaktaal}
folder=$(mktemp -d)
cp Vocabulary/*.xml "$folder/"
port=$((18000 + RANDOM % 1000))
base="http://127.0.0.1:$port"
token="ci-token-$RANDOM$RANDOM"
hash=$("$vaktaal" serve --hash-token "$token")
VAKTAAL_TOKENS="lerarenopleiding:$hash" "$vaktaal" serve --vocabulary "$folder" --port "$port" >"$folder.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$folder" "$folder.log"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/ready" >/dev/null && break; sleep 0.1; done

passed=0
failed=0
check() { # name, expected, actual
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

check "ready" 200 "$(status "$base/ready")"
etag=$(curl -sI "$base/v1/schemes/lerarenopleiding" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
check "a current copy costs a 304" 304 "$(status -H "If-None-Match: $etag" "$base/v1/schemes/lerarenopleiding")"
check "the vocabulary as served is the file" "$(sha256sum <"$folder/lerarenopleiding.xml")" \
    "$(curl -s "$base/v1/schemes/lerarenopleiding" | sha256sum)"
check "gzip when accepted" gzip "$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$base/v1/schemes/lerarenopleiding" |
    tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')"
check "turtle by Accept" 200 "$(status -H 'Accept: text/turtle' "$base/v1/schemes/lerarenopleiding")"
check "406 for what cannot be made" 406 "$(status -H 'Accept: image/png' "$base/v1/schemes/lerarenopleiding")"
check "lookup" werkplekbegeleider "$(curl -s "$base/v1/lookup?q=mentor" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
check "lint fixes" "De Werkplekbegeleider." "$(curl -s -H 'Content-Type: text/plain' --data-binary 'De Mentor.' \
    "$base/v1/lint?fix=true" | python3 -c 'import json,sys; print(json.load(sys.stdin)["fixed"])')"
changed=$(mktemp)
sed 's#<altLabel abbreviation="true">wpb</altLabel>#<altLabel abbreviation="true">wpb</altLabel><altLabel>praktijkopleider</altLabel>#' \
    "$folder/lerarenopleiding.xml" >"$changed"
put() { status -X PUT -H 'Content-Type: application/xml' --data-binary "@$changed" "$@" "$base/v1/schemes/lerarenopleiding"; }
check "publishing without a token is 401" 401 "$(put)"
check "publishing over a version without If-Match is 428" 428 "$(put -H "Authorization: Bearer $token")"
check "publishing with a token and the current ETag" 200 "$(put -H "Authorization: Bearer $token" -H "If-Match: $etag")"
check "publishing over a newer version is 412" 412 "$(put -H "Authorization: Bearer $token" -H "If-Match: $etag")"
check "the published term is found at once" werkplekbegeleider \
    "$(curl -s "$base/v1/lookup?q=praktijkopleider" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
echo '<vocabulary xmlns="urn:vaktaal:vocabulary:1"><concept>' >"$changed"
check "a query with raw UTF-8 is a 400 that says what to do" percent-encode "$(curl -s "$base/v1/lookup?q=coöperatie" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["error"].split(" characters")[0].split(": ")[-1])')"
check "an unknown method is 501" 501 "$(status -X FOO "$base/v1/lookup?q=x")"
check "a target of 100 KB is 431" 431 "$(status "$base/v1/lookup?q=$(python3 -c 'print("a" * 100000)')")"
check "Expect: 100-continue is answered at once" 1 "$(curl -sv -H 'Expect: 100-continue' -H 'Content-Type: text/plain' \
    --data-binary 'De mentor.' "$base/v1/lint" 2>&1 | grep -c '< HTTP/1.1 100 Continue')"
check "an invalid vocabulary is 422" 422 "$(put -H "Authorization: Bearer $token" -H 'If-Match: *')"
rm -f "$changed"

# Property-based: every documented operation, bounded in examples and time.
if timeout 600 schemathesis run "$base/openapi.json" \
    -c not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    -n 25 --generation-deterministic --phases examples,coverage,fuzzing --request-timeout 10 \
    -H "Authorization: Bearer not-the-token" >"$folder.schemathesis" 2>&1; then
    passed=$((passed + 1)); echo "ok   schemathesis: $(grep -E 'passed|generated' "$folder.schemathesis" | tail -1)"
else
    failed=$((failed + 1)); echo "FAIL schemathesis"; cat "$folder.schemathesis"
fi
rm -f "$folder.schemathesis"

# A response being read when SIGTERM comes is written to its end: a lint report of about
# 30 MB, read at 8 MB/s, is still coming when the service is told to stop.
big=$(mktemp)
python3 -c "print('De mentor helpt. ' * 60000, end='')" >"$big"
curl -s --limit-rate 8M -H 'Content-Type: text/plain' --data-binary "@$big" -o "$big.json" "$base/v1/lint" &
reader=$!
sleep 1
kill -TERM "$pid"
wait "$reader"
check "a response in flight at SIGTERM is whole" valid "$(python3 -c 'import json,sys; json.load(open(sys.argv[1])); print("valid")' "$big.json" 2>&1 | tail -1)"
rm -f "$big" "$big.json"
wait "$pid"
check "a graceful stop on SIGTERM" 0 "$?"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
