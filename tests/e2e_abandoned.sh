#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: an abandoned session (WCAG 2.2.1). A session is begun and left
# in the pause menu over an open set. 9.5 minutes after the last press the
# station asks "Are you still there?" on screen, counting 30 seconds down,
# and says it (the log's "say" lines: SDL's disk audio, whose file cannot be
# timed on the virtual clock, while the speaker keeps the clock's pace); a
# press carries on
# where it was and the wait starts again; the second time nobody answers and
# after the full 30 s the session ends, recorded as "abandoned" (its open set
# as "ended"), and the station is back home. The warning is looked at at
# 800x480 and in portrait (1080x1920).
# Usage: e2e_abandoned.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
off=$((10#$(date -u +%H) - 12)) # local noon: no run straddles a midnight
export TZ="RMT$( ((off >= 0)) && echo +)$off"

cat > "$out/buttons.txt" <<'TXT'
1 ok        # home -> pain check-in
2 ok        # -> introduction: the session has begun
3 ok        # -> position
4 ok        # -> the set, at once
5 ok long   # pause menu; then nobody until ...
590 down    # ... 15 s into the warning (it began at 575): carry on
TXT
# run NAME SIZE [SOUND]: the session above; with SOUND, heard through SDL's
# disk audio and logged at debug level.
run() {
  mkdir -p "$out/$1/shots"
  local rc=0 sound=--no-sound
  [[ $# -gt 2 ]] && sound=
  SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$out/$1.raw" REHAB_MIRROR_LOG=${3:+debug} \
  "$bin" --virtual-clock --software-renderer $sound --window "$2" --camera synthetic \
    --buttons "script:$out/buttons.txt" --programme "$here/fixtures/bridge-2x3.ini" \
    --data-dir "$out/$1/data" --screenshot-dir "$out/$1/shots" --exit-after 1200 \
    2> "$out/$1.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$1.stderr" >&2; fail "$1: station exited with $rc"; }
}
screens() { (cd "$out/$1/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }

run landscape 800x480 sound
# Said as each warning began: 575 s and 1160 s after the start.
python3 - "$out/landscape.stderr" <<'PY' || fail "the warning said"
import re, sys
log = open(sys.argv[1]).read()
if "built without espeak-ng" in log:
    print("no voice in this build (tones): the warning's words not checked")
    sys.exit(0)
t0 = int(re.search(r"device playing since wall-clock ms (\d+)", log).group(1))
said = [(int(t) - t0) / 1000 for t in
        re.findall(r"say 'Are you still there\? Press OK to carry on' at wall-clock ms (\d+)", log)]
print("'Are you still there?' said at", said)
assert len(said) == 2 and abs(said[0] - 575) < 1.5 and abs(said[1] - 1160) < 1.5, said
PY
want="home pain-before intro position set pause still-there pause still-there home"
[[ "$(screens landscape)" == "$want" ]] || fail "screens were: $(screens landscape); want: $want"
"$bin" export --data-dir "$out/landscape/data" --format json > "$out/export.json"
python3 - "$out/export.json" <<'PY' || fail "the record"
import json, sys
s = json.load(open(sys.argv[1]))["sessions"]
assert len(s) == 1 and s[0]["status"] == "abandoned", [x["status"] for x in s]
assert [x["status"] for x in s[0]["sets"]] == ["ended"], s[0]["sets"]
# Begun at 2 s, the last press at 590 s: the warning at 1160 s and the end
# the full 30 s later, at 1190 s.
from datetime import datetime
took = datetime.fromisoformat(s[0]["ended"]) - datetime.fromisoformat(s[0]["started"])
assert abs(took.total_seconds() - 1188) <= 1, took
PY
run portrait 1080x1920
[[ "$(screens portrait)" == "$want" ]] || fail "portrait screens were: $(screens portrait)"
cmp -s "$out"/landscape/shots/007-still-there.png "$out"/landscape/shots/009-still-there.png ||
  fail "the two warnings do not look the same (both begin at 30 s)"
echo "e2e_abandoned: 1 passed, 0 failed"
