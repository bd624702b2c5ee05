#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: `rehab-mirror doctor` on a machine with no GPIO chips (a build
# server) and the offscreen video driver. Checks that it exits 0 (the station
# could run on its fallbacks), says there is no GPIO chip and why, names the
# SDL video drivers built in, says there is no backlight (tests/CMakeLists.txt
# points it at nothing), finds the offscreen display and says it is not a real
# screen, and reports the data directory. On a machine with GPIO chips the
# GPIO check is skipped, since the answer depends on the board. Camera
# modules of another libcamera (a dpkg database made here) are named. A fake
# backlight directory is named and not switched.
# Then: the config file's rotation reaches the report; the camera's picture
# is looked at (frames, size, rate, a dark picture, a camera that stops); an invalid programme
# or config file is reported with file and line and exits 1 (issue 15); and
# full-screen with no desktop asks for kmsdrm, which doctor reports cannot
# start here.
# Usage: e2e_doctor.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data"
fail() { echo "FAIL: $*" >&2; cat "$out/doctor.txt" >&2; exit 1; }

set +e
SDL_VIDEODRIVER=offscreen "$bin" doctor --data-dir "$out/data" > "$out/doctor.txt" 2> "$out/stderr.txt"
rc=$?
set -e
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "doctor exited with $rc"; }

has() { grep -qF -- "$1" "$out/doctor.txt" || fail "doctor did not say: $1"; }
if ! compgen -G "/dev/gpiochip*" > /dev/null; then
  has "no GPIO chip: this is not a Raspberry Pi or the GPIO driver is not loaded"
fi
grep -Eq "^  -> no camera|libcamera is not built into this program|no libcamera support" "$out/doctor.txt" ||
  fail "doctor did not say there is no camera"
has "SDL video drivers built in:"
grep -Eq "^  (voice: espeak-ng, language 'en'|-> no voice \(built without espeak-ng)" "$out/doctor.txt" ||
  fail "doctor did not say whether there is a voice"
has "asks for: offscreen (SDL_VIDEODRIVER)"
grep -q "SDL video drivers built in:.*offscreen" "$out/doctor.txt" || fail "offscreen not among the drivers"
has "display: works with offscreen"
has "offscreen is not a real screen"
has "backlight: none in $REHAB_MIRROR_BACKLIGHT (an HDMI monitor has none)"
has "data directory $out/data: exists, writable"
has "The station can run"
# Where the camera is placed, and what that means for a person lying there:
# the defaults, then a camera too far away, with advice (and no exit 1).
has "  placed 2.5 m from the mat, seeing 66 degrees across: 3.2 m wide there; a person lying down spans about 52% of the picture (the counter's smallest movement at 0.80 of"
printf '[station]\ncamera_distance = 6\n' > "$out/far.conf"
SDL_VIDEODRIVER=offscreen "$bin" doctor --config "$out/far.conf" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || fail "doctor with a camera 6 m away exited with $?"
has "  placed 6.0 m from the mat"
has "  -> someone lying there is small in the picture and small reps may go uncounted"

# Camera modules (libcamera-ipa, as dpkg-query finds them in a dpkg database
# made here) of another libcamera than the one this program runs on are
# named, with what to do; of its own, nothing is said. Only in a build with
# libcamera, on a system with dpkg.
lib=$(sed -n 's/^  libcamera \(v[0-9][^ ]*\)$/\1/p' "$out/doctor.txt")
if [[ -n $lib ]] && command -v dpkg-query > /dev/null; then
  modules() {
    mkdir -p "$out/dpkg"
    printf 'Package: libcamera-ipa\nStatus: install ok installed\nPriority: optional\nSection: libs\nMaintainer: Nobody <nobody@example.org>\nArchitecture: all\nVersion: %s\nDescription: camera modules\n' \
      "$1" > "$out/dpkg/status"
    REHAB_MIRROR_DPKG_ADMINDIR=$out/dpkg SDL_VIDEODRIVER=offscreen "$bin" doctor \
      --data-dir "$out/data" > "$out/doctor.txt" 2> "$out/stderr.txt" ||
      fail "doctor with libcamera-ipa $1"
  }
  other=99.9.0+rpt20260205-1
  modules "$other"
  has "  -> the camera modules installed (libcamera-ipa $other) are not for this program's libcamera ($lib)"
  modules "${lib#v}-1"
  ! grep -q "camera modules installed" "$out/doctor.txt" ||
    fail "doctor named camera modules of its own libcamera ($lib) as another's"
fi

# A backlight (a fake sysfs directory) is named, and left as it was.
mkdir -p "$out/backlight/panel"
echo 4 > "$out/backlight/panel/bl_power"
REHAB_MIRROR_BACKLIGHT=$out/backlight SDL_VIDEODRIVER=offscreen "$bin" doctor \
  --data-dir "$out/data" > "$out/doctor.txt" 2> "$out/stderr.txt" || fail "doctor with a backlight"
has "backlight: panel, turned off while the screen sleeps"
[[ $(<"$out/backlight/panel/bl_power") == 4 ]] || fail "doctor switched the backlight"

# The config file's settings show: rotation and the layout it gives.
printf '[station]\nrotation = 90\ndisplay = 1280x720\n' > "$out/station.conf"
SDL_VIDEODRIVER=offscreen "$bin" doctor --config "$out/station.conf" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || fail "doctor with a config file"
has "turned 90 degrees: screens laid out at 720x1280 (portrait)"

# The pause menu's saved sound choice is reported as what the station uses.
printf '[sound]\nmuted = yes\nvolume = 40\n' > "$out/data/sound.ini"
SDL_VIDEODRIVER=offscreen "$bin" doctor --data-dir "$out/data" > "$out/doctor.txt" \
  2> "$out/stderr.txt" || fail "doctor with a saved sound choice"
has "the pause menu's choice ($out/data/sound.ini): muted, volume 40; used instead"
rm "$out/data/sound.ini"

# The programme and the config file are parsed as the station would: the
# bundled programme is valid; one with a section twice, or a config file with
# an unknown key, is reported with its file and line, and doctor exits 1.
has 'programme: '"$REHAB_MIRROR_ASSETS"'/programmes/runners-knee.ini: "Runner'"'"'s knee", 4 exercises'
printf '[programme]\nname = Dup\n[exercise bridge]\nsets = 3\n[exercise bridge]\nreps = 5\n' \
  > "$out/dup.ini"
rc=0
SDL_VIDEODRIVER=offscreen "$bin" doctor --programme "$out/dup.ini" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 1 ]] || fail "doctor with an invalid programme exited $rc, want 1"
has "$out/dup.ini:5: section [exercise bridge] again (first at line 3)"
has "-> the programme is not valid"
has "The station would run, but not as configured: fix the programme above."
printf '[station]\nrotation = 90\ncolour = red\n' > "$out/bad.conf"
rc=0
SDL_VIDEODRIVER=offscreen "$bin" doctor --config "$out/bad.conf" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 1 ]] || fail "doctor with a bad config file exited $rc, want 1"
has "$out/bad.conf:3:"
has "-> the config file has an error"

# A USB stick's files are read as the station would read them: a good
# profiles.ini is counted, a bad programme.ini named with its line (exit 1).
mkdir -p "$out/stick/rehab-mirror/programmes"
printf '[ann]\n[ben]\n' > "$out/stick/rehab-mirror/profiles.ini"
printf '[exercise bridge]\nreps = 5\n' > "$out/stick/rehab-mirror/programmes/ben.ini"
SDL_VIDEODRIVER=offscreen "$bin" doctor --usb-dir "$out/stick" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || fail "doctor with a good stick"
has "profiles.ini: 2 people, 1 with a programme on the stick"
rm "$out/stick/rehab-mirror/profiles.ini"
printf '[exercise bridge]\nreps = 99\n' > "$out/stick/rehab-mirror/programme.ini"
rc=0
SDL_VIDEODRIVER=offscreen "$bin" doctor --usb-dir "$out/stick" --data-dir "$out/data" \
  > "$out/doctor.txt" 2> "$out/stderr.txt" || rc=$?
[[ $rc -eq 1 ]] || fail "doctor with a bad stick exited $rc, want 1"
has "$out/stick/rehab-mirror/programme.ini:2: reps must be a whole number"
has "The station can run; the USB stick's files would be refused (above)."

# The camera's picture is looked at: a clip (the committed real one) gives
# frames at its size and rate with nothing to advise; a clip of black frames
# is called too dark to count in; a camera that stops after 2 frames has
# failed, with its reason. Each is a fallback, not a reason to exit 1.
look() { # SPEC: doctor with --camera SPEC into $out/doctor.txt
  SDL_VIDEODRIVER=offscreen "$bin" doctor --data-dir "$out/data" --camera "$1" \
    > "$out/doctor.txt" 2> "$out/stderr.txt" || fail "doctor --camera $1 exited with $?"
}
real=$(cd "$(dirname "$0")/real/clips" && pwd)/pp-bridging.y4m
look "replay:$real"
grep -Eq "^  picture: 15 frames of 160x120, the first after [0-9]+ ms, 1[45]\.[0-9] a second; brightness [0-9]+ of 255$" \
  "$out/doctor.txt" || fail "no picture line for the real clip"
! sed -n '/^Camera$/,/^$/p' "$out/doctor.txt" | grep -q -- "^  -> " || fail "advice for a good picture"
{ printf 'YUV4MPEG2 W64 H48 F15:1 Ip A1:1 Cmono\n'
  for _ in $(seq 20); do printf 'FRAME\n'; head -c 3072 /dev/zero; done; } > "$out/black.y4m"
look "replay:$out/black.y4m"
has "  -> the picture is nearly black (brightness 0 of 255): nothing can be counted in it."
look "replay:$real@stop-after=2"
has "  clip $real: readable"
has "  -> the camera failed: camera stopped sending frames (injected after 2)"

# Full-screen with no desktop asks for kmsdrm; without /dev/dri that cannot
# start, and doctor says so and exits 1.
if ! compgen -G "/dev/dri/card*" > /dev/null; then
  rc=0
  env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$bin" doctor --fullscreen \
    --data-dir "$out/data" > "$out/doctor.txt" 2> "$out/stderr.txt" || rc=$?
  [[ $rc -eq 1 ]] || fail "doctor --fullscreen without a screen exited $rc, want 1"
  has "asks for: kmsdrm (full-screen with no desktop)"
  has "video driver 'kmsdrm' did not start"
  has "no /dev/dri/card*"
  has "The station cannot run"
fi

echo "e2e_doctor: 1 passed, 0 failed"
