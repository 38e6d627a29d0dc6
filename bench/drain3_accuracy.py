#!/usr/bin/env python3
"""Drain3 on the labelled sample written by `cargo bench --bench templates -- FILE`: mining speed
and grouping accuracy (GA), computed the same way as for znode. Drain3 is configured as its
README's example (sim_th 0.4, depth 4, masks for IP, hex, numbers)."""
import sys
import time
from collections import defaultdict

from drain3 import TemplateMiner
from drain3.masking import MaskingInstruction
from drain3.template_miner_config import TemplateMinerConfig

rows = [l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1], encoding="utf-8")]
truth = [int(r[0]) for r in rows]
lines = [r[1] for r in rows]

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
miner = TemplateMiner(config=cfg)
start = time.perf_counter()
predicted = [miner.add_log_message(l)["cluster_id"] for l in lines]
took = time.perf_counter() - start

labels_of, clusters_of = defaultdict(set), defaultdict(set)
for t, p in zip(truth, predicted):
    labels_of[p].add(t)
    clusters_of[t].add(p)
right = sum(1 for t, p in zip(truth, predicted) if len(labels_of[p]) == 1 and len(clusters_of[t]) == 1)
print(f"drain3 : {len(lines)} lines, {len(set(truth))} true templates -> {len(miner.drain.clusters)} clusters, "
      f"{len(lines) / took / 1e6:.2f} M lines/s, GA {right / len(lines):.3f}")
