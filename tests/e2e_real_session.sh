#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end on a real person: the real binary, headless, through a guided set
# of glute bridges whose camera is real footage, the one clip we may
# redistribute (tests/real/clips/pp-bridging.y4m: a man on a mat, one bridge
# held about 1.6 s, back at rest at 2.53 s). Played as someone lying still for
# 8 s and then doing that bridge, over and over (the replay camera loops), so
# each loop is a rest longer than a real set's and one rep. Checks the exit
# status, the screens, that the database holds the set's two reps as
# counted by the camera, one loop apart, each with its hold about right: the
# first, after the still start, as well as the second (reps.c, look_back),
# and what he hears, in order (the debug log's "say" lines; the voice keeps
# the virtual clock's pace): the exercise, "go", "hold", "relax" as the 1 s
# hold is done, each rep's number within 0.3 s of its time in the database,
# "last one", the session's end.
# Usage: e2e_real_session.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 8 s of the clip's third frame (he lies at rest, head settled), then the clip.
python3 - "$here/real/clips/pp-bridging.y4m" "$out/still-then-bridge.y4m" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
header, rest = data.split(b"\n", 1)
frames = rest.split(b"FRAME\n")[1:]
fps = 15
assert b" F15:1 " in header and len(frames) == 46, "not the committed clip"
with open(sys.argv[2], "wb") as f:
    f.write(header + b"\n")
    for _ in range(8 * fps):
        f.write(b"FRAME\n" + frames[2])
    for fr in frames:
        f.write(b"FRAME\n" + fr)
PY
loop_s=$(python3 -c "print((8 * 15 + 46) / 15)")

cat > "$out/programme.ini" <<'INI'
[programme]
name = Real person
rest_seconds = 10
sessions_per_week = 3

[exercise bridge]
sets = 1
reps = 2
hold_seconds = 1
cues = On your back, feet flat | Lift your hips
INI

cat > "$out/buttons.txt" <<'TXT'
1 ok          # home -> pain check-in
2 up
2.5 up        # pain 2
3 ok          # -> bridge intro
4 ok          # -> get into position; the set begins once he is still
TXT

set +e
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$out/audio.raw" REHAB_MIRROR_LOG=debug \
"$bin" --virtual-clock --software-renderer --window 800x480 \
  --camera "replay:$out/still-then-bridge.y4m" --buttons "script:$out/buttons.txt" \
  --programme "$out/programme.ini" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 50 2> "$out/stderr.txt"
rc=$?
set -e
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

# shellcheck disable=SC2012  # our own file names, no spaces
shots=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set pain-after"
[[ "$shots" == "$want" ]] || fail "screens were: $shots; want: $want"

"$bin" export --data-dir "$out/data" --format json > "$out/export.json" || fail "export json"
python3 - "$out/export.json" "$loop_s" <<'PY' || fail "database contents"
import json, sys
from datetime import datetime
doc = json.load(open(sys.argv[1]))
loop = float(sys.argv[2])
sets = doc["sessions"][0]["sets"]
assert len(sets) == 1 and sets[0]["status"] == "completed", f"sets: {sets}"
reps = sets[0]["reps"]
assert [r["source"] for r in reps] == ["camera", "camera"], f"reps: {reps}"
t = [datetime.fromisoformat(r["t"]).timestamp() for r in reps]
assert abs((t[1] - t[0]) - loop) < 0.3, f"reps {t[1] - t[0]:.2f} s apart, a loop is {loop:.2f} s"
for i, r in enumerate(reps):
    assert abs(r["hold_s"] - 1.6) < 0.4, f"rep {i + 1} hold {r['hold_s']} s, held about 1.6 s"
    assert r["hold_met"], f"rep {i + 1} held past the 1 s target"
PY
python3 - "$out/stderr.txt" "$out/data/adherence.db" <<'PY' || fail "what was said"
import re, sqlite3, sys
log = open(sys.argv[1]).read()
if "built without espeak-ng" in log:
    print("no voice in this build (tones): what is said not checked")
    sys.exit(0)
said = [(text, int(t)) for text, t in re.findall(r"say '(.*?)' at wall-clock ms (\d+)", log)]
print("said:", [text for text, _ in said])
want = ["Glute bridge", "Go", "Hold", "Relax", "1", "Last one", "Hold", "Relax", "2",
        "One last question: your knee pain, on the screen"]
assert [text for text, _ in said] == want, f"want {want}"
reps = [t for (t,) in sqlite3.connect(sys.argv[2]).execute("SELECT t FROM reps ORDER BY seq")]
for n, t in enumerate(reps, 1):
    at = [ms for text, ms in said if text == str(n)][0]
    assert 0 <= at - t <= 300, f"'{n}' said {at - t} ms after the rep"
PY
echo "ok: a real person's two bridges counted by the camera through a whole set"
