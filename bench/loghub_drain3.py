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

from drain3 import TemplateMiner
from drain3.masking import MaskingInstruction
from drain3.template_miner_config import TemplateMinerConfig


def miner():
    cfg = TemplateMinerConfig()
    cfg.drain_sim_th = 0.4
    cfg.drain_depth = 4
    cfg.drain_max_children = 100
    cfg.masking_instructions = [
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(([0-9a-f]{2,}:){3,}([0-9a-f]{2,}))((?=[^A-Za-z0-9])|$)", "ID"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)", "IP"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([0-9a-f]{6,} ?){3,}((?=[^A-Za-z0-9])|$)", "SEQ"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([0-9A-F]{4} ?){4,}((?=[^A-Za-z0-9])|$)", "SEQ"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(0x[a-f0-9A-F]+)((?=[^A-Za-z0-9])|$)", "HEX"),
        MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([\-\+]?\d+)((?=[^A-Za-z0-9])|$)", "NUM"),
    ]
    cfg.profiling_enabled = False
    return TemplateMiner(config=cfg)


def accuracy(truth, predicted):
    labels_of, clusters_of = defaultdict(set), defaultdict(set)
    for t, p in zip(truth, predicted):
        labels_of[p].add(t)
        clusters_of[t].add(p)
    right = sum(1 for t, p in zip(truth, predicted) if len(labels_of[p]) == 1 and len(clusters_of[t]) == 1)
    return right / len(truth)


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
