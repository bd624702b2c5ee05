#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the position screen says whether anyone is on the mat before the
# counter learns (issue 13 item 5). A replay of an empty mat (the synthetic
# room with nobody in it, `synth --arrive`) on the position screen: no set
# begins, nothing is learnt, the log says nobody is seen. Then a clip in
# which the person arrives at 8 s: seen, lies still, and the set begins once
# they have (some 4.5 s after the arrival). Headless, virtual clock, scripted
# buttons.
# Usage: e2e_framing.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$out/buttons.txt" <<'TXT'
1 ok     # home -> pain check-in
2 ok     # pain 0 -> the first exercise's introduction
3 ok     # -> get into position
TXT

# NAME CLIP SECONDS: a run on the replayed clip; screens in $out/NAME.shots.
run() {
  local name=$1 clip=$2 secs=$3
  mkdir -p "$out/$name.shots" "$out/$name.data"
  "$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
    --camera "replay:$clip" --buttons "script:$out/buttons.txt" \
    --data-dir "$out/$name.data" --screenshot-dir "$out/$name.shots" \
    --exit-after "$secs" 2> "$out/$name.stderr" || { cat "$out/$name.stderr" >&2; fail "$name: station failed"; }
}
# shellcheck disable=SC2012  # our own file names
screens() { ls "$1" | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '; }

# An empty mat for 40 s, the position screen open from 3 s.
"$bin" synth --exercise clamshell --reps 0 --arrive 40 --seconds 40 "$out/empty.y4m" || fail "synth empty"
run empty "$out/empty.y4m" 30
got=$(screens "$out/empty.shots")
[[ "$got" == "home pain-before intro position" ]] || fail "empty mat: screens were: $got"
grep -q "position: nobody seen yet" "$out/empty.stderr" || fail "empty mat: no 'nobody seen' line"
if grep -q "position: someone on the mat" "$out/empty.stderr"; then
  fail "empty mat: someone was seen"
fi
"$bin" export --data-dir "$out/empty.data" --format json > "$out/empty.json" || fail "export"
python3 - "$out/empty.json" <<'PY' || fail "empty mat: a set was begun"
import json, sys
s = json.load(open(sys.argv[1]))["sessions"]
assert len(s) == 1 and s[0]["sets"] == [], s
PY

# The person arrives 8 s into the clip (5 s after the position screen opens).
"$bin" synth --exercise clamshell --reps 3 --arrive 8 "$out/arrive.y4m" || fail "synth arrive"
run arrive "$out/arrive.y4m" 33 # the last rep is back at rest at 30.5 s
got=$(screens "$out/arrive.shots")
[[ "$got" == "home pain-before intro position set"* ]] || fail "arriving: screens were: $got"
grep -q "position: nobody seen yet" "$out/arrive.stderr" || fail "arriving: not 'nobody' first"
grep -q "position: someone on the mat" "$out/arrive.stderr" || fail "arriving: not seen"
settled=$(sed -nE 's/.*position: settled at ([0-9.]+) s.*/\1/p' "$out/arrive.stderr")
python3 -c "import sys; t = float(sys.argv[1]); assert 10.5 <= t <= 12.5, t" "${settled:-0}" ||
  fail "arriving: settled at '${settled}' s, want 2.5-4.5 s after the arrival at 8 s"
# Counting began with the person there: the clip's 3 reps are counted.
"$bin" export --data-dir "$out/arrive.data" --format json > "$out/arrive.json" || fail "export"
python3 - "$out/arrive.json" <<'PY' || fail "arriving: the reps were not counted"
import json, sys
sets = json.load(open(sys.argv[1]))["sessions"][0]["sets"]
assert len(sets) == 1 and sets[0]["camera_reps"] == 3, sets
PY
echo "e2e_framing: 1 passed, 0 failed"
