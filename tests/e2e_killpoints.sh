#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Power loss: the station is killed with SIGKILL at 200+ points of a scripted
# session (virtual clock, synthetic camera, button script) and each time the
# database must be intact and hold every rep the station had shown as saved.
#   1. A clean run counts the database writes, syncs and truncates (N) and
#      times the session (D).
#   2. Kill points 1..N: REHAB_MIRROR_DB_FAULT=kill=K raises SIGKILL just before
#      write/sync/truncate K, so every commit is cut at each of its steps
#      (between the WAL frames and the commit frame, before the fsync, ...).
#   3. Kill points by time: the station is killed from outside at offsets
#      spread over D, landing in every phase (intro, position, set, rest,
#      summary, home), also between writes.
# After each kill: PRAGMA integrity_check is ok; every "shown rep session=S
# seq=N" line the station wrote (after the commit and after the frame showing
# the rep was presented) names a rep in the database; a restart closes the
# unfinished session as interrupted, leaves no open set, and comes up at home.
# SIGKILL cannot drop what the kernel already accepted, so this tests SQLite's
# commit protocol and our use of it, not the disk's write cache (see adlog.h).
# RM_KILLPOINTS_STRIDE=N kills at every Nth step and at 1/N of the time points
# (the sanitizer run in scripts/test uses 8: the same checks, 1/8 of the cost).
# Usage: e2e_killpoints.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Some 540 starts of the station: SDL's dummy video driver starts in about
# 0.1 s where offscreen (which probes EGL) takes 0.3 s, and draws the same
# pictures through the software renderer (the arm64 run compares them); this
# test is about the database, not the display.
export SDL_VIDEODRIVER=dummy
# fsync on tmpfs is cheap, and a kill does not need a real disk.
scratch=$(mktemp -d -p /dev/shm rm-kill.XXXXXX 2>/dev/null || mktemp -d -p "$out")
trap 'rm -rf "$scratch"' EXIT

# Set 1 is counted by the camera (the demo person), set 2 by two OK presses and
# one camera rep (tests/fixtures/bridge-2x3.*).
fixtures=$(cd "$(dirname "$0")/fixtures" && pwd)
cp "$fixtures/bridge-2x3.ini" "$out/programme.ini"
cp "$fixtures/bridge-2x3.buttons" "$out/buttons.txt"
: > "$out/idle.txt"
station=(--virtual-clock --software-renderer --no-sound --window 160x90 --camera synthetic
  --programme "$out/programme.ini")

run_session() { # DATA_DIR STDERR [ENV...]: the scripted session; call in a subshell
  local data=$1 err=$2
  shift 2
  exec env "$@" "$bin" "${station[@]}" --buttons "script:$out/buttons.txt" --data-dir "$data" \
    --exit-after 51 2> "$err"
}

# Restarts the station on DATA_DIR: it must come up at home.
restart() { # LABEL DATA_DIR
  rm -rf "$scratch/shots"
  mkdir -p "$scratch/shots"
  "$bin" "${station[@]}" --buttons "script:$out/idle.txt" --data-dir "$2" \
    --screenshot-dir "$scratch/shots" --exit-after 0.1 2> "$scratch/restart.txt" ||
    fail "$1: restart failed: $(tail -3 "$scratch/restart.txt")"
  [[ -f $scratch/shots/001-home.png ]] || fail "$1: restart did not come up at home"
  # A kill leaves the WAL whole up to where it stopped: no damage to report.
  ! grep -q "is damaged at frame" "$scratch/restart.txt" ||
    fail "$1: a killed run's WAL reported as damaged: $(grep damaged "$scratch/restart.txt")"
}

# Checks one killed run's data dir against its stderr; adds to the figures.
lost_total=0
shown_total=0
check() { # LABEL DATA_DIR STDERR
  local label=$1 data=$2 err=$3 db=$2/adherence.db
  local shown
  shown=$(sed -nE 's/.*shown rep session=([0-9]+) seq=([0-9]+).*/(\1,\2)/p' "$err" | paste -sd,)
  shown_total=$((shown_total + $(grep -c "shown rep" "$err" || true)))
  [[ -f $db ]] || { [[ -z $shown ]] || fail "$label: reps shown but no database"; return 0; }
  local ok
  ok=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1) || fail "$label: sqlite3: $ok"
  [[ $ok == ok ]] || fail "$label: integrity_check: $ok"
  # Killed before the schema was committed: the restart must still work.
  [[ $(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'reps'") == 1 ]] ||
    { [[ -z $shown ]] || fail "$label: reps shown but no schema"; restart "$label" "$data"; return 0; }
  if [[ -n $shown ]]; then
    local lost
    lost=$(sqlite3 "$db" "WITH shown(s, q) AS (VALUES $shown) SELECT count(*) FROM shown
      WHERE NOT EXISTS (SELECT 1 FROM reps JOIN sets ON sets.id = reps.set_id
                        WHERE sets.session_id = shown.s AND reps.seq = shown.q)")
    lost_total=$((lost_total + lost))
    [[ $lost == 0 ]] || fail "$label: $lost shown reps are not in the database"
  fi
  local open_before
  open_before=$(sqlite3 "$db" "SELECT count(*) FROM sessions WHERE status IS NULL")
  restart "$label" "$data"
  local after
  after=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM sessions WHERE status IS NULL) +
    (SELECT count(*) FROM sets WHERE status IS NULL),
    (SELECT count(*) FROM sessions WHERE status = 'interrupted')")
  [[ ${after%|*} == 0 ]] || fail "$label: restart left records open"
  [[ ${after#*|} -ge $open_before ]] || fail "$label: open session not closed as interrupted"
  interrupted_total=$((interrupted_total + open_before))
}
interrupted_total=0

# 1. A clean run: how many database steps, how long.
t0=$(date +%s%N)
(run_session "$scratch/clean" "$out/clean.txt" REHAB_MIRROR_DB_FAULT=count) ||
  fail "clean run: $(tail -3 "$out/clean.txt")"
t1=$(date +%s%N)
steps=$(sed -nE 's/.*db-fault: ([0-9]+) writes.*/\1/p' "$out/clean.txt")
reps=$(grep -c "shown rep" "$out/clean.txt" || true)
[[ $reps == 6 ]] || fail "clean run showed $reps reps as saved, want 6"
[[ -n $steps && $steps -gt 50 ]] || fail "clean run: no step count"
duration_ms=$(( (t1 - t0) / 1000000 ))
echo "clean run: $steps database steps, $reps reps, ${duration_ms} ms"

# 2. A kill at every database step.
killed=0
stride=${RM_KILLPOINTS_STRIDE:-1}
for ((k = 1; k <= steps; k += stride)); do
  d=$scratch/k$k
  rc=0
  { (run_session "$d" "$scratch/err.txt" "REHAB_MIRROR_DB_FAULT=kill=$k"); } 2>/dev/null || rc=$?
  [[ $rc == 137 ]] || fail "kill at step $k: exit status $rc, want 137 (SIGKILL)"
  check "step $k" "$d" "$scratch/err.txt"
  killed=$((killed + 1))
  rm -rf "$d"
done
echo "killed at $killed database steps"

# 3. Kills by time, spread over the session (at least 200 kill points in all).
# A kill lands only if the run has not finished yet, and run times vary with
# the machine's load, so after the first pass (spread over 90% of the clean
# run's time) further passes spread over 60% of it until 200 have landed.
timed=$(( (215 - steps > 80 ? 215 - steps : 80) / stride ))
target=$((200 / stride))
timed_killed=0
i=0
while (( i < timed || killed + timed_killed < target )) && (( i < 4 * timed )); do
  i=$((i + 1))
  span=$([[ $i -le $timed ]] && echo 0.9 || echo 0.6)
  d=$scratch/t$i
  (run_session "$d" "$scratch/err.txt") &
  pid=$!
  sleep "$(awk -v d="$duration_ms" -v i="$(( (i - 1) % timed + 1 ))" -v n="$timed" -v s="$span" \
    'BEGIN { printf "%.3f", s * d * i / (n + 1) / 1000 }')"
  kill -KILL "$pid" 2>/dev/null || true
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  [[ $rc == 137 ]] && timed_killed=$((timed_killed + 1))
  check "time point $i" "$d" "$scratch/err.txt"
  rm -rf "$d"
done
echo "killed at $timed_killed of $i time points (the rest had finished)"
total=$((killed + timed_killed))
echo "kill points survived: $total; shown reps checked: $shown_total; reps lost: $lost_total;" \
  "sessions closed as interrupted on restart: $interrupted_total"
[[ $total -ge $target ]] || fail "only $total kill points"
[[ $lost_total == 0 ]] || fail "$lost_total reps lost"
echo "e2e_killpoints: 1 passed, 0 failed"
