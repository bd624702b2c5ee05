#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: an abandoned session (WCAG 2.2.1). A session is begun and left
# in the pause menu over an open set. 9.5 minutes after the last press the
# station asks "Are you still there?" on screen, counting 30 seconds down
# (that it is said aloud is test_cues': on the virtual clock the real-time
# audio queue is still busy when the warning comes); a press carries on
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
# run NAME SIZE: the session above.
run() {
  mkdir -p "$out/$1/shots"
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window "$2" --camera synthetic \
    --buttons "script:$out/buttons.txt" --programme "$here/fixtures/bridge-2x3.ini" \
    --data-dir "$out/$1/data" --screenshot-dir "$out/$1/shots" --exit-after 1200 \
    2> "$out/$1.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$1.stderr" >&2; fail "$1: station exited with $rc"; }
}
screens() { (cd "$out/$1/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }

run landscape 800x480
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
