#!/usr/bin/env bash
# Template mining on Loghub-2k (issue 19, 19b): znode's miner fed each system's raw lines the way
# `znode logs top` feeds it, its grouping accuracy per system beside Drain's published figures,
# then Drain3 (pip install drain3) on the same raw lines and on Loghub's parsed messages, and the
# mining speed of both on one core.
# usage: bench/loghub.sh [LOGHUB_2K_DIR]   (default ../shared/data/loghub-2k)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$PWD/../shared/data/loghub-2k}
tsv=$(mktemp --suffix=.tsv)
trap 'rm -f "$tsv"' EXIT
python3 -c 'import drain3' 2>/dev/null || pip install --quiet drain3 || pip install --quiet --break-system-packages drain3
echo "== znode (one configuration for every system)"
cargo bench --quiet --bench loghub -- "$dir" --tsv "$tsv"
echo
echo "== Drain3 0.9 (its README's configuration)"
python3 bench/loghub_drain3.py "$tsv"
