#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: from home to the first set of a default session (the bundled
# programme, the synthetic camera) in at most 4 presses, the pain check kept
# (issue 13 item 7). A first session at pain 2: Up, Up (Up at home opens the
# check-in already at 1), OK, OK: 4 presses. It is ended from the pause menu;
# a second session: OK, OK, OK (the check-in starts at last time's 2): 3
# presses. Checks the screens in order, that the first set began after those
# presses and before any other, and the pain recorded for both sessions.
# Usage: e2e_presses.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Lines marked "to-set" are the presses from home to a first set.
cat > "$out/buttons.txt" <<'TXT'
1 up         # to-set: home -> the check-in, at 1
1.5 up       # to-set: pain 2
2 ok         # to-set: -> the clamshell's introduction
3 ok         # to-set: -> get into position; the set starts when the camera sees the person
10 ok long   # the pause menu over the set
10.5 down
10.8 down
11.1 down
11.4 down    # -> End session
12 ok        # -> pain after
12.5 ok      # -> summary
13 ok        # -> home
15 ok        # to-set: home -> the check-in, at last time's 2
16 ok        # to-set: pain 2 -> the introduction
17 ok        # to-set: -> get into position
TXT

"$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
  --camera synthetic --buttons "script:$out/buttons.txt" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 24 2> "$out/stderr.txt" ||
  { cat "$out/stderr.txt" >&2; fail "station failed"; }

# shellcheck disable=SC2012  # our own file names
got=$(ls "$out/shots" | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set pause pain-after summary home pain-before intro position set"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"
first=$(sed -n '1,/^10 ok long/p' "$out/buttons.txt" | grep -c 'to-set')
second=$(sed -n '/^15 ok/,$p' "$out/buttons.txt" | grep -c 'to-set')
[[ $first -le 4 && $second -le 4 ]] || fail "presses to the first set: $first and $second"

"$bin" export --data-dir "$out/data" --format json > "$out/export.json" || fail "export"
python3 - "$out/export.json" <<'PY' || fail "database contents"
import json, sys
s = json.load(open(sys.argv[1]))["sessions"]
assert len(s) == 2, f"sessions: {len(s)}"
assert [x["pain_before"] for x in s] == [2, 2], [x["pain_before"] for x in s]
assert all(x["sets"] and x["sets"][0]["exercise"] == "clamshell" for x in s), s
PY
echo "e2e_presses: presses to the first set: $first (pain 2, first session), $second (same pain again)"
echo "e2e_presses: 1 passed, 0 failed"
