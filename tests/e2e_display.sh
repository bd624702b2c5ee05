#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the video driver and rotation. The station must refuse to run on
# a screen nobody sees: with no desktop and no driver asked for, SDL falls back
# to "offscreen", and the station exits 1 saying so; full-screen without a
# desktop asks for kmsdrm, which fails plainly here (no /dev/dri). An explicit
# --video-driver wins over SDL_VIDEODRIVER. With --rotation 90 on a 1280x720
# window the screenshots show the logical, portrait 720x1280 picture, in a
# --screenshot-dir the station made.
# Usage: e2e_display.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data" "$out/shots"
fail() { echo "FAIL: $*" >&2; exit 1; }

common=(--virtual-clock --software-renderer --no-sound --camera synthetic --buttons keys
        --data-dir "$out/data" --exit-after 1)

# expect STATUS TEXT ENV... -- ARGS...: runs the station with that environment.
expect() {
  local want=$1 text=$2 rc=0
  shift 2
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "${envs[@]}" \
    "$bin" "${common[@]}" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" || rc=$?
  [[ $rc -eq $want ]] || { cat "$out/stderr.txt" >&2; fail "$* exited $rc, want $want"; }
  grep -qF -- "$text" "$out/stderr.txt" || { cat "$out/stderr.txt" >&2; fail "$*: no '$text'"; }
}

expect 1 "but SDL started 'offscreen', which nobody would see" --
expect 0 "video driver: dummy" SDL_VIDEODRIVER=offscreen -- --video-driver dummy
if ! compgen -G "/dev/dri/card*" > /dev/null; then
  expect 1 "video driver 'kmsdrm' did not start" -- --fullscreen
fi

# Rotation: the screenshot is the logical picture, portrait. The screenshot
# folder (two levels that do not exist yet) is made.
expect 0 "video driver: offscreen" SDL_VIDEODRIVER=offscreen -- \
  --window 1280x720 --rotation 90 --screenshot-dir "$out/new/shots"
size=$(python3 -c 'import struct,sys; print("%dx%d" % struct.unpack(">II", open(sys.argv[1],"rb").read(24)[16:24]))' "$out/new/shots/001-home.png")
[[ $size == 720x1280 ]] || fail "rotated screenshot is $size, want 720x1280"

echo "e2e_display: 1 passed, 0 failed"
