#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: a pain stop before a session holds for the rest of the day.
# Pain 7 at the check-in stops the session; back home, OK shows the advice
# again instead of starting a session; and after a restart (the stop is read
# from the adherence log) home still says why and OK still shows the advice.
# Run at 800x480, the restart at 1080x1920 (portrait). Checks the screens in
# order, that home's middle holds the stop's text (not "Press OK to start"),
# and that the database has exactly the one stopped session.
# Usage: e2e_day_stop.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Local noon, whatever the time: the test must not straddle a local midnight.
off=$((10#$(date -u +%H) - 12))
export TZ="RMT$( ((off >= 0)) && echo +)$off"

# run NAME SIZE SECONDS: the station on a button script $out/NAME.txt.
run() {
  mkdir -p "$out/$1"
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window "$2" \
    --camera synthetic --buttons "script:$out/$1.txt" --data-dir "$out/data" \
    --screenshot-dir "$out/$1" --exit-after "$3" 2> "$out/$1.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$1.stderr" >&2; fail "$1: station exited with $rc"; }
}
screens() { (cd "$out/$1" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }
# "status:pain_before" of every session in the log.
sessions() {
  "$bin" export --data-dir "$out/data" --format json | python3 -c '
import json, sys
print(" ".join("%s:%s" % (s["status"], s["pain_before"]) for s in json.load(sys.stdin)["sessions"]))'
}

cat > "$out/stop.txt" <<'TXT'
1 ok        # home -> pain check-in
1.5 up
2 up
2.5 up
3 up
3.5 up
4 up
4.5 up      # pain 7
5 ok        # -> "Let's stop here"
8 ok        # -> home
11 ok       # home on a stopped day: the advice again, no session
14 ok       # -> home
TXT
run stop 800x480 16
got=$(screens stop)
want="home pain-before pain-stop home pain-stop home"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"
[[ "$(sessions)" == "stopped-pain:7" ]] || fail "sessions: $(sessions)"

# Home on a stopped day is not the ordinary home ("No exercise today", why and
# whom to contact instead of "Press OK to start").
first=$(ls "$out"/stop/*-home.png | head -1)
last=$(ls "$out"/stop/*-home.png | tail -1)
cmp -s "$first" "$last" && fail "home looks the same before and after the stop"

# A restart: the stop comes from the log.
cat > "$out/restart.txt" <<'TXT'
1 ok        # home: the advice, read from the log
4 ok        # -> home
TXT
run restart 1080x1920 6
got=$(screens restart)
want="home pain-stop home"
[[ "$got" == "$want" ]] || fail "after a restart the screens were: $got; want: $want"
[[ "$(sessions)" == "stopped-pain:7" ]] || fail "sessions after the restart: $(sessions)"
echo "e2e_day_stop: 1 passed, 0 failed"
