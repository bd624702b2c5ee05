#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: OK during a camera-counted rep is one rep, not two. The demo
# person bridges with the camera counting; OK is pressed in the middle of one
# bridge's hold (the camera counts that bridge when it comes down) and again
# 0.5 s after the camera counted another (within the 1.5 s window: that rep
# too). Only an OK at rest, 1.6 s after the last count, adds a manual rep. The
# log must hold exactly that one manual rep, none near a camera rep.
# Usage: e2e_manual_rep.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

# The position screen opens at second 3 and the demo person starts afresh:
# 5.5 s still (the set begins in it, once they have kept still), then a
# bridge every 8 s (2 s up, 2.5 s at the top, 2 s down, 1.5 s at rest): tops
# at 10.5-13, 18.5-21, 26.5-29, ...; back down at 15, 23, 31, ..., rising
# again 1.5 s later. The camera counts each about 0.3 s before it is down
# (14.7, 22.7, 30.7, 38.7).
cat > "$out/buttons.txt" <<'TXT'
1 ok        # home -> pain check-in
2 ok        # pain 0 -> introduction
3 ok        # -> get into position; the set starts by itself
19.5 ok     # mid-hold of the second bridge: that bridge, counted when it is down
31.2 ok     # 0.5 s after the camera counted the third: that one again
32.3 ok     # at rest, 1.6 s after the count: a rep by hand
TXT
rc=0
"$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
  --camera synthetic --buttons "script:$out/buttons.txt" --programme "$here/fixtures/bridge-1x10.ini" \
  --data-dir "$out/data" --screenshot-dir "$out/shots" --exit-after 40.5 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

# Rep times in milliseconds, straight from the database.
sqlite3 "$out/data/adherence.db" \
  "SELECT (SELECT started_at FROM sessions), group_concat(t || ':' || source, ' ') FROM reps" \
  > "$out/reps.txt"
python3 - "$out/reps.txt" <<'PY' || fail "reps in the log"
import sys
start, reps = open(sys.argv[1]).read().strip().split("|")
t0 = int(start) - 2000  # the session began at second 2
reps = [((int(t) - t0) / 1000, src) for t, src in (r.split(":") for r in reps.split())]
print("reps (s, source):", reps)
manual = [t for t, s in reps if s == "manual"]
camera = [t for t, s in reps if s == "camera"]
assert len(camera) >= 4, f"the camera counted the bridges: {camera}"
assert len(manual) == 1, f"one manual rep (the OK at rest), got {manual}"
assert abs(manual[0] - 32.3) < 0.05, f"the manual rep is the OK at 32.3 s: {manual}"
near = [(m, c) for m in manual for c in camera if abs(m - c) < 1.5]
assert not near, f"a manual rep within 1.5 s of a camera rep: {near}"
PY
echo "e2e_manual_rep: 1 passed, 0 failed"
