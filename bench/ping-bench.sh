#!/usr/bin/env bash
# End-to-end ping benchmark against nginx on loopback, in the same run as the peers.
# Needs root (the shared scripts apt-get nginx, curl, python3-requests, blackbox_exporter).
#   bench/ping-bench.sh [N] [CONCURRENCY]      default 3000 64
# Prints the peers' figures, then sitepulse's: the whole process (cold JVM, via bin/sitepulse),
# the per-check CPU in a warm JVM, and 10,000 targets under -Xmx256m with the peak RSS.
set -euo pipefail
N=${1:-3000}; C=${2:-64}
ROOT=$(cd "$(dirname "$0")/.." && pwd); SHARED=${SHARED:-$ROOT/../shared/bench}
OUT=$(mktemp -d)
command -v hyperfine >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }

bash "$SHARED/serve-targets.sh" start
urls() { for i in $(seq 1 "$1"); do echo "http://127.0.0.1:810$(( i % 3 + 1 ))/t/$i"; done; }
urls "$N" > "$OUT/urls"; urls 10000 > "$OUT/urls10k"

echo "== peers (shared/bench/ping-peers.sh $N $C)"
bash "$SHARED/ping-peers.sh" "$N" "$C" 2>&1 | grep -E '^(==|seed|curl|cpu_s|blackbox)'

(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
SP="$ROOT/bin/sitepulse"
# One run first so the launcher's class-data archive for ping exists, as for any user.
"$SP" ping --rate unlimited --format csv - < "$OUT/urls" > /dev/null || true

echo "== sitepulse ping, whole process (bin/sitepulse, cold JVM each run)"
hyperfine -w 1 -r 10 --export-json "$OUT/hf.json" \
  "$SP ping --rate unlimited --concurrency $C --format csv - < $OUT/urls > /dev/null" >/dev/null
python3 - "$OUT/hf.json" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]; n = int(sys.argv[2])
print(f"sitepulse checks={n} wall_mean_s={r['mean']:.3f} wall_min_s={r['min']:.3f} "
      f"cpu_s={r['user'] + r['system']:.3f} cpu_ms_per_check={(r['user'] + r['system']) * 1000 / n:.3f}")
PY
"$SP" ping --rate unlimited --concurrency "$C" --format csv - < "$OUT/urls" | cut -d, -f4 | sort | uniq -c | tr '\n' ' '; echo

echo "== sitepulse, warm JVM: the same $N checks in rounds (bench/PingRounds)"
CP="$ROOT/cli/target/sitepulse.jar:$ROOT/bench/target/classes"
java -XX:+UseSerialGC -cp "$CP" dev.sitepulse.bench.PingRounds "$OUT/urls" 5 "$C"

echo "== sitepulse ping, 10000 targets, -Xmx256m"
JAVA_OPTS=-Xmx256m /usr/bin/time -f "sitepulse 10k wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
  "$SP" ping --rate unlimited --concurrency "$C" --format csv - < "$OUT/urls10k" > "$OUT/10k.csv"
cut -d, -f4 "$OUT/10k.csv" | sort | uniq -c | tr '\n' ' '; echo

rm -rf "$OUT"
