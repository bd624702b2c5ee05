#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: two people share a home station (profiles.ini in the data
# directory, each with her own programme from programmes/KEY.ini). Alice is
# chosen with the buttons on "Who's exercising?" and completes a session; a
# long OK at home brings the question back, Bob is chosen (Down, OK), sees
# no streak and no session this week, and ends a session early; asked again,
# Alice sees her own session and streak. The record files each session under
# its person: `export --profile` gives each only their own, and an unknown
# name is an error. At 800x480, then a restart at 1080x1920 (portrait).
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

# One run (a restart would start the virtual clock at the real time again,
# which may be before the first run's sessions). Alice: chosen at once (she
# is first), then the fixture's session, 1 s later. Then a long OK at home:
# Bob (Down, OK), who has no history; he starts and ends early (pause menu,
# End session); a long OK again and Alice, chosen again, sees her session.
{ echo "0.5 ok      # who's exercising? Alice"
  awk '!/^#/ && NF { $1 += 1; print }' "$here/fixtures/bridge-2x3.buttons"
  cat <<'TXT'
56 ok long  # who's exercising? (at Alice)
57 down     # Bob
58 ok       # -> Bob's home: nothing of Alice's
59 ok       # -> pain check-in
60 ok       # -> introduction
61 ok long  # pause menu
62 down
63 down
64 down
65 down     # End session
66 ok       # -> pain after
67 ok       # -> summary
69 ok       # -> home
71 ok long  # who's exercising? (at Bob)
72 up       # Alice
73 ok       # -> Alice's home: her session and streak
TXT
} > "$out/both.txt"
run both 800x480 75
want="who home pain-before intro position set rest position set pain-after summary home"
want+=" who home pain-before intro pause pain-after summary home who home"
[[ "$(screens both)" == "$want" ]] || fail "screens were: $(screens both); want: $want"
grep -q "person: alice (.*/programmes/alice.ini)" "$out/both.stderr" || fail "alice's programme not read"
grep -q "person: bob (.*/programmes/bob.ini)" "$out/both.stderr" || fail "bob's programme not read"
want="alice:0:0 alice:0:0 alice:1:1 bob:0:0 bob:0:0 alice:1:1"
[[ "$(figures both)" == "$want" ]] ||
  fail "home figures (start, chosen, after her session, Bob's, after his, Alice's): $(figures both)"
# Homes: Alice's, hers after the session, Bob's, his after his, hers again.
homes=("$out"/both/*-home.png)
cmp -s "${homes[2]}" "${homes[4]}" && fail "Bob's home and Alice's look the same"
cmp -s "${homes[1]}" "${homes[4]}" || fail "Alice's home is not as she left it"

# Portrait: the question and Bob's home, after a restart (Down, OK).
printf '1 down\n2 ok\n' > "$out/portrait.txt"
run portrait 1080x1920 3
[[ "$(screens portrait)" == "who home" ]] || fail "portrait: $(screens portrait)"
[[ "$(figures portrait)" == "alice:"*" bob:0:0" ]] || fail "portrait figures: $(figures portrait)"

[[ "$(sessions)" == "alice:completed bob:ended" ]] || fail "the record: $(sessions)"
[[ "$(sessions --profile bob)" == "bob:ended" ]] || fail "bob's export: $(sessions --profile bob)"
[[ "$(sessions --profile alice)" == "alice:completed" ]] || fail "alice's export: $(sessions --profile alice)"
"$bin" export --data-dir "$out/data" --format csv --profile alice > "$out/alice.csv"
[[ $(head -1 "$out/alice.csv") == profile,session_id,* ]] || fail "CSV header: $(head -1 "$out/alice.csv")"
[[ $(tail -n +2 "$out/alice.csv" | grep -cv '^alice,') == 0 ]] || fail "alice's CSV has other rows"
rc=0
"$bin" export --data-dir "$out/data" --format csv --profile carol > /dev/null 2> "$out/carol.txt" || rc=$?
[[ $rc == 1 ]] || fail "export of an unknown profile: exit $rc, want 1"
grep -q "profiles in the record: alice, bob" "$out/carol.txt" || fail "it said: $(cat "$out/carol.txt")"
# Languages: "Who's exercising?" asks everyone, so it is in the station's
# language (English here), not in that of whoever used the station last
# (Alice, German): at the start, after Bob, after Alice (the same title band
# in every screenshot of it), with Alice's own home in German between.
mkdir -p "$out/lang-data"
printf '[alice]\nname = Alice\nlanguage = de\n[bob]\nname = Bartholomew-Maximilian\n' \
  > "$out/lang-data/profiles.ini"
printf '1 ok\n2 ok long\n3 down\n4 ok\n5 ok long\n6 up\n7 ok\n8 ok long\n' > "$out/lang.txt"
mkdir -p "$out/lang"
REHAB_MIRROR_LOCALEDIR=${REHAB_MIRROR_LOCALEDIR:-$(dirname "$bin")/locale} \
  "$bin" --virtual-clock --software-renderer --no-sound --window 800x480 --camera synthetic \
  --buttons "script:$out/lang.txt" --data-dir "$out/lang-data" --screenshot-dir "$out/lang" \
  --exit-after 9 2> "$out/lang.stderr" || fail "lang: the station failed: $(tail -3 "$out/lang.stderr")"
[[ "$(screens lang)" == "who home who home who home who" ]] || fail "lang: $(screens lang)"
lit() { python3 "$here/png_lit.py" "$1" 0 0 1 0.14; }
whos=("$out"/lang/*-who.png) homes=("$out"/lang/*-home.png)
for f in "${whos[@]:1}"; do
  [[ "$(lit "$f")" == "$(lit "${whos[0]}")" ]] ||
    fail "$(basename "$f"): the question is not in the station's language"
done
[[ "$(lit "${homes[0]}")" != "$(lit "${homes[1]}")" ]] ||
  fail "Alice's home (German) looks like Bartholomew's (English)"
grep -q "illegible text" "$out/lang.stderr" && fail "lang: $(grep -m1 "illegible text" "$out/lang.stderr")"
echo "e2e_profiles: 1 passed, 0 failed"
