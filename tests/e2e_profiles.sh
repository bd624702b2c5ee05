#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: two people share a home station (profiles.ini in the data
# directory, each with her own programme from programmes/KEY.ini). Alice is
# chosen with the buttons on "Who's exercising?" and completes a session;
# after a restart Bob is chosen (Down, OK), sees no streak and no session
# this week, ends a session early; a long OK at home brings the question back
# and Alice, chosen again, sees her own session and streak. The record files
# each session under its person: `export --profile` gives each only their
# own, and an unknown name is an error. Screens at 800x480, the second run at
# 1080x1920 (portrait).
# Usage: e2e_profiles.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/data/programmes"
fail() { echo "FAIL: $*" >&2; exit 1; }
off=$((10#$(date -u +%H) - 12)) # local noon: no run straddles a midnight
export TZ="RMT$( ((off >= 0)) && echo +)$off" REHAB_MIRROR_LOG=debug

cat > "$out/data/profiles.ini" <<'INI'
; the people of this station, in the order they are listed
[alice]
name = Alice
[bob]
name = Bob
INI
cp "$here/fixtures/bridge-2x3.ini" "$out/data/programmes/alice.ini"
sed 's/^name = .*/name = Bob bridges/' "$here/fixtures/bridge-2x3.ini" > "$out/data/programmes/bob.ini"

# run NAME SIZE SECONDS: the station on the button script $out/NAME.txt.
run() {
  mkdir -p "$out/$1"
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window "$2" \
    --camera synthetic --buttons "script:$out/$1.txt" --data-dir "$out/data" \
    --screenshot-dir "$out/$1" --exit-after "$3" 2> "$out/$1.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$1.stderr" >&2; fail "$1: station exited with $rc"; }
}
screens() { (cd "$out/$1" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }
# The home figures the station logged, in order: "who:streak:week".
figures() {
  sed -nE 's/.*home figures of ([a-z]+): streak ([0-9]+), ([0-9]+) of.*/\1:\2:\3/p' "$out/$1.stderr" |
    paste -sd' '
}
# "profile:status" of every session in the (optionally one profile's) export.
sessions() {
  "$bin" export --data-dir "$out/data" --format json "$@" | python3 -c '
import json, sys
print(" ".join("%s:%s" % (s["profile"], s["status"]) for s in json.load(sys.stdin)["sessions"]))'
}

# Alice: chosen at once (she is first), then the fixture's session, 1 s later.
{ echo "0.5 ok      # who's exercising? Alice"
  awk '!/^#/ && NF { $1 += 1; print }' "$here/fixtures/bridge-2x3.buttons"
} > "$out/alice.txt"
run alice 800x480 52
want="who home pain-before intro position set rest position set pain-after summary home"
[[ "$(screens alice)" == "$want" ]] || fail "alice: screens were: $(screens alice); want: $want"
grep -q "person: alice (.*/programmes/alice.ini)" "$out/alice.stderr" || fail "alice's programme not read"
[[ "$(sessions)" == "alice:completed" ]] || fail "after alice: $(sessions)"
[[ "$(figures alice)" == "alice:0:0 alice:0:0 alice:1:1" ]] ||
  fail "alice's home figures: $(figures alice)"

# Bob: Down, OK; he has no history. He starts and ends early (pause menu,
# End session), then a long OK at home asks again and Alice is chosen.
cat > "$out/bob.txt" <<'TXT'
1 down      # who's exercising? Bob
2 ok        # -> Bob's home: nothing of Alice's
4 ok        # -> pain check-in
5 ok        # -> introduction
6 ok long   # pause menu
7 down
8 down
9 down
10 down     # End session
11 ok       # -> pain after
12 ok       # -> summary
14 ok       # -> home
16 ok long  # who's exercising? (at Bob)
17 up       # Alice
18 ok       # -> Alice's home: her session and streak
TXT
run bob 1080x1920 20
want="who home pain-before intro pause pain-after summary home who home"
[[ "$(screens bob)" == "$want" ]] || fail "bob: screens were: $(screens bob); want: $want"
grep -q "person: bob (.*/programmes/bob.ini)" "$out/bob.stderr" || fail "bob's programme not read"
[[ "$(figures bob)" == "alice:1:1 bob:0:0 bob:0:0 alice:1:1" ]] ||
  fail "home figures (the start's, Bob's, Bob's after his ended session, Alice's): $(figures bob)"
homes=("$out"/bob/*-home.png)
cmp -s "${homes[0]}" "${homes[2]}" && fail "Bob's home and Alice's look the same"

[[ "$(sessions)" == "alice:completed bob:ended" ]] || fail "the record: $(sessions)"
[[ "$(sessions --profile bob)" == "bob:ended" ]] || fail "bob's export: $(sessions --profile bob)"
[[ "$(sessions --profile alice)" == "alice:completed" ]] || fail "alice's export: $(sessions --profile alice)"
"$bin" export --data-dir "$out/data" --format csv --profile alice > "$out/alice.csv"
[[ $(head -1 "$out/alice.csv") == *,profile ]] || fail "CSV header: $(head -1 "$out/alice.csv")"
[[ $(tail -n +2 "$out/alice.csv" | grep -cv ',alice$') == 0 ]] || fail "alice's CSV has other rows"
rc=0
"$bin" export --data-dir "$out/data" --format csv --profile carol > /dev/null 2> "$out/carol.txt" || rc=$?
[[ $rc == 1 ]] || fail "export of an unknown profile: exit $rc, want 1"
grep -q "profiles in the record: alice, bob" "$out/carol.txt" || fail "it said: $(cat "$out/carol.txt")"
echo "e2e_profiles: 1 passed, 0 failed"
