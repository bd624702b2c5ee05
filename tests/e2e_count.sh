#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: `synth` renders clips of every exercise with known reps and
# labels; `count` must print JSON whose "reps" equals the label. Then the CLI's
# bad-input contract: a one-line reason and a non-zero exit, never a crash.
# Usage: e2e_count.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0

for spec in "bridge 6 1" "clamshell 5 2 --mirror" "quad-set 4 3" "generic 5 4 --size 640x480"; do
  read -r ex reps seed extra <<<"$spec"
  # shellcheck disable=SC2086  # $extra holds zero or more options
  "$bin" synth --exercise "$ex" --reps "$reps" --seed "$seed" $extra \
    --labels "$out/$ex.json" "$out/$ex.y4m" || fail "synth $ex"
  "$bin" count --exercise "$ex" "$out/$ex.y4m" > "$out/$ex.count.json" || fail "count $ex"
  python3 - "$out/$ex.json" "$out/$ex.count.json" "$ex" <<'PY' || fail "count of $ex"
import json, sys
label, got, ex = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
assert got["reps"] == label["reps"], f'{ex}: counted {got["reps"]}, true {label["reps"]}'
assert len(got["events"]) == got["reps"], "one event per counted rep"
ends = [e["end_ms"] / 1000 for e in label["events"]]
# A rep is decided three quarters of the way back (a quad set relaxes slowly).
early = 1.6 if ex == "quad-set" else 1.2
for e, end in zip(got["events"], ends):
    assert -early <= e["t"] - end <= 0.3, f'{ex}: rep at {e["t"]} s, true return to rest {end} s'
    assert e["began_unseen"] is False, f'{ex}: rep at {e["t"]} s after a still start began unseen'
print(f'{ex}: {got["reps"]} of {label["reps"]}')
PY
  passed=$((passed + 1))
done

# A clip that begins as the rep does (the committed real bridge: he starts to
# lift within the counter's first second): its rep says it began unseen, so
# its hold is only the part that was seen.
here=$(cd "$(dirname "$0")" && pwd)
"$bin" count --exercise bridge "$here/real/clips/pp-bridging.y4m" > "$out/real.count.json" ||
  fail "count of the real bridge"
python3 - "$out/real.count.json" <<'PY' || fail "began_unseen on the real bridge"
import json, sys
got = json.load(open(sys.argv[1]))
assert got["reps"] == 1 and got["events"][0]["began_unseen"] is True, got["events"]
PY
passed=$((passed + 1))

# Where the camera was: the same bridge told it was filmed from 0.5 m (the
# person should then fill the picture four times over) is too small a
# movement to count; from 2.5 m, as the station's default, it counts.
for spec in "0.5 0" "2.5 1"; do
  read -r metres want <<<"$spec"
  got=$("$bin" count --exercise bridge --camera-distance "$metres" \
    "$here/real/clips/pp-bridging.y4m" | python3 -c 'import json, sys; print(json.load(sys.stdin)["reps"])')
  [[ $got == "$want" ]] || fail "the real bridge from $metres m: counted $got, want $want"
done
passed=$((passed + 1))

# A recording cut off part-way (the last frame short): the whole frames before
# it are counted, "complete" is false and stderr says where it stopped; the
# whole clip says "complete": true. The bridge clip's 6 reps: cut after the
# fourth rep's return (label), it counts 4.
python3 - "$out/bridge.y4m" "$out/bridge.json" "$out/cut.y4m" <<'PY'
import json, sys
data, label = open(sys.argv[1], 'rb').read(), json.load(open(sys.argv[2]))
header = data.index(b'\n') + 1
frame = data.index(b'FRAME', header + 5) - header
fps = [f for f in data[:header].split() if f.startswith(b'F')][0][1:].split(b':')
cut_s = (label["events"][3]["end_ms"] + label["events"][4]["start_ms"]) / 2000
n = int(cut_s * int(fps[0]) / int(fps[1]))
open(sys.argv[3], 'wb').write(data[:header + n * frame + frame // 2])
PY
"$bin" count --exercise bridge "$out/cut.y4m" > "$out/cut.json" 2> "$out/cut.err" ||
  fail "count of a cut-off clip exited $?"
grep -q "truncated .*counted the [0-9]* whole frames before it" "$out/cut.err" ||
  fail "no warning for a cut-off clip: $(cat "$out/cut.err")"
python3 - "$out/cut.json" "$out/bridge.count.json" <<'PY' || fail "count of a cut-off clip"
import json, sys
cut, whole = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert cut["complete"] is False and whole["complete"] is True, (cut["complete"], whole["complete"])
assert cut["reps"] == 4, f'cut after the fourth rep: counted {cut["reps"]}'
PY
passed=$((passed + 1))

# Bad input: one line on stderr, exit status 1 (bad file) or 2 (usage).
expect() {
  local want=$1; shift
  set +e
  "$bin" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt"
  local rc=$?
  set -e
  [[ $rc -eq $want ]] || fail "'$*' exited $rc, want $want"
  [[ $(wc -l < "$out/stderr.txt") -ge 1 ]] || fail "'$*' printed no reason"
  [[ ! -s "$out/stdout.txt" ]] || fail "'$*' printed output despite failing"
  passed=$((passed + 1))
}
printf 'YUV4MPEG2 W100000 H100000 F30:1 Cmono\n' > "$out/huge.y4m"
head -c 1000 "$out/bridge.y4m" > "$out/truncated.y4m"
echo "not a clip" > "$out/text.y4m"
expect 1 count --exercise bridge "$out/missing.y4m"
expect 1 count --exercise bridge "$out/huge.y4m"
expect 1 count --exercise bridge "$out/truncated.y4m"
expect 1 count --exercise bridge "$out/text.y4m"
expect 2 count --exercise squats "$out/bridge.y4m"
expect 2 count --exercise bridge --camera-distance 0.1 "$out/bridge.y4m"
expect 2 count --exercise bridge --camera-distance far "$out/bridge.y4m"
expect 2 count --exercise bridge --camera-distance 2 --camera-view 180 "$out/bridge.y4m"
expect 2 count --exercise bridge --camera-view 66 "$out/bridge.y4m"
expect 2 count
expect 2 --no-such-option
expect 2 frobnicate
expect 1 export --data-dir "$out/nodata" --format csv
"$bin" --version | grep -q '^rehab-mirror [0-9]' || fail "--version"
"$bin" --help | grep -q 'usage: rehab-mirror' || fail "--help"
echo "e2e_count: $((passed + 2)) passed, 0 failed"
