#!/usr/bin/env bash
# sitepulse analyze over a big synthetic crawl.db (bench/BigCrawlDb: 50,000 pages, 5M links), the
# whole process, against NetworkX doing its PageRank part: pages and links read from crawl.db,
# self-links dropped, parallel links merged, PageRank (through SciPy) to an L1 change of 1e-9.
# analyze does more (near-duplicates, term statistics, ranks and clusters written back). NetworkX is
# Debian's python3-networkx unless a newer one is installed; the run prints its version.
# Needs root for apt-get. Usage: bench/analyze-bench.sh [PAGES [LINKS]]
set -euo pipefail
PAGES=${1:-50000}; LINKS=${2:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd); OUT=$(mktemp -d)
python3 -c 'import networkx, scipy' 2>/dev/null || {
  apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx python3-scipy >/dev/null; }
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
java -cp "$ROOT/cli/target/sitepulse.jar:$ROOT/bench/target/classes" dev.sitepulse.bench.BigCrawlDb "$OUT" "$PAGES" "$LINKS"

echo "== NetworkX $(python3 -c 'import networkx; print(networkx.__version__)')"
/usr/bin/time -f "networkx wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" python3 - "$OUT/crawl.db" <<'PY'
import sqlite3, sys, networkx as nx
db = sqlite3.connect(sys.argv[1])
ids = dict(db.execute("SELECT url, id FROM urls WHERE state='done' AND status=200 AND simhash IS NOT NULL"))
g = nx.DiGraph()
g.add_nodes_from(ids.values())
for from_id, to_url in db.execute("SELECT from_id, to_url FROM links"):
    to = ids.get(to_url)
    if to is not None and to != from_id and from_id in g:
        g.add_edge(from_id, to)
rank = nx.pagerank(g, alpha=0.85, tol=1e-9 / len(g), max_iter=100)
top = max(rank, key=rank.get)
print(f"networkx pages={len(g)} edges={g.number_of_edges()} top_rank={rank[top]:.5f}")
PY

echo "== sitepulse analyze --device cpu, whole process (bin/sitepulse), 3 runs"
"$ROOT/bin/sitepulse" analyze --data "$OUT" --device cpu --top 1 > /dev/null # class-data archive
for i in 1 2 3; do
  /usr/bin/time -f "sitepulse analyze wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
    "$ROOT/bin/sitepulse" analyze --data "$OUT" --device cpu --top 1 2>&1 | grep -E "PageRank of|^ 1 |wall_s"
done
rm -rf "$OUT"
