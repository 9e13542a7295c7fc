#!/usr/bin/env bash
# Crawl, search and links benchmarks on the Python 3.11 docs served by nginx on loopback, with the
# peers in the same run. Needs root (the shared scripts apt-get nginx, python3.11-doc, scrapy, wget,
# linkchecker). Usage: bench/crawl-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd); SHARED=${SHARED:-$ROOT/../shared/bench}
URL=http://127.0.0.1:8092/index.html; OUT=$(mktemp -d)
bash "$SHARED/serve-docs.sh" start
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
SP="$ROOT/bin/sitepulse"; CP="$ROOT/cli/target/sitepulse.jar:$ROOT/bench/target/classes"

echo "== peers: crawl (shared/bench/crawl-peers.sh)"
bash "$SHARED/crawl-peers.sh" "$URL" 2>&1 | grep -E '^(==|cpu_s|wget|scrapy)' || true

echo "== sitepulse crawl, whole process (--delay 0 --per-host 16), cold JVM"
"$SP" crawl --data "$OUT/warm-archive" --max-pages 5 "$URL" > /dev/null   # launcher's class-data archive
/usr/bin/time -f "sitepulse crawl wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
  "$SP" crawl --fresh --data "$OUT/data" --delay 0 --per-host 16 "$URL" 2>&1 | grep -E 'crawled|wall_s'

echo "== refresh: sitepulse crawl --refresh over that crawl (nginx answers 304 Not Modified), then wget -r -N over a mirror"
/usr/bin/time -f "sitepulse crawl --refresh wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
  "$SP" crawl --refresh --data "$OUT/data" --delay 0 --per-host 16 "$URL" 2>&1 | grep -E 'crawled|refreshed|wall_s'
# wget -N asks with HEAD and re-reads its local copies for links: with If-Modified-Since GETs
# instead, a 304 on the start page ends its recursion there.
wget -q -r -l inf -np -P "$OUT/mirror" -e robots=off "$URL" || true
/usr/bin/time -f "wget -r -N again wall_s=%e cpu_s=%U+%S" \
  wget -q -r -N --no-if-modified-since -l inf -np -P "$OUT/mirror" -e robots=off "$URL" 2>&1 \
  | grep wall_s || true

echo "== sitepulse crawl twice in one JVM (bench/CrawlTwice), with the launcher's C1-only JIT"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" dev.sitepulse.bench.CrawlTwice "$URL" 4
echo "== the same with the default tiered JIT (C2 compiles on through round 4 and beyond)"
java -XX:+UseSerialGC -cp "$CP" dev.sitepulse.bench.CrawlTwice "$URL" 6

echo "== search: 100 warm queries (bench/SearchLatency), then whole processes"
java -XX:+UseSerialGC -cp "$CP" dev.sitepulse.bench.SearchLatency "$OUT/data/index"
java -XX:+UseSerialGC -cp "$CP" dev.sitepulse.bench.SearchLatency "$OUT/data/index" api
"$SP" search --data "$OUT/data" asyncio > /dev/null
for i in 1 2 3 4 5; do /usr/bin/time -f "sitepulse search wall_s=%e" "$SP" search --data "$OUT/data" 'title:asyncio event loop' 2>&1 >/dev/null; done

echo "== links: LinkChecker 10.2 (shared/bench/links-peers.sh), then sitepulse links --external skip"
bash "$SHARED/links-peers.sh" "$URL" 2>&1 | tail -4
"$SP" links --external skip --max-pages 5 "$URL" > /dev/null 2>&1 || true   # its class-data archive
/usr/bin/time -f "sitepulse links wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
  "$SP" links --external skip --delay 0 --per-host 16 --format csv "$URL" > "$OUT/links.csv" 2> "$OUT/links.err" || true
grep wall_s "$OUT/links.err"; echo "broken targets (rows, i.e. links to it, and target):"
cut -d, -f1 "$OUT/links.csv" | tail -n +2 | sort | uniq -c

echo "== frontier memory at 1M queued URLs (bench/FrontierMemory)"
java -Xmx1g -XX:+UseSerialGC -cp "$CP" dev.sitepulse.bench.FrontierMemory 1000000
rm -rf "$OUT"
