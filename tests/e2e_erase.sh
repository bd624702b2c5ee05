#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Erase: sessions recorded under two profiles (their programme names carry a
# marker string), then `rehab-mirror erase --profile alice` must remove
# alice's sessions, sets and reps and leave no trace of the marker in the
# bytes of adherence.db or adherence.db-wal, while bob's record stays whole;
# it must refuse while a station has the log open; `--all` removes the rest.
# Usage: e2e_erase.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
data=$out/data

for who in alice bob; do
  cat > "$out/$who.ini" <<INI
[programme]
name = ZQX-MARKER-$who
rest_seconds = 10
sessions_per_week = 3

[exercise bridge]
sets = 1
reps = 3
hold_seconds = 1
INI
done
printf '1 ok\n3 ok\n4 ok\n5 ok\n5.5 ok\n6 ok\n8 ok\n10 ok\n' > "$out/buttons.txt"
session() { # PROFILE
  "$bin" --virtual-clock --software-renderer --no-sound --window 320x180 --camera synthetic \
    --buttons "script:$out/buttons.txt" --programme "$out/$1.ini" --data-dir "$data" \
    --profile "$1" --exit-after 12 2>> "$out/stderr.txt" || fail "session for $1"
}
session alice
session bob
session alice
db=$data/adherence.db
q() { sqlite3 "$db" "$1"; }
[[ $(q "SELECT group_concat(profile) FROM (SELECT profile FROM sessions ORDER BY id)") == alice,bob,alice ]] ||
  fail "profiles recorded: $(q "SELECT group_concat(profile) FROM sessions")"
marks() { cat "$db" "$db-wal" 2>/dev/null | grep -ac "ZQX-MARKER-$1" || true; }
[[ $(marks alice) -gt 0 ]] || fail "the marker is not in the files to begin with"
alice_reps=$(q "SELECT count(*) FROM reps JOIN sets ON sets.id = reps.set_id
  JOIN sessions s ON s.id = sets.session_id WHERE s.profile = 'alice'")
bob_before=$("$bin" export --data-dir "$data" --format csv | grep -c "ZQX-MARKER-bob")

# Refused while a station has the log open (real clock, so it stays up).
"$bin" --software-renderer --no-sound --window 320x180 --camera synthetic \
  --buttons "script:/dev/null" --data-dir "$data" --exit-after 30 2>> "$out/stderr.txt" &
station=$!
for _ in $(seq 50); do
  [[ -n $(find /proc/$station/fd -lname "$db" 2>/dev/null) ]] && break
  sleep 0.1
done
rc=0
"$bin" erase --data-dir "$data" --profile alice > "$out/busy.txt" 2>&1 || rc=$?
kill "$station"
wait "$station" || true
[[ $rc == 1 ]] || fail "erase while the station runs: exit $rc, want 1"
grep -q "in use by the running station" "$out/busy.txt" || fail "message: $(cat "$out/busy.txt")"
[[ $(marks alice) -gt 0 ]] || fail "the refused erase removed something"

"$bin" erase --data-dir "$data" --profile alice > "$out/erase.txt" || fail "erase alice"
grep -qx "erased alice: 2 sessions, 2 sets, $alice_reps reps" "$out/erase.txt" ||
  fail "erase said: $(cat "$out/erase.txt") (want 2 sessions, 2 sets, $alice_reps reps)"
[[ $(marks alice) == 0 ]] || fail "alice's marker is still in the file bytes"
[[ $(q "SELECT count(*) FROM sessions WHERE profile = 'alice'") == 0 ]] || fail "rows left"
[[ $(q "SELECT count(*) FROM prescription WHERE session_id NOT IN (SELECT id FROM sessions)") == 0 ]] ||
  fail "orphan prescription rows"
[[ $(q "PRAGMA integrity_check") == ok ]] || fail "integrity after erase"
[[ $("$bin" export --data-dir "$data" --format csv | grep -c "ZQX-MARKER-bob") == "$bob_before" ]] ||
  fail "bob's record changed"
[[ ! -s $db-wal ]] || fail "the WAL still holds $(stat -c %s "$db-wal") bytes"
echo "erase --profile alice: $(cat "$out/erase.txt"); marker bytes left: 0; bob kept"

# A mistyped name (or one erased already) is not "0 sessions erased": it says
# so, names the profiles there are, and exits 1 with nothing changed.
rc=0
"$bin" erase --data-dir "$data" --profile bbo > "$out/typo.txt" 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "erase of an unknown profile: exit $rc, want 1"
grep -q "no sessions of profile 'bbo' (profiles in the record: bob)" "$out/typo.txt" ||
  fail "erase of an unknown profile said: $(cat "$out/typo.txt")"
rc=0
"$bin" erase --data-dir "$data" --profile alice > /dev/null 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "erase of alice a second time: exit $rc, want 1"
[[ $("$bin" export --data-dir "$data" --format csv | grep -c "ZQX-MARKER-bob") == "$bob_before" ]] ||
  fail "an erase of an unknown profile changed bob's record"

rc=0
"$bin" erase --data-dir "$data" > /dev/null 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "erase without --profile or --all: exit $rc, want 2"
"$bin" erase --data-dir "$data" --all > "$out/all.txt" || fail "erase --all"
grep -q "erased every profile: 1 sessions" "$out/all.txt" || fail "all: $(cat "$out/all.txt")"
[[ $(marks bob) == 0 ]] || fail "bob's marker is still in the file bytes"
[[ $(q "SELECT count(*) FROM reps") == 0 ]] || fail "reps left after --all"
echo "e2e_erase: 1 passed, 0 failed"
