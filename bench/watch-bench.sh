#!/usr/bin/env bash
# Benchmark of `sitepulse watch` and `sitepulse report` against nginx on loopback.
# Needs root (the shared script apt-gets nginx) and python3 (its sqlite3 module counts rows and
# writes the synthetic history).
#   bench/watch-bench.sh [TARGETS] [SECONDS] [ROWS]       default 1000 300 10000000
# 1. watch: TARGETS targets every 10 s for SECONDS against nginx: scheduler lag (from /metrics),
#    checks made vs history rows, CPU and RSS of the watch process.
# 2. report: ROWS synthetic check rows over the last 24 h for the same targets, then the time of
#    `sitepulse report` in each format over all of them.
set -euo pipefail
N=${1:-1000}; SECS=${2:-300}; ROWS=${3:-10000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd); SHARED=${SHARED:-$ROOT/../shared/bench}
SP="$ROOT/bin/sitepulse"
OUT=$(mktemp -d); [ -z "${KEEP:-}" ] || echo "keeping $OUT"; trap '[ -n "${KEEP:-}" ] || rm -rf "$OUT"' EXIT
TICK=$(getconf CLK_TCK)

bash "$SHARED/serve-targets.sh" start >/dev/null
[ -f "$ROOT/cli/target/sitepulse.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

{
  echo "defaults:"
  echo "  interval: 10s"
  echo "  timeout: 5s"
  echo "  rate: unlimited      # every target is on 127.0.0.1; real sites would be 1000 hosts"
  echo "targets:"
  for i in $(seq 1 "$N"); do echo "  - name: t$i"; echo "    url: http://127.0.0.1:810$(( i % 3 + 1 ))/t/$i"; done
} > "$OUT/watch.yaml"

echo "== sitepulse watch: $N targets every 10 s for $SECS s (nginx on 127.0.0.1:8101-8103)"
"$SP" watch -c "$OUT/watch.yaml" --data "$OUT/data" --listen 127.0.0.1:0 > "$OUT/out" 2> "$OUT/err" &
PID=$!
for _ in $(seq 1 300); do grep -Eq "targets?, http" "$OUT/out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$OUT/out" | head -1)
cpu() { awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$PID/stat"; }
START_CPU=$(cpu)
sleep "$SECS"
END_CPU=$(cpu)
curl -s "http://127.0.0.1:$PORT/metrics" > "$OUT/metrics"
RSS=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status"); HWM=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
kill -TERM "$PID"; wait "$PID" || true
grep -E '^sitepulse_scheduler_lag' "$OUT/metrics"
awk '/^sitepulse_checks_skipped_total/ {s += $2} END {print "ticks skipped: " s}' "$OUT/metrics"
CHECKS=$(sed -n 's/.*stopped (SIGTERM): \([0-9]*\) checks\?.*/\1/p' "$OUT/out")
ROWS_WRITTEN=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from checks').fetchone()[0])" "$OUT/data/history.db")
echo "checks made: $CHECKS (expected about $(( N * SECS / 10 )))  history rows: $ROWS_WRITTEN"
awk -v a="$START_CPU" -v b="$END_CPU" -v s="$SECS" -v r="$RSS" -v h="$HWM" 'BEGIN {
  printf "watch CPU: %.2f s over the %d s measured (%.1f%% of a core), %.2f s with start-up; RSS %d MB, peak %d MB\n",
    b - a, s, (b - a) * 100 / s, b, r / 1024, h / 1024 }'
grep -E 'WARN|ERROR' "$OUT/err" | grep -v sitepulse.alerts | head -5 || true

echo "== synthetic history: $ROWS rows over the last 24 h for $N targets"
python3 - "$OUT/data/history.db" "$ROWS" "$N" <<'PY'
import sqlite3, sys, time
db, rows, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=OFF")
t0 = time.time()
now = int(time.time() * 1000); span = 24 * 3600 * 1000 - 120_000; start = now - span
per = rows // n
indexes = c.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='checks' AND sql IS NOT NULL").fetchall()
for name, _ in indexes: c.execute(f"DROP INDEX {name}")
c.execute("DELETE FROM checks")
# every target, including any the short watch run never reached
c.executemany("INSERT OR IGNORE INTO targets (name, url, grp) VALUES (?, ?, '')",
              [(f"t{i}", f"http://127.0.0.1:810{i % 3 + 1}/t/{i}") for i in range(1, n + 1)])
# verdict codes: 0 UP, 2 DOWN, 4 ERROR (error kind 3: CONNECT_REFUSED); 2% fail; latency 1-300 ms
c.execute(f"""WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i + 1 < {per * n})
  INSERT INTO checks (target_id, at, verdict, error_kind, status, total_us, dns_us, connect_us, tls_us,
    processing_us, transfer_us, bytes, attempts, message, cert_not_after)
  SELECT t.id, {start} + (r.i / {n}) * {span // per} + (r.i % {n}), v, CASE v WHEN 4 THEN 3 ELSE 0 END,
    CASE v WHEN 0 THEN 200 WHEN 2 THEN 500 ELSE 0 END, 1000 + abs(random()) % 300000, 0, 100, 0, 800, 100, 3, 1,
    NULL, NULL
  FROM (SELECT i, CASE WHEN abs(random()) % 100 < 98 THEN 0 WHEN abs(random()) % 2 = 0 THEN 2 ELSE 4 END AS v FROM r) r
  JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM targets LIMIT {n}) t ON t.k = r.i % {n}""")
c.commit()
for _, sql in indexes: c.execute(sql)
c.commit()
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(f"wrote {c.execute('select count(*) from checks').fetchone()[0]} rows in {time.time() - t0:.0f} s")
PY
ls -la "$OUT/data/history.db" | awk '{print "history.db: " $5 " bytes"}'

# Peak RSS counts history.db's pages that SQLite maps (mmap_size), which are page cache, not the
# report's own memory: poll the java process's RssAnon and RssFile apart while it runs.
rss_split() {
  local java anon=0 file=0 a f
  for _ in $(seq 1 100); do java=$(pgrep -n -f "sitepulse.jar report" || true); [ -z "$java" ] || break; sleep 0.02; done
  while [ -n "$java" ] && read -r a f < <(awk '/RssAnon/ {a = $2} /RssFile/ {f = $2} END {print a + 0, f + 0}' "/proc/$java/status" 2>/dev/null); do
    [ "$a" -le "$anon" ] || anon=$a; [ "$f" -le "$file" ] || file=$f
    kill -0 "$java" 2>/dev/null || break; sleep 0.05
  done
  echo "  peak RssAnon $(( anon / 1024 )) MB (heap, code, stacks), peak RssFile $(( file / 1024 )) MB (mapped history.db, jar, libraries)"
}
echo "== sitepulse report over them (bin/sitepulse, cold JVM each)"
for f in table json html; do
  /usr/bin/time -f "report --format $f: wall %e s, CPU %U+%S s, peak RSS %M kB" \
    "$SP" report --data "$OUT/data" --since 24h --format "$f" -o "$OUT/report.$f" &
  # Its pid now: rss_split's process substitutions set $! too, and the last one's awk fails (exit
  # 2) when the report has just ended.
  report=$!
  rss_split > "$OUT/rss"; wait "$report"; cat "$OUT/rss"
done
head -3 "$OUT/report.table"
