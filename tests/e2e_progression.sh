#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: progression (progression.h) through the real station on the
# virtual clock, a day between sessions.
#   A. Five sessions (a week's, sessions_per_week = 5) done in full with pain
#      0: after the fifth, back home, the station proposes the next dose; OK
#      accepts it. The decision is in the log (accepted, by whom), the profile's
#      programme in the data directory has the new dose, and the next session
#      follows it. The report written to a stick names the step. Erasing the
#      profile takes the decision and its programme too.
#   B. Four good sessions, a pain stop (pain 7 at the check-in), then a good
#      session the next day: nothing is proposed (the stop is in the last five), and nothing
#      is logged.
# Usage: e2e_progression.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
DAY=86400

cat > "$out/programme.ini" <<'INI'
[programme]
name = One bridge set
rest_seconds = 10
sessions_per_week = 5
[exercise bridge]
sets = 1
reps = 3
hold_seconds = 1
INI

# good DAY [HOURS]: a session that day (and hour), the set counted by the
# camera (the synthetic person), pain 0 before and after.
good() {
  local t=$(($1 * DAY + ${2:-0} * 3600 + 10))
  printf '%d ok\n%d ok\n%d ok\n%d ok\n%d ok\n' "$t" $((t + 1)) $((t + 2)) $((t + 40)) $((t + 42))
}
# stop DAY [HOURS]: pain 7 at the check-in: the session stops, the day too.
stop() {
  local t=$(($1 * DAY + ${2:-0} * 3600 + 10))
  printf '%d ok\n' "$t"
  for i in 1 2 3 4 5 6 7; do printf '%d.%d up\n' "$t" "$i"; done
  printf '%d ok\n%d ok\n' $((t + 2)) $((t + 4))
}
# run NAME DATA SECONDS [OPTIONS...]: the station on $out/NAME.txt.
run() {
  local name=$1 data=$2 secs=$3
  shift 3
  mkdir -p "$out/$name"
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
    --camera synthetic --buttons "script:$out/$name.txt" --data-dir "$data" \
    --programme "$out/programme.ini" --usb-dir "" --screenshot-dir "$out/$name" \
    --exit-after "$secs" "$@" 2> "$out/$name.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$name.stderr" >&2; fail "$name: station exited with $rc"; }
}
screens() { (cd "$out/$1" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }
count() { grep -o -- "$2" <<< "$(screens "$1")" | wc -l; }
sql() { sqlite3 "$1/adherence.db" "$2"; }

# A. A week of good sessions, then the step is proposed and accepted.
{ for d in 0 1 2 3 4; do good "$d"; done; echo "$((4 * DAY + 60)) ok   # accept"; } > "$out/a.txt"
run a "$out/a-data" $((4 * DAY + 70)) --profile alice
[[ $(count a summary) -eq 5 ]] || fail "A: sessions completed: $(screens a)"
[[ $(count a progress) -eq 1 ]] || fail "A: proposals: $(screens a)"
[[ "$(screens a)" == *"summary progress home" ]] || fail "A: the proposal is not after the fifth: $(screens a)"
got=$(sql "$out/a-data" "SELECT profile, exercise, from_sets, from_reps, to_sets, to_reps, accepted, by FROM progressions")
[[ "$got" == "alice|bridge|1|3|1|4|1|alice at the station (OK)" ]] || fail "A: logged: $got"
grep -q '^reps = 4$' "$out/a-data/programmes/alice.ini" || fail "A: stored programme: $(cat "$out/a-data/programmes/alice.ini")"
grep -q 'progression: proposing Glute bridge 1 x 3 -> 1 x 4' "$out/a.stderr" || fail "A: no proposal logged"

# The next session follows the new dose (the prescription logged with it),
# and Down at home then shows the history. (Each run's virtual clock starts at
# the real time again, so this session needs no days of waiting.)
{ good 0; echo "60 down"; echo "63 ok"; } > "$out/a2.txt"
mkdir -p "$out/stick/rehab-mirror"
run a2 "$out/a-data" 66 --profile alice
got=$(sql "$out/a-data" "SELECT reps FROM prescription WHERE session_id = (SELECT max(id) FROM sessions)")
[[ "$got" == 4 ]] || fail "A: the next session prescribed $got reps, not 4"
[[ "$(screens a2)" == *"summary home history home" ]] || fail "A: no history from home: $(screens a2)"
# The report names the step (read back from the PDF's text).
echo "1 ok" > "$out/a3.txt"
run a3 "$out/a-data" 3 --profile alice --usb-dir "$out/stick"
pdf=$out/stick/rehab-mirror/reports/alice-report.pdf
[[ -f $pdf ]] || fail "A: no report written"
pdftotext -layout "$pdf" "$out/report.txt"
grep -q 'Glute bridge 1 x 3 -> 1 x 4, accepted by alice at the station (OK)' "$out/report.txt" ||
  fail "A: the report does not name the step"

# Erasing alice takes her decisions and her own programme too.
"$bin" erase --data-dir "$out/a-data" --profile alice > "$out/erase.txt"
[[ $(sql "$out/a-data" "SELECT count(*) FROM progressions") == 0 ]] || fail "A: decisions left after erase"
[[ ! -e "$out/a-data/programmes/alice.ini" ]] || fail "A: alice's programme left after erase"

# B. A pain stop among the last five: nothing proposed. (Hours apart, but the
# session after the stop on the next day: the stop holds for its day.)
{ for h in 0 1 2 3; do good 0 "$h"; done; stop 0 4; good 1 4; } > "$out/b.txt"
run b "$out/b-data" $((DAY + 4 * 3600 + 60))
[[ $(count b summary) -eq 5 ]] || fail "B: sessions completed: $(screens b)"
[[ $(count b pain-stop) -eq 1 ]] || fail "B: no pain stop: $(screens b)"
[[ $(count b progress) -eq 0 ]] || fail "B: a step was proposed after a pain stop: $(screens b)"
[[ $(sql "$out/b-data" "SELECT count(*) FROM progressions") == 0 ]] || fail "B: a decision was logged"
echo "e2e_progression: ok"
