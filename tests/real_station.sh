#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The station on real footage (tests/corpus/rm-station): the committed real
# bridge (tests/real/clips/pp-bridging: a man lying still who bridges once
# within the first second) played twice over as the camera of a guided set of
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
python3 - "$clips/pp-bridging" "$out/pp-twice" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
data = open(src + ".y4m", "rb").read()
header, rest = data.split(b"\n", 1)
frames = rest.split(b"FRAME\n")[1:]
open(dst + ".y4m", "wb").write(header + b"\n" + b"".join(b"FRAME\n" + f for f in frames * 2))
fps = [f for f in header.split() if f.startswith(b"F")][0][1:].split(b":")
loop_ms = len(frames) * 1000 * int(fps[1]) // int(fps[0])
label = json.load(open(src + ".json"))
first = label["reps"][0]
second = dict(first, end_ms=first["end_ms"] + loop_ms, top_ms=first["top_ms"] + loop_ms)
label.update(name="pp-twice", count=2, reps=[first, second])
json.dump(label, open(dst + ".json", "w"))
PY
"${emulator[@]}" "$station" -v "$out" > "$out/station.txt" || fail "rm-station: $(tail -3 "$out/station.txt")"
row=$(grep '^pp-twice ' "$out/station.txt") || fail "no row for pp-twice"
read -r _ _ truth counted alone _ <<<"$row"
[[ $truth == 2 && $alone == 2 ]] || fail "the clip or the counter alone changed: $row"
[[ $counted == 2 ]] || fail "the station counted $counted of 2: $row"
echo "real_station: pp-bridging twice over, lying still first: both bridges counted ($row)"
