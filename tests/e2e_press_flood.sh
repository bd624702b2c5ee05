#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: a flood of presses at one instant (issue 15: 100,000 presses
# stalled the loop for minutes, each manual rep its own fsync'd commit in one
# pass) is handled at a bounded rate: at most PRESSES_PER_PASS (station.c) a
# loop pass, so the loop goes on drawing and feeding the watchdog between
# them. With the virtual clock each pass is at least 1 ms of clock time, and
# every rep is saved with its clock time, so no more than that many reps may
# share one time. 3,000 presses keep the test short (each rep is a commit);
# the bound does not depend on how many there are.
# Usage: e2e_press_flood.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
fixtures=$(cd "$(dirname "$0")/fixtures" && pwd)
per_pass=8

# Into the first set (tests/fixtures/bridge-2x3.buttons), then 3,000 OK presses at 34 s.
{ head -4 "$fixtures/bridge-2x3.buttons"; for _ in $(seq 3000); do echo "34 ok"; done; } \
  > "$out/flood.txt"
rc=0
"$bin" --virtual-clock --software-renderer --no-sound --window 320x180 \
  --programme "$fixtures/bridge-2x3.ini" --data-dir "$out/data" --camera synthetic \
  --buttons "script:$out/flood.txt" --exit-after 60 2> "$out/stderr.txt" || rc=$?
[[ $rc == 0 ]] || fail "exit status $rc: $(tail -3 "$out/stderr.txt")"
sql() { sqlite3 "$out/data/adherence.db" "$1"; }
reps=$(sql "SELECT count(*) FROM reps WHERE source = 'manual'")
[[ $reps -gt 100 ]] || fail "only $reps manual reps: the flood did not reach the sets"
most=$(sql "SELECT max(n) FROM (SELECT count(*) AS n FROM reps GROUP BY t)")
[[ $most -le $per_pass ]] ||
  fail "$most reps at one clock time: presses were not bounded per loop pass (want <= $per_pass)"
echo "e2e_press_flood: $reps manual reps, at most $most at one clock time; 1 passed, 0 failed"
