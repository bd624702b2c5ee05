#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# corpus_roundtrip: clips written by rm-corpus (Y4M + label JSON) and scored by
# rm-evaluate from the directory give exactly the rows and summary of the same
# clips rendered in memory, and the counts `rehab-mirror count` prints; and
# rm-evaluate's exit status: 0 with no targets, 1 when a target is missed or the
# directory is unreadable, 2 on bad arguments.
# Usage: corpus_roundtrip.sh BIN_DIR OUT_DIR REHAB_MIRROR [EMULATOR...]
#   (BIN_DIR holds rm-corpus and rm-evaluate; in a cross build EMULATOR, e.g.
#   qemu-aarch64 -L /usr/aarch64-linux-gnu, runs them: no binfmt registration
#   is needed, and REHAB_MIRROR is already a wrapper that uses it)
set -euo pipefail
bin=$1 out=$2 rm=$3
emu=("${@:4}")
tool() { "${emu[@]}" "$bin/$1" "${@:2}"; }
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

# Dev seed 3, clips 16-17: a small quad-set clip and a lighting negative.
tool rm-corpus --seed 3 --first 16 --clips 2 "$out/clips" > "$out/written.txt"
[ "$(ls "$out/clips" | wc -l)" = 4 ] || fail "expected 2 clips and 2 labels: $(ls "$out/clips")"
tool rm-evaluate "$out/clips" > "$out/files.txt" || fail "evaluating the files failed"
tool rm-evaluate --seed 3 --first 16 --clips 2 > "$out/memory.txt" ||
  fail "evaluating in memory failed"
diff "$out/files.txt" "$out/memory.txt" || fail "files and memory score differently"
grep -q '^summary: 2 clips' "$out/files.txt" || fail "no summary: $(cat "$out/files.txt")"

# The evaluator's "counted" column is what `count` says.
checked=0
while read -r name exercise truth counted _; do
  [ -f "$out/clips/$name.y4m" ] || continue
  ex=$(sed -n 's/.*"exercise": "\([a-z-]*\)".*/\1/p' "$out/clips/$name.json")
  reps=$("$rm" count --exercise "$ex" "$out/clips/$name.y4m" | sed 's/.*"reps":\([0-9]*\).*/\1/')
  [ "$reps" = "$counted" ] || fail "$name: count says $reps, rm-evaluate $counted"
  checked=$((checked + 1))
done < "$out/files.txt"
[ "$checked" = 2 ] || fail "compared $checked clips with count, want 2"

status=0
tool rm-evaluate --seed 3 --first 16 --clips 2 --min-clips 3 > /dev/null || status=$?
[ "$status" = 1 ] || fail "a missed target exits $status, want 1"
status=0
tool rm-evaluate "$out/nothing-here" > /dev/null 2>&1 || status=$?
[ "$status" = 1 ] || fail "a missing directory exits $status, want 1"
status=0
tool rm-evaluate --seed 3 --bogus 1 > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "a bad option exits $status, want 2"
status=0
tool rm-corpus "$out/clips" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "rm-corpus without --seed exits $status, want 2"
echo "ok: files, memory and count agree; exit statuses right"
