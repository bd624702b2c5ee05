#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The station on real footage (tests/corpus/rm-station): the committed real
# bridge (tests/real/clips/pp-bridging: a man lying still who bridges once
# within the first second) played twice over (--loops 2) as the camera of a guided set of
# bridges, from the moment the position screen opens. He is lying there still,
# so he is seen only as his first bridge rises; that bridge must count (the
# watching counter knew the pose he left: session.c, look), and the set then
# begins with the second and holds both. Without the watching counter the
# station counted neither: the set never began.
# Usage: real_station.sh CLIPS_DIR OUTPUT_DIR RM_STATION [EMULATOR...]
#   (in a cross build EMULATOR runs RM_STATION, e.g. qemu-aarch64 -L /usr/aarch64-linux-gnu)
set -euo pipefail
clips=$1
out=$2
station=$3
shift 3
emulator=("$@")
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
"${emulator[@]}" "$station" -v --loops 2 "$clips" > "$out/station.txt" || fail "rm-station: $(tail -3 "$out/station.txt")"
row=$(grep '^pp-bridging ' "$out/station.txt") || fail "no row for pp-bridging"
read -r _ _ truth counted alone _ <<<"$row"
[[ $truth == 2 && $alone == 2 ]] || fail "the clip or the counter alone changed: $row"
[[ $counted == 2 ]] || fail "the station counted $counted of 2: $row"
# A person who presses OK for every rep not counted (--press-missed) has
# nothing to press for here: both counted, no press, the count exact.
"${emulator[@]}" "$station" --loops 2 --press-missed "$clips" > "$out/pressed.txt" ||
    fail "rm-station --press-missed: $(tail -3 "$out/pressed.txt")"
grep -q '^pressed OK for a missed rep 0 times for the 2 true reps of the 1 clips with reps, on 0 clips;.* exact on 1 of them$' \
    "$out/pressed.txt" || fail "--press-missed: $(tail -1 "$out/pressed.txt")"
echo "real_station: pp-bridging twice over, lying still first: both bridges counted ($row); no press needed"

