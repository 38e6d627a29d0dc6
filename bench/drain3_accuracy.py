#!/usr/bin/env python3
"""Drain3 on the labelled sample written by `cargo bench --bench templates -- FILE`: mining speed
and grouping accuracy (GA), computed the same way as for znode (see drain3_common.py)."""
import sys
import time

from drain3_common import accuracy, miner

rows = [l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1], encoding="utf-8")]
truth = [int(r[0]) for r in rows]
lines = [r[1] for r in rows]

m = miner()
start = time.perf_counter()
predicted = [m.add_log_message(l)["cluster_id"] for l in lines]
took = time.perf_counter() - start
print(f"drain3 : {len(lines)} lines, {len(set(truth))} true templates -> {len(m.drain.clusters)} clusters, "
      f"{len(lines) / took / 1e6:.2f} M lines/s, GA {accuracy(truth, predicted):.3f}")
