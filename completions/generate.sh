#!/usr/bin/env bash
# Regenerates the committed shell completions from the clap definition.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/znode
$bin completions bash > completions/znode.bash
$bin completions zsh > completions/_znode
$bin completions fish > completions/znode.fish
$bin completions powershell > completions/_znode.ps1
$bin completions elvish > completions/znode.elv
