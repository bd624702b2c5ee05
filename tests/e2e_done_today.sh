#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: "Done for today" ends with its day. The station starts at
# 23:58:30 local time (TZ chosen so, on the virtual clock), the fixture's
# session of two sets of three bridges is done by about 23:59:25 (half a
# minute to spare for a slow start), and home then says the
# day's session is done (its screenshot differs from the first home's where
# "Press OK to start" was). The station is left at home past midnight: the
# figures are read again as the date changes and today is no longer done
# (the debug log's "home figures" lines, in order: no, yes, no).
# Usage: e2e_done_today.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/shots" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A zone in which it is now 23:58:30 (POSIX TZ: local = UTC - offset).
now=$(date -u +%s)
offset=$(( ((now % 86400) - (23 * 3600 + 58 * 60 + 30) + 86400) % 86400 ))
(( offset > 43200 )) && offset=$((offset - 86400))
sign=+
(( offset < 0 )) && sign=- && offset=$((-offset))
TZ=$(printf 'RMT%s%d:%02d:%02d' "$sign" $((offset / 3600)) $((offset / 60 % 60)) $((offset % 60)))
export TZ
[[ $(date +%H:%M) == 23:5[89] ]] || fail "TZ=$TZ gives $(date +%H:%M), not 23:58"

rc=0
REHAB_MIRROR_LOG=debug "$bin" --virtual-clock --software-renderer --no-sound --window 640x360 \
  --camera synthetic --buttons "script:$here/fixtures/bridge-2x3.buttons" \
  --programme "$here/fixtures/bridge-2x3.ini" --data-dir "$out/data" \
  --screenshot-dir "$out/shots" --exit-after 120 2> "$out/stderr.txt" || rc=$?
[[ $rc == 0 ]] || fail "station exited with $rc: $(tail -3 "$out/stderr.txt")"
got=$(cd "$out/shots" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' ')
want="home pain-before intro position set rest position set pain-after summary home"
[[ $got == "$want" ]] || fail "screens were: $got; want: $want"
done=$(sed -nE 's/.*home figures of .*done today (yes|no).*/\1/p' "$out/stderr.txt" | paste -sd' ')
[[ $done == "no yes no" ]] || fail "done today, each time home's figures were read: '$done', want 'no yes no'"
homes=("$out"/shots/*-home.png)
! cmp -s "${homes[0]}" "${homes[1]}" || fail "home after the session looks as it did before it"
echo "e2e_done_today: 1 passed, 0 failed (done today: $done; TZ=$TZ)"
