#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: a clinic kiosk (kiosk = on). It opens on the attract loop; a
# first guest presses OK, completes a session and dismisses the summary; the
# station is back on the attract loop. A second guest sees nothing of the
# first: the same home (no streak, no week) and the same pain check-in,
# pixel for pixel. Nothing is kept: no database is created, so export finds
# no record. A guest who walks away mid-session is warned, and the station
# returns to the attract loop by itself. At 1920x1080.
# Usage: e2e_kiosk.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/shots"
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '[station]\nkiosk = on\nattract_after = 60\nsleep_after = 0\n' > "$out/kiosk.conf"
# Guest 1: OK on the attract loop, then the fixture's session 1 s later; OK
# on the summary; guest 2 at 60 s, who leaves at the pain check-in (a static
# screen: 10 minutes of an animated one cost minutes of software drawing).
{ echo "0.5 ok      # attract -> a guest's home"
  awk '!/^#/ && NF { $1 += 1; print }' "$here/fixtures/bridge-2x3.buttons"
  echo "60 ok       # attract -> guest 2's home"
  echo "61 ok       # -> pain check-in, then nobody"
} > "$out/buttons.txt"
rc=0
"$bin" --config "$out/kiosk.conf" --virtual-clock --software-renderer --no-sound \
  --window 1920x1080 --camera synthetic --buttons "script:$out/buttons.txt" \
  --programme "$here/fixtures/bridge-2x3.ini" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 665 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }
got=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="attract home pain-before intro position set rest position set pain-after summary attract"
want+=" home pain-before still-there attract"
[[ "$got" == "$want" ]] || fail "screens were: $got; want: $want"

shot() { ls "$out"/shots/*-"$1".png | sed -n "$2p"; }
cmp -s "$(shot home 1)" "$(shot home 2)" || fail "guest 2's home differs from guest 1's"
cmp -s "$(shot pain-before 1)" "$(shot pain-before 2)" ||
  fail "guest 2's pain check-in differs from guest 1's"
# A guest's home has no figures: nothing lit between "Press OK" and the hints.
lit=$(python3 "$here/png_lit.py" "$(shot home 1)" 0 0.45 1 0.78) # above the two hint rows
[[ $lit == 0 ]] || fail "a guest's home shows something where the figures go ($lit px)"

[[ ! -e $out/data/adherence.db ]] || fail "a kiosk created adherence.db"
rc=0
"$bin" export --data-dir "$out/data" --format json > /dev/null 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "export after a kiosk day: exit $rc, want 1 (no record)"
grep -q "kiosk: sessions are guests'; nothing is saved" "$out/stderr.txt" || fail "no kiosk line"
echo "e2e_kiosk: 1 passed, 0 failed"
