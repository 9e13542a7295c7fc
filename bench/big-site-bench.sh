#!/usr/bin/env bash
# A crawl 100 times bigger than the Python docs: a synthetic site of 50,000 small pages (about
# 6 KB of text and 30 links each, plus 20 section pages), generated with a fixed seed and served
# by nginx on 127.0.0.1:8093. Measures the whole `sitepulse crawl` process against wget -r on the
# same site, then a crawl killed with SIGKILL after 15 s and run again (the pages must add up),
# a search process over the 50,000-page index, and `analyze`.
# Needs root for apt-get (nginx, wget). Usage: bench/big-site-bench.sh [PAGES]
set -euo pipefail
PAGES=${1:-50000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SITE=/tmp/sitepulse-big-site
URL=http://127.0.0.1:8093/index.html
for p in nginx wget python3; do command -v $p >/dev/null || NEED="${NEED:-} $p"; done
if [ -n "${NEED:-}" ]; then apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $NEED >/dev/null; fi
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)

if [ ! -f "$SITE/html/.pages-$PAGES" ]; then
  rm -rf "$SITE" && mkdir -p "$SITE/html" "$SITE/logs"
  python3 - "$SITE/html" "$PAGES" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
syllables = "ka lo mi ne ru sa to vi ze po la me ni ko su ta ve ro di fa".split()
words = sorted({"".join(rnd.choice(syllables) for _ in range(rnd.randint(1, 4))) for _ in range(30000)})
nav = "".join(f'<li><a href="/s{i}/index.html">Section {i}</a></li>' for i in range(20))
for i in range(n):
    os.makedirs(f"{out}/s{i % 20}", exist_ok=True)
    links = "".join(f'<li><a href="/s{j % 20}/p{j}.html">{rnd.choice(words)} {rnd.choice(words)}</a></li>'
                    for j in rnd.sample(range(n), 30))
    text = " ".join(rnd.choice(words) for _ in range(600))
    with open(f"{out}/s{i % 20}/p{i}.html", "w") as f:
        f.write(f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Page {i} {rnd.choice(words)}"
                f"</title></head><body><nav><ul>{nav}</ul></nav><main><h1>Page {i}</h1><h2>{rnd.choice(words)}"
                f"</h2><p>{text}</p><ul>{links}</ul></main></body></html>")
for s in range(20):
    items = "".join(f'<li><a href="p{i}.html">p{i}</a></li>' for i in range(s, n, 20)[:200])
    with open(f"{out}/s{s}/index.html", "w") as f:
        f.write(f"<html><head><title>Section {s}</title></head><body><ul>{items}</ul></body></html>")
with open(f"{out}/index.html", "w") as f:
    f.write(f"<html><head><title>Big site</title></head><body><ul>{nav}</ul></body></html>")
PY
  touch "$SITE/html/.pages-$PAGES"
fi
mkdir -p "$SITE/logs"
cat > "$SITE/nginx.conf" <<CONF
worker_processes 1;
pid $SITE/nginx.pid;
error_log $SITE/logs/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off; sendfile on; keepalive_requests 1000000;
  server { listen 127.0.0.1:8093; root $SITE/html; }
}
CONF
[ -f "$SITE/nginx.pid" ] && kill "$(cat "$SITE/nginx.pid")" 2>/dev/null && sleep 0.5 || true
nginx -c "$SITE/nginx.conf" -p "$SITE"
trap 'kill "$(cat "$SITE/nginx.pid")" 2>/dev/null || true' EXIT
OUT=$(mktemp -d)

echo "== wget -r (one connection, no extraction)"
(cd "$OUT" && /usr/bin/time -f "wget wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
  wget -q -r -l inf -np -P wget "$URL" || true)
echo "wget files: $(find "$OUT/wget" -name '*.html' | wc -l)"
rm -rf "$OUT/wget"

echo "== sitepulse crawl --delay 0 --per-host 16, whole process (bin/sitepulse), 2 runs"
for i in 1 2; do
  rm -rf "$OUT/data"
  /usr/bin/time -f "sitepulse crawl wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
    "$ROOT/bin/sitepulse" crawl --data "$OUT/data" --delay 0 --per-host 16 "$URL" 2>&1 | grep -E "^crawled|wall_s"
done
du -sh "$OUT/data/crawl.db" "$OUT/data/index"

echo "== one search process over the index"
for q in 'title:section' 'kalo mine'; do
  /usr/bin/time -f "sitepulse search wall_s=%e peak_rss_kb=%M" \
    "$ROOT/bin/sitepulse" search --data "$OUT/data" --limit 3 "$q" 2>&1 | grep -E "hits? for|wall_s"
done

echo "== analyze (PageRank, near-duplicates, terms), whole process"
/usr/bin/time -f "sitepulse analyze wall_s=%e peak_rss_kb=%M" \
  "$ROOT/bin/sitepulse" analyze --data "$OUT/data" --top 1 2>&1 | grep -E "PageRank of|device|wall_s"

echo "== crawl killed with SIGKILL after 15 s, then run again on the same --data"
rm -rf "$OUT/data"
"$ROOT/bin/sitepulse" crawl --data "$OUT/data" --delay 0 --per-host 16 "$URL" > "$OUT/first.log" 2>&1 &
sleep 15
kill -9 $! 2>/dev/null || true # the launcher execs the JVM once its class-data archive exists
pkill -9 -f -- "--data $OUT/data" || true # and while it records one, the JVM is its child
wait || true
"$ROOT/bin/sitepulse" crawl --data "$OUT/data" --delay 0 --per-host 16 "$URL" 2>&1 | grep -E "^crawled"
# Every page once: done in crawl.db, and a document each in the index.
done_urls=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM urls WHERE state = ?", ("done",)).fetchone()[0])' "$OUT/data/crawl.db")
hits=$("$ROOT/bin/sitepulse" search --data "$OUT/data" --format json --limit 1 'title:page OR title:section OR title:site' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["total_hits"])')
echo "after the kill and the second run: $done_urls URLs done, $hits documents (expected $((PAGES + 21)) each)"
[ "$done_urls" -eq $((PAGES + 21)) ] && [ "$hits" -eq $((PAGES + 21)) ] || { echo "MISMATCH" >&2; exit 1; }
rm -rf "$OUT"
