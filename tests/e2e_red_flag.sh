#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: "I have a warning sign" lists the signs and asks before anything
# stops. From the pause menu during a set: the signs are listed; Up goes back
# to the menu with nothing ended; chosen again, OK confirms: the session ends
# as "red-flag" in the log, the advice shows, and home then keeps the day
# stopped (OK there shows the advice again, no new session). Runs at
# 1080x1920 (portrait).
# Usage: e2e_red_flag.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
off=$((10#$(date -u +%H) - 12)) # local noon: no midnight during the test
export TZ="RMT$( ((off >= 0)) && echo +)$off"

cat > "$out/buttons.txt" <<'TXT'
1 ok        # home -> pain check-in
2 ok        # pain 0 -> first introduction
3 ok        # -> get into position; the set starts by itself (about 7.8)
10 ok long  # pause menu
10.5 down
11 down     # "I have a warning sign"
11.5 ok     # -> the signs, and the question
14 up       # not confirmed: back to the menu
15 ok       # the signs again
17 ok       # confirmed -> "Please stop now"
20 ok       # -> home (the day is stopped)
22 ok       # the advice again, not a session
24 ok       # -> home
TXT
rc=0
"$bin" --virtual-clock --software-renderer --no-sound --window 1080x1920 \
  --camera synthetic --buttons "script:$out/buttons.txt" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 26 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

got=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set pause red-flag-check pause red-flag-check red-flag"
want+=" home red-flag home"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"

"$bin" export --data-dir "$out/data" --format json > "$out/export.json" || fail "export"
python3 - "$out/export.json" <<'PY' || fail "database contents"
import json, sys
s = json.load(open(sys.argv[1]))["sessions"]
assert [x["status"] for x in s] == ["red-flag"], [x["status"] for x in s]
assert all(st["status"] == "ended" for st in s[0]["sets"]), s[0]["sets"]
print("database ok: one session, stopped for a warning sign")
PY
echo "e2e_red_flag: 1 passed, 0 failed"
