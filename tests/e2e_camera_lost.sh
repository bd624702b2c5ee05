#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the camera stops in the middle of a set and comes back. The
# synthetic camera's gap option sends no frame from second 17 for 6 s (the
# virtual clock makes it exact). Checks the screens in order (the set gives way
# to camera-lost 2 s into the gap and resumes when frames return), that the
# set kept its count (one set, 4 reps: the manual rep before the gap, camera
# reps on both sides of it), the log lines, and exit 0. Then a camera that
# fails for good (a truncated clip) stays on camera-lost until the end.
# Usage: e2e_camera_lost.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/shots" "$out/data" "$out/shots2" "$out/data2"
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
INI

# The demo person starts afresh when the position screen opens (second 3):
# still until "Go" (about second 7.8), bridges from second 8.5, a rep about
# every 8 s (the first counted, as the hips are back down, at about second 14.8).
cat > "$out/buttons.txt" <<'TXT'
1 ok     # home -> pain check-in
2 ok     # pain 0 -> bridge intro
3 ok     # -> get into position
16.5 ok  # a manual rep at rest, before the camera stops (11 s would be mid-bridge:
         # the camera's rep, not another; before 16.3, the camera's rep too)
55 ok    # pain after -> summary
57 ok    # summary -> home
TXT

screens() {
  # shellcheck disable=SC2012  # our own file names, no spaces
  (cd "$1" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
}

# run SUFFIX CAMERA SECONDS: the station into shots/data/stderr SUFFIX; must exit 0.
run() {
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window 640x360 \
    --camera "$2" --buttons "script:$out/buttons.txt" \
    --programme "$out/programme.ini" --data-dir "$out/data$1" \
    --screenshot-dir "$out/shots$1" --exit-after "$3" 2> "$out/stderr$1.txt" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/stderr$1.txt" >&2; fail "station ($2) exited with $rc"; }
}

run "" "synthetic:bridge,gap=17+6" 60
got=$(screens "$out/shots")
want="home pain-before intro position set camera-lost set pain-after summary home"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"
grep -q "camera lost: no frame for 2 s" "$out/stderr.txt" || fail "no 'camera lost' log line"
grep -q "camera: frames are back" "$out/stderr.txt" || fail "no 'frames are back' log line"

"$bin" export --data-dir "$out/data" --format json > "$out/export.json" || fail "export"
python3 - "$out/export.json" <<'PY' || fail "database contents"
import json, sys
sets = json.load(open(sys.argv[1]))["sessions"][0]["sets"]
assert len(sets) == 1, f"sets: {len(sets)} (the lost camera must not start a new set)"
st = sets[0]
assert st["status"] == "completed" and st["reps_done"] == 4, (st["status"], st["reps_done"])
assert (st["camera_reps"], st["manual_reps"]) == (3, 1), (st["camera_reps"], st["manual_reps"])
print("database ok: one set, 4 reps, 3 by camera (before and after the gap), 1 manual")
PY

# A camera that fails: a clip cut off mid-frame (replay reports an error at
# the cut and stays failed, as an unplugged libcamera camera does). The set
# gives way to camera-lost; 5 s later the station opens the camera again, the
# clip plays from its start, and the set resumes until the cut comes round.
"$bin" synth --exercise bridge --reps 3 "$out/clip.y4m" > /dev/null || fail "synth"
size=$(stat -c %s "$out/clip.y4m")
head -c $((size / 2)) "$out/clip.y4m" > "$out/cut.y4m"
run 2 "replay:$out/cut.y4m" 50
got=$(screens "$out/shots2")
[[ "$got" == "home pain-before intro position set camera-lost set camera-lost"* ]] ||
  fail "failing camera: screens were: $got; want ... set camera-lost set camera-lost ..."
grep -q "camera lost: .*cut.y4m.*truncated" "$out/stderr2.txt" || fail "no reason logged for the failing camera"
grep -q "camera: replay:.*cut.y4m opened again" "$out/stderr2.txt" || fail "the failed camera was not opened again"

echo "e2e_camera_lost: 1 passed, 0 failed"
