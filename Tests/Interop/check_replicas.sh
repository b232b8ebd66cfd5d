#!/usr/bin/env bash
# Runs two `vaktaal serve --database` replicas on one fresh PostgreSQL database, as a load
# balancer would have them: the first start seeds the database, a publish on one replica is
# served by the other, a stale If-Match on the other is 412, and while the database refuses
# connections /ready is 503, reads go on and publishes are 503; then it comes back.
# Usage: VAKTAAL_TEST_DATABASE_URL=postgres://superuser@host:port/postgres check_replicas.sh PATH/TO/vaktaal
set -uo pipefail
vaktaal=${1:?usage: check_replicas.sh PATH/TO/vaktaal}
admin=${VAKTAAL_TEST_DATABASE_URL:?set VAKTAAL_TEST_DATABASE_URL to a superuser URL}
name="vaktaal_replicas_$RANDOM$RANDOM"
sql() { psql "${2:-$admin}" -v ON_ERROR_STOP=1 -qtAc "$1"; }
sql "CREATE DATABASE $name" || exit 1
url="${admin%%\?*}"
url="${url%/*}/$name?sslmode=disable"
work=$(mktemp -d)
token="ci-token-$RANDOM$RANDOM"
hash=$("$vaktaal" serve --hash-token "$token")
port_a=$((19000 + RANDOM % 500))
port_b=$((port_a + 500))
VAKTAAL_TOKENS="lerarenopleiding:$hash" "$vaktaal" serve --database "$url" --port "$port_a" >"$work/a.log" 2>&1 &
pid_a=$!
VAKTAAL_TOKENS="lerarenopleiding:$hash" VAKTAAL_DATABASE_URL="$url" "$vaktaal" serve --port "$port_b" >"$work/b.log" 2>&1 &
pid_b=$!
cleanup() {
    kill "$pid_a" "$pid_b" 2>/dev/null
    wait "$pid_a" "$pid_b" 2>/dev/null
    sql "DROP DATABASE IF EXISTS $name WITH (FORCE)"
    rm -rf "$work"
}
trap cleanup EXIT
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"
for _ in $(seq 1 100); do curl -sf "$a/ready" >/dev/null && curl -sf "$b/ready" >/dev/null && break; sleep 0.1; done

passed=0
failed=0
check() { # name, expected, actual
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
etag() { curl -sI "$1/v1/schemes/lerarenopleiding" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }

check "replica A is ready" 200 "$(status "$a/ready")"
check "replica B is ready" 200 "$(status "$b/ready")"
check "the database was seeded once, with the built-in vocabulary" "1 1" \
    "$(sql "SELECT count(*), max(revision) FROM vaktaal.scheme_versions" "$url" | tr '|' ' ')"
check "the migration is recorded" 1 "$(sql "SELECT max(version) FROM vaktaal.migrations" "$url")"
old=$(etag "$a")
check "both replicas serve the same version" "$old" "$(etag "$b")"
changed="$work/changed.xml"
curl -s "$a/v1/schemes/lerarenopleiding" |
    sed 's#<altLabel abbreviation="true">wpb</altLabel>#<altLabel abbreviation="true">wpb</altLabel><altLabel>praktijkopleider</altLabel>#' >"$changed"
put() { status -X PUT -H 'Content-Type: application/xml' -H "Authorization: Bearer $token" --data-binary "@$changed" "$@"; }
check "publishing on replica A" 200 "$(put -H "If-Match: $old" "$a/v1/schemes/lerarenopleiding")"
new=$(etag "$a")
for _ in $(seq 1 50); do [ "$(etag "$b")" = "$new" ] && break; sleep 0.1; done
check "replica B serves the new version" "$new" "$(etag "$b")"
check "replica B finds the published term" werkplekbegeleider \
    "$(curl -s "$b/v1/lookup?q=praktijkopleider" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
check "publishing on replica B over the newer version is 412" 412 "$(put -H "If-Match: $old" "$b/v1/schemes/lerarenopleiding")"

# The database goes away: it takes no connections and its sessions are ended.
sql "ALTER DATABASE $name ALLOW_CONNECTIONS false"
sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$name'" >/dev/null
check "without the database, /ready is 503" 503 "$(status "$b/ready")"
check "without the database, reads go on" werkplekbegeleider \
    "$(curl -s "$b/v1/lookup?q=praktijkopleider" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
check "without the database, a publish is 503" 503 "$(put -H "If-Match: $new" "$a/v1/schemes/lerarenopleiding")"
sql "ALTER DATABASE $name ALLOW_CONNECTIONS true"
for _ in $(seq 1 100); do [ "$(status "$a/ready")" = 200 ] && break; sleep 0.2; done
check "with the database back, /ready is 200" 200 "$(status "$a/ready")"

kill -TERM "$pid_a" "$pid_b"
wait "$pid_a"
check "replica A stops gracefully on SIGTERM" 0 "$?"
wait "$pid_b"
check "replica B stops gracefully on SIGTERM" 0 "$?"
if [ "$failed" -ne 0 ]; then
    echo "--- replica A"; cat "$work/a.log"; echo "--- replica B"; cat "$work/b.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
