#!/usr/bin/env python3
"""Drain3 on the Loghub-2k lines written by `cargo bench --bench loghub -- --tsv FILE`: one miner
per system, configured as Drain3's README example (sim_th 0.4, depth 4, masks for IP, hex and
numbers), fed the same raw lines znode mines and, for reference, Loghub's parsed messages (the
Content column: headers already cut off by a per-system format, which znode does not get).
Prints grouping accuracy (GA) per system, the means and the mining speed on raw lines, computed
the same way as for znode."""
import sys
import time
from collections import defaultdict

from drain3_common import accuracy, miner

systems = defaultdict(list)
for row in open(sys.argv[1], encoding="utf-8"):
    system, event, content, line = row.rstrip("\n").split("\t", 3)
    systems[system].append((event, content, line))

print("system     clusters  GA Drain3 (same raw lines)  GA Drain3 (Loghub's parsed messages)")
raw_total, content_total, took, count = 0.0, 0.0, 0.0, 0
for system, rows in systems.items():
    truth = [e for e, _, _ in rows]
    m = miner()
    start = time.perf_counter()
    predicted = [m.add_log_message(line)["cluster_id"] for _, _, line in rows]
    took += time.perf_counter() - start
    count += len(rows)
    raw = accuracy(truth, predicted)
    clusters = len(m.drain.clusters)
    m = miner()
    content = accuracy(truth, [m.add_log_message(c)["cluster_id"] for _, c, _ in rows])
    raw_total += raw
    content_total += content
    print(f"{system:<10} {clusters:>8}  {raw:>26.3f}  {content:>37.3f}")
n = len(systems)
print(f"mean over {n} systems {raw_total / n:>26.3f}  {content_total / n:>37.3f}")
print(f"speed: {count} raw lines in {took:.3f} s on one core, {count / took / 1e6:.3f} M lines/s")
