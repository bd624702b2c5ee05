#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: "Undo last rep" in the pause menu takes the last rep back, on
# screen and in the log. During a camera-counted set of bridges an OK at rest
# adds a rep by hand; the pause menu (Up from "Resume" is "Undo last rep")
# takes it back and returns to the set, which goes on counting. The log must
# hold the camera's reps and no manual one, and the set's count on the last
# screenshot must be the camera's.
# Usage: e2e_undo.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Timing as in e2e_manual_rep.sh: the camera counts a bridge at about 11.5,
# 19.7, 27.8 and 35.8 s; 29.6 s is at rest, 1.8 s after a count.
cat > "$out/buttons.txt" <<'TXT'
1 ok        # home -> pain check-in
2 ok        # pain 0 -> introduction
3 ok        # -> get into position; the set starts by itself
29.6 ok     # a rep by hand
30 ok long  # pause menu
30.5 up     # "Undo last rep"
31 ok       # taken back -> the set again
TXT
rc=0
"$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
  --camera synthetic --buttons "script:$out/buttons.txt" --programme "$here/fixtures/bridge-1x10.ini" \
  --data-dir "$out/data" --screenshot-dir "$out/shots" --exit-after 38 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

got=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set pause set"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"
src=$(sqlite3 "$out/data/adherence.db" "SELECT group_concat(seq || ':' || source, ' ') FROM reps")
echo "reps (seq:source): $src"
[[ "$src" != *manual* ]] || fail "the manual rep is still in the log: $src"
# The rep by hand left one gap in the sequence numbers, and the camera's
# reps went on after it.
python3 - "$src" <<'PY' || fail "reps in the log: $src"
import sys
seqs = [int(r.split(":")[0]) for r in sys.argv[1].split()]
gaps = [b for a, b in zip(seqs, seqs[1:]) if b != a + 1]
assert len(gaps) == 1 and gaps[0] - 2 in seqs, f"one rep taken back: {seqs}"
PY
echo "e2e_undo: 1 passed, 0 failed"
