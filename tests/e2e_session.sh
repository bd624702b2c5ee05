#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the real binary, headless (SDL offscreen, software renderer), the
# synthetic camera, a button script and the virtual clock, through one whole
# short session. Checks the exit status, one screenshot per screen state, the
# database (camera reps the synthetic person did, manual reps the script
# pressed, pain, status) and that `export` prints matching CSV and JSON.
# Usage: e2e_session.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$out/programme.ini" <<'INI'
[programme]
name = E2E
rest_seconds = 10
sessions_per_week = 3

[exercise bridge]
sets = 1
reps = 4
hold_seconds = 2
cues = On your back, feet flat | Lift your hips

[exercise quad-set]
sets = 1
reps = 3
hold_seconds = 5
cues = Leg straight | Tighten and hold
INI

# Times are seconds on the virtual clock. The demo person starts afresh each
# time the position screen opens: arrives at 0.5 s, lies still, and the set
# begins once they have kept still (some 4.8 s after the screen opens); their
# bridges begin at 5.5 s and end about every 8 s. Quad sets are led by the
# clock: 2 s to tighten, the 5 s hold, 4 s to relax, from the set's start. The
# camera counts the bridges at about 16.7, 24.5 and 32.5 s; a manual rep must
# come at rest and more than 1.5 s after a counted rep, or it is that rep.
cat > "$out/buttons.txt" <<'TXT'
1 ok          # home -> pain check-in
2 up
2.5 up        # pain 2
3 ok          # -> bridge intro
5 ok          # -> get into position (the camera learns the rest pose)
18.8 ok       # a manual rep during the bridge set, at rest
40 ok         # quad set intro -> position
57.6 ok       # a manual rep during the quad set, at rest
80 ok         # pain after (stays at 2) -> summary
85 ok         # summary -> home
TXT

set +e
"$bin" --virtual-clock --software-renderer --no-sound --window 640x360 \
  --camera synthetic --buttons "script:$out/buttons.txt" \
  --programme "$out/programme.ini" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 90 2> "$out/stderr.txt"
rc=$?
set -e
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

# One screenshot per screen state, in order.
# shellcheck disable=SC2012  # our own file names, no spaces
shots=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set intro position set pain-after summary home"
[[ "$shots" == "$want" ]] || fail "screens were: $shots; want: $want"
for f in "$out"/shots/*.png; do
  [[ $(head -c 8 "$f" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$f is not a PNG"
done

# The database, read through export.
"$bin" export --data-dir "$out/data" --format json > "$out/export.json" || fail "export json"
"$bin" export --data-dir "$out/data" --format csv > "$out/export.csv" || fail "export csv"
python3 - "$out/export.json" "$out/export.csv" <<'PY' || fail "database contents"
import csv, json, sys
doc = json.load(open(sys.argv[1]))
s = doc["sessions"]
assert len(s) == 1, f"sessions: {len(s)}"
s = s[0]
assert s["status"] == "completed", s["status"]
assert s["pain_before"] == 2 and s["pain_after"] == 2, (s["pain_before"], s["pain_after"])
sets = s["sets"]
assert [x["exercise"] for x in sets] == ["bridge", "quad-set"], sets
def src(st, kind): return sum(1 for r in st["reps"] if r["source"] == kind)
got = [(src(x, "camera"), src(x, "manual"), src(x, "timed")) for x in sets]
# The quad set is led by the clock: its holds are timed, not camera reps.
assert got == [(3, 1, 0), (0, 1, 2)], f"(camera, manual, timed) reps per set: {got}"
assert [(x["camera_reps"], x["manual_reps"], x["timed_reps"]) for x in sets] == got, sets
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == 2, f"csv rows: {len(rows)}"
assert [(int(r["camera_reps"]), int(r["manual_reps"]), int(r["timed_reps"]))
        for r in rows] == got, rows
assert all(r["session_status"] == "completed" for r in rows)
print("database ok:", got)
PY
echo "e2e_session: 1 passed, 0 failed"
