#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Faults, injected through the fakes, in whole scripted sessions of the real
# binary (virtual clock, synthetic camera, button script):
#   disk full and I/O errors (the log's fault VFS, REHAB_MIRROR_DB_FAULT): the
#     session goes on, the set and summary screens say the last reps are not
#     saved, and once writes work again every rep is saved exactly once;
#   a damaged database (junk bytes): moved aside as
#     adherence.db.corrupt-YYYYMMDD-HHMMSS, a fresh one begun, and the home
#     screen says so (once);
#   a damaged -wal that would lose saved records: reported on the home screen;
#   a database that is not ours (another program's) or cannot be opened (a
#     directory in its place): left exactly as it was, nothing saved, and the
#     home screen says so;
#   a camera that stops, changes size, steps its clock back or stalls
#     (camera spec suffix, camera_fault.c): no crash, no miscount;
#   a chattering (5 ms bounces) and a stuck button (raw edges in the script).
# Screenshots are checked for the notice line with tests/png_lit.py.
# Usage: e2e_faults.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }

# Set 1 is counted by the camera (3 reps), set 2 by two OK presses and the camera
# (tests/fixtures/bridge-2x3.*).
fixtures=$(cd "$(dirname "$0")/fixtures" && pwd)
cp "$fixtures/bridge-2x3.ini" "$out/programme.ini"
cp "$fixtures/bridge-2x3.buttons" "$out/buttons.txt"

# run NAME [ENV...] -- [STATION OPTIONS...]: one session into $out/NAME/
run() {
  local name=$1 d=$out/$1
  shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  mkdir -p "$d/shots" "$d/data"
  local rc=0
  env "${envs[@]}" "$bin" --virtual-clock --software-renderer --no-sound --window 640x360 \
    --programme "$out/programme.ini" --data-dir "$d/data" --screenshot-dir "$d/shots" \
    --exit-after 60 "$@" 2> "$d/stderr.txt" || rc=$?
  [[ $rc == 0 ]] || fail "$name: exit status $rc: $(tail -3 "$d/stderr.txt")"
}
sql() { sqlite3 "$out/$1/data/adherence.db" "$2"; }
screens() { (cd "$out/$1/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }
lit() { python3 "$here/png_lit.py" "$@"; }
# Regions of a 640x360 screenshot: the notice line above the hints, and the
# "not saved" mark under "Set N of M" at the top right.
notice_band=(0 0.745 1 0.785) # the notice's first line (it wraps to two here), clear of the descenders above it
unsaved_mark=(0.75 0.12 1 0.18)
normal="camera:1,camera:2,camera:3,manual:4,manual:5,camera:6"
reps() { sql "$1" "SELECT group_concat(source || ':' || seq) FROM (SELECT * FROM reps ORDER BY seq)"; }
want_screens="home pain-before intro position set rest position set pain-after summary home"

# --- the clean session, for comparison
run clean -- --camera synthetic --buttons "script:$out/buttons.txt"
[[ $(reps clean) == "$normal" ]] || fail "clean: reps $(reps clean)"
[[ $(screens clean) == "$want_screens" ]] || fail "clean: screens $(screens clean)"
[[ $(lit "$out/clean/shots/010-summary.png" "${notice_band[@]}") == 0 ]] ||
  fail "clean: a notice on the summary"
ok "clean session: $normal"

# --- disk full from the end of set 1 until after the summary, then room again.
# Aimed by counting: a clean run with the fault shim counting says after how
# many writes set 1 ended (adlog_end_set's debug line); the disk fills from 3
# writes later (before set 2's first rep: starts 1-5 after it all hold) for 24
# writes, which reach past the summary. Adding writes elsewhere moves N, not
# the aim.
run aim REHAB_MIRROR_DB_FAULT=count REHAB_MIRROR_LOG=debug -- --camera synthetic \
  --buttons "script:$out/buttons.txt"
set1=$(sed -n 's/.*set [0-9]* ended after \([0-9]*\) counted writes.*/\1/p' "$out/aim/stderr.txt" | head -1)
[[ -n $set1 ]] || fail "aim: no 'set ended after N counted writes' line"
full="$((set1 + 3))-$((set1 + 26))"
run full REHAB_MIRROR_DB_FAULT=full=$full -- --camera synthetic --buttons "script:$out/buttons.txt"
grep -q "disk is full" "$out/full/stderr.txt" || fail "full: the disk never filled (writes $full)"
[[ $(screens full) == "$want_screens" ]] || fail "full: screens $(screens full)"
[[ $(lit "$out/full/shots/005-set.png" "${unsaved_mark[@]}") == 0 ]] ||
  fail "full: set 1 was marked unsaved before the disk filled"
[[ $(lit "$out/full/shots/008-set.png" "${unsaved_mark[@]}") -gt 100 ]] ||
  fail "full: set 2 does not say 'not saved'"
[[ $(lit "$out/full/shots/010-summary.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "full: the summary does not say the reps are not saved yet"
[[ $(reps full) == "$normal" ]] || fail "full: reps after room returned: $(reps full)"
[[ $(sql full "SELECT count(*) FROM reps") == 6 ]] || fail "full: duplicate reps"
[[ $(sql full "SELECT status FROM sessions") == completed ]] || fail "full: session not completed"
[[ $(sql full "SELECT count(*) FROM sets WHERE status = 'completed'") == 2 ]] || fail "full: sets"
ok "disk full: session went on, 'not saved' shown on set and summary, all 6 reps saved once afterwards"

run ioerr REHAB_MIRROR_DB_FAULT=ioerr=60-70 -- --camera synthetic --buttons "script:$out/buttons.txt"
grep -q "disk I/O error" "$out/ioerr/stderr.txt" || fail "ioerr: no I/O error injected"
[[ $(reps ioerr) == "$normal" ]] || fail "ioerr: reps $(reps ioerr)"
[[ $(sql ioerr "PRAGMA integrity_check") == ok ]] || fail "ioerr: integrity"
ok "write errors: all 6 reps saved once, database intact"

run fullstart REHAB_MIRROR_DB_FAULT=full=1-3 -- --camera synthetic --buttons "script:$out/buttons.txt"
grep -q "adherence log not available" "$out/fullstart/stderr.txt" || fail "fullstart: the log opened"
grep -q "adherence log open now" "$out/fullstart/stderr.txt" || fail "fullstart: never reopened"
[[ $(reps fullstart) == "$normal" ]] || fail "fullstart: reps $(reps fullstart)"
ok "disk full at start: no log at first, opened 10 s later, all 6 reps saved"

# --- a damaged database at start
mkdir -p "$out/junk/data"
head -c 6000 /dev/urandom > "$out/junk/data/adherence.db"
cp "$out/junk/data/adherence.db" "$out/junk.orig"
run junk -- --camera synthetic --buttons "script:/dev/null" --exit-after 2
moved=$(cd "$out/junk/data" && ls | grep -E '^adherence\.db\.corrupt-[0-9]{8}-[0-9]{6}$' || true)
[[ -n $moved ]] || fail "junk: not moved aside: $(ls "$out/junk/data")"
cmp -s "$out/junk/data/$moved" "$out/junk.orig" || fail "junk: the moved file changed"
[[ $(sql junk "PRAGMA integrity_check") == ok ]] || fail "junk: fresh database"
[[ $(lit "$out/junk/shots/001-home.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "junk: the home screen does not say the record was set aside"
rm -rf "$out/junk/shots"
run junk -- --camera synthetic --buttons "script:/dev/null" --exit-after 2
[[ $(lit "$out/junk/shots/001-home.png" "${notice_band[@]}") == 0 ]] ||
  fail "junk: the notice is still there on the next start"
ok "damaged database: moved aside as $moved, fresh one begun, home screen told the user once"

mkdir -p "$out/dir/data/adherence.db"
run dir -- --camera synthetic --buttons "script:$out/buttons.txt"
! ls "$out/dir/data" | grep -qE '^adherence\.db\.corrupt-' || fail "dir: moved aside as damaged"
[[ -d $out/dir/data/adherence.db ]] || fail "dir: the directory is gone"
[[ $(lit "$out/dir/shots/001-home.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "dir: the home screen does not say the record cannot be written"
grep -q "cannot be opened for writing: it is a directory" "$out/dir/stderr.txt" ||
  fail "dir: the log does not say why"
[[ $(screens dir) == "$want_screens" ]] || fail "dir: screens $(screens dir)"
ok "unopenable database (a directory): left alone, not called damaged, home screen says so"

# --- another program's database: refused and left byte for byte, no WAL
mkdir -p "$out/foreign/data"
sqlite3 "$out/foreign/data/adherence.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"
cp "$out/foreign/data/adherence.db" "$out/foreign.orig"
run foreign -- --camera synthetic --buttons "script:$out/buttons.txt"
cmp -s "$out/foreign/data/adherence.db" "$out/foreign.orig" || fail "foreign: the file changed"
[[ ! -e $out/foreign/data/adherence.db-wal ]] || fail "foreign: a -wal was made"
grep -q "not an adherence log" "$out/foreign/stderr.txt" || fail "foreign: not reported"
[[ $(lit "$out/foreign/shots/001-home.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "foreign: the home screen does not say so"
[[ $(lit "$out/foreign/shots/011-home.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "foreign: the home screen no longer says so after a session"
ok "another program's database: untouched, no WAL, home screen says nothing is saved"

# --- a damaged -wal: a run killed mid-session (as a power cut would) leaves
# its last commits in the WAL; a byte flipped in the first frame's page would
# make SQLite drop them all without a word. The restart says so, in the log
# and on the home screen.
mkdir -p "$out/wal/data"
(env REHAB_MIRROR_DB_FAULT=kill=90 "$bin" --virtual-clock --software-renderer --no-sound \
  --window 640x360 --programme "$out/programme.ini" --data-dir "$out/wal/data" \
  --camera synthetic --buttons "script:$out/buttons.txt" --exit-after 60 2> /dev/null) \
  2> /dev/null || true
[[ -s $out/wal/data/adherence.db-wal ]] || fail "wal: the killed run left no WAL"
python3 - "$out/wal/data/adherence.db-wal" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(32 + 24 + 2000)
    b = f.read(1)
    f.seek(32 + 24 + 2000)
    f.write(bytes([b[0] ^ 0x5A]))
PY
run wal -- --camera synthetic --buttons "script:/dev/null" --exit-after 2
grep -q "adherence.db-wal is damaged at frame 1" "$out/wal/stderr.txt" ||
  fail "wal: the damage was not reported (recalibrate kill=90 if the WAL now holds one commit)"
[[ $(lit "$out/wal/shots/001-home.png" "${notice_band[@]}") -gt 100 ]] ||
  fail "wal: the home screen does not say records may be missing"
ok "damaged -wal: $(grep -o 'damaged at frame.*' "$out/wal/stderr.txt")"

# --- camera faults (frame 150 is mid set 1)
# A resized frame starts the counter afresh, here at the top of set 1's first
# rep: it takes that pose for rest, and the way down and up again is no rep
# (a bridge rises), so that rep is not seen and set 1 ends one rep of the
# person's (8 s) later. Its presses from the end of set 1 on come 8 s later.
awk '!/^#/ && NF { if ($1 >= 37) $1 += 8; print }' "$out/buttons.txt" > "$out/resized.txt"
for fault in resize-at=150 backwards-at=150 stall-at=150 resize-at=150@backwards-at=200@stall-at=260; do
  name=cam-${fault//[@=]/-} buttons=$out/buttons.txt
  [[ $fault != resize-at* ]] || buttons=$out/resized.txt
  run "$name" -- --camera "synthetic@$fault" --buttons "script:$buttons" --exit-after 70
  [[ $(reps "$name") == "$normal" ]] || fail "$fault: reps $(reps "$name"), want $normal"
  ok "camera $fault: counted 3 camera reps in set 1 and 1 in set 2"
done
run cam-stop -- --camera "synthetic@stop-after=150" --buttons "script:$out/buttons.txt"
# The fault camera stops after 150 frames each time it is opened: the station
# must show the camera-lost screen, open the camera again, and go on counting.
grep -q "camera lost: camera stopped" "$out/cam-stop/stderr.txt" || fail "stop: not reported"
grep -q "camera: frames are back" "$out/cam-stop/stderr.txt" || fail "stop: camera never reopened"
ls "$out/cam-stop/shots" | grep -q -- '-camera-lost\.png$' || fail "stop: no camera-lost screen"
# Every rep shown is saved, once. (How many there are depends on what the
# gaps cost: each reopened camera's person lies still for 5.5 s and then
# bridges, so about one rep is seen each time it is open, and set 1's three
# take most of the run.)
n=$(sql cam-stop "SELECT count(*) FROM reps")
shown=$(grep -c "shown rep session=" "$out/cam-stop/stderr.txt" || true)
[[ $n -ge 3 && $n == "$shown" ]] || fail "stop: reps $(reps cam-stop), $shown shown"
ok "camera stops after 150 frames: camera-lost screen, reopened, all $n reps shown saved"

# --- buttons: every OK press bouncing for 5 ms on both edges; a stuck Down
awk '$2 == "ok" { t = $1; printf "%.3f ok down\n%.3f ok up\n%.3f ok down\n%.3f ok up\n%.3f ok down\n%.3f ok up\n%.3f ok down\n%.3f ok up\n", t, t+0.005, t+0.010, t+0.015, t+0.020, t+0.200, t+0.205, t+0.210; next } { print }' \
  "$out/buttons.txt" > "$out/chatter.txt"
run chatter -- --camera synthetic --buttons "script:$out/chatter.txt"
[[ $(reps chatter) == "$normal" ]] || fail "chatter: reps $(reps chatter)"
[[ $(screens chatter) == "$want_screens" ]] || fail "chatter: screens $(screens chatter)"
ok "chattering OK (5 ms bounces): each press counted once, same session"
{ echo "0.5 down down"; cat "$out/buttons.txt"; } > "$out/stuck.txt"
run stuck -- --camera synthetic --buttons "script:$out/stuck.txt"
grep -q "stuck" "$out/stuck/stderr.txt" || fail "stuck: not reported"
[[ $(reps stuck) == "$normal" ]] || fail "stuck: reps $(reps stuck)"
ok "stuck Down: reported, ignored, the session went on"
echo "e2e_faults: $passed passed, 0 failed"
