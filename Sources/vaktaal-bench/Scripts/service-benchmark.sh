#!/usr/bin/env bash
# Load benchmark of `vaktaal serve` (not a test): wrk on loopback, bounded in time, against the
# service and, in the same run, nginx serving a static file of the same size as each answer
# (the floor for HTTP on this machine). Needs wrk and nginx-light (apt-get install wrk nginx-light).
# Usage: Sources/vaktaal-bench/Scripts/service-benchmark.sh [VOCABULARY] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
vocabulary=${1:-Vocabulary}
seconds=${2:-30}
swift build -c release --product vaktaal >/dev/null
vaktaal=.build/release/vaktaal
work=$(mktemp -d)
mkdir -p "$work/vocabulary" "$work/static"
cp "$vocabulary"/*.xml "$work/vocabulary/" 2>/dev/null || cp "$vocabulary" "$work/vocabulary/"
port=18181
nginx_port=18182
"$vaktaal" serve --vocabulary "$work/vocabulary" --port $port >"$work/serve.log" 2>&1 &
pid=$!
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$nginx_port; root $work/static; default_type application/json; } }
CONF
trap 'kill $pid 2>/dev/null; nginx -c "$work/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.1; done
scheme=$(curl -s "http://127.0.0.1:$port/v1/schemes" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
term=$(curl -s "http://127.0.0.1:$port/v1/suggest?q=a&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["label"])')
term=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$term")
prefix=${term:0:4}
etag=$(curl -sI "http://127.0.0.1:$port/v1/schemes/$scheme" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
python3 - "$work/lint.txt" <<'PY'
import sys
sentence = "De mentor bespreekt met de aankomend leraar de feedbackgeletterheid en de leeruitkomsten van deze week. "
open(sys.argv[1], "w").write((sentence * 200)[:10240])
PY
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
local f = io.open("$work/lint.txt", "rb"); wrk.body = f:read("*a"); f:close()
LUA
curl -s "http://127.0.0.1:$port/v1/lookup?q=$term" >"$work/static/lookup.json"
curl -s "http://127.0.0.1:$port/v1/suggest?q=$prefix" >"$work/static/suggest.json"
nginx -c "$work/nginx.conf"
run() { # name url [wrk options]
    local name=$1 url=$2
    shift 2
    local out
    out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$url")
    printf '%-34s %10s req/s   p99 %s\n' "$name" "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")"
}
echo "== $(basename "$vocabulary"), $seconds s per run, 64 connections, 2 wrk threads"
run "nginx static (lookup size)" "http://127.0.0.1:$nginx_port/lookup.json"
run "GET /v1/lookup?q=$term" "http://127.0.0.1:$port/v1/lookup?q=$term"
run "nginx static (suggest size)" "http://127.0.0.1:$nginx_port/suggest.json"
run "GET /v1/suggest?q=$prefix" "http://127.0.0.1:$port/v1/suggest?q=$prefix"
run "GET /v1/schemes/$scheme (304)" "http://127.0.0.1:$port/v1/schemes/$scheme" -H "If-None-Match: $etag"
run "POST /v1/lint (10 KB)" "http://127.0.0.1:$port/v1/lint" -s "$work/post.lua"
echo "service memory (RSS): $(ps -o rss= -p $pid) KiB"
