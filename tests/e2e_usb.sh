#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: a physiotherapist's USB stick, as a FAT image file mounted
# through FUSE (fusefat) by the real mount helper (image/stick/rehab-mirror-stick),
# read and written by the real station on the virtual clock:
#   1. a valid programme.ini: the changes are shown, OK applies it (the stored
#      programme in the data directory changes), the reports are written (CSV
#      with the profile column, PNG, PDF; the PDF renders with pdftoppm), no
#      temporary file is left, and the station's view of the stick is read-only
#      but for rehab-mirror/reports;
#   2. a bad programme.ini: refused with its file, line and reason, nothing
#      changes;
#   3. a stick with no rehab-mirror/ folder: left alone (no screen, nothing
#      written);
#   4. a stick with profiles.ini and a programme for one of its people: the
#      people and the programme are shown as changes, OK keeps both in the
#      data directory, and the next start asks who is exercising; a
#      profiles.ini with an error is refused with its line.
# Skips (status 77) only when /dev/fuse is absent (a chroot, a container
# without FUSE); a missing tool is a failure (scripts/deps test installs them).
# Needs root for the helper's bind mounts; otherwise it runs itself in a user
# and mount namespace (unshare -rm).
# Usage: e2e_usb.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
helper=$here/../image/stick/rehab-mirror-stick
fail() { echo "FAIL: $*" >&2; exit 1; }
if [[ ! -e /dev/fuse ]]; then
  echo "SKIP: /dev/fuse is absent here, so a FAT image cannot be mounted through FUSE;" \
       "the USB stick's mount path is not tested (stick reading and writing: test_stick)"
  exit 77
fi
for tool in mkfs.vfat mmd mcopy mdir fusefat pdftoppm findmnt mountpoint; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/deps test installs it)"
done
if [[ $(id -u) -ne 0 && -z ${RM_E2E_USB_NS:-} ]]; then
  RM_E2E_USB_NS=1 exec unshare --map-root-user --mount bash "$0" "$@"
fi
rm -rf "$out"
mkdir -p "$out/data"
stick=$out/run/stick
export REHAB_MIRROR_STICK=$stick REHAB_MIRROR_USER=root
cleanup() { "$helper" remove 2>/dev/null || true; }
trap cleanup EXIT

# image NAME: an 8 MiB FAT image; files are then added with mcopy.
image() {
  rm -f "$out/$1.img"
  mkfs.vfat -C "$out/$1.img" 8192 >/dev/null
}
# run NAME SECONDS: the station with the stick mounted, on $out/NAME.txt.
run() {
  mkdir -p "$out/$1"
  local rc=0
  "$bin" --virtual-clock --software-renderer --no-sound --window 800x480 \
    --camera synthetic --buttons "script:$out/$1.txt" --data-dir "$out/data" \
    --usb-dir "$stick" --screenshot-dir "$out/$1" --exit-after "$2" \
    2> "$out/$1.stderr" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/$1.stderr" >&2; fail "$1: station exited with $rc"; }
}
# stick NAME DEST=SRC...: image NAME with rehab-mirror/ (and programmes/) and
# each SRC copied to rehab-mirror/DEST, then mounted by the helper.
stick() {
  local name=$1 f
  shift
  image "$name"
  mmd -i "$out/$name.img" ::rehab-mirror ::rehab-mirror/programmes
  for f in "$@"; do mcopy -i "$out/$name.img" "${f#*=}" "::rehab-mirror/${f%%=*}"; done
  "$helper" add "$out/$name.img" 2>> "$out/mount.log" || { cat "$out/mount.log" >&2; fail "mount"; }
}
screens() { (cd "$out/$1" && ls | sed -E 's/^[0-9]+-//; s/\.png$//' | paste -sd' '); }
# On the image itself (after unmounting): the names in a folder.
on_image() { mdir -b -i "$out/$1.img" "::$2" 2>/dev/null | sed 's|.*/||' | sort | paste -sd' '; }

# 1. A valid programme, applied after OK; the reports written.
image good
mmd -i "$out/good.img" ::rehab-mirror
cat > "$out/programme.ini" <<'INI'
[programme]
name = Knee, week 3
[exercise bridge]
sets = 3
reps = 12
hold_seconds = 2
INI
mcopy -i "$out/good.img" "$out/programme.ini" ::rehab-mirror/programme.ini
"$helper" add "$out/good.img" 2> "$out/mount.log" || { cat "$out/mount.log" >&2; fail "mount"; }
[[ $(findmnt -no FSTYPE "$stick") == fuse.fusefat ]] || fail "the stick is not a FUSE mount"
[[ $(findmnt -no OPTIONS "$stick") == ro,* ]] || fail "the station's view is not read-only"
touch "$stick/rehab-mirror/not-allowed" 2>/dev/null && fail "the stick is writable outside reports/"
printf '3 ok   # apply\n6 ok   # done\n' > "$out/good.txt"
run good 8
[[ "$(screens good)" == "stick-changes stick-done home" ]] || fail "screens: $(screens good)"
stored=$out/data/programmes/default.ini
[[ -f $stored ]] || fail "the applied programme is not in the data directory"
grep -q '^reps = 12$' "$stored" || fail "stored programme: $(cat "$stored")"
grep -q '^name = Knee, week 3$' "$stored" || fail "stored programme's name"
"$helper" remove
mountpoint -q "$stick" && fail "still mounted after remove"
got=$(on_image good rehab-mirror/reports)
[[ "$got" == "default-report.pdf default-report.png default.csv" ]] || fail "reports on the stick: $got"
mcopy -n -i "$out/good.img" ::rehab-mirror/reports/default-report.pdf \
  ::rehab-mirror/reports/default.csv "$out/"
head -1 "$out/default.csv" | grep -q '^profile,session_id,' || fail "CSV header: $(head -1 "$out/default.csv")"
pdftoppm -r 50 -png -singlefile "$out/default-report.pdf" "$out/report-page" ||
  fail "pdftoppm cannot render the report"
[[ $(stat -c %s "$out/report-page.png") -gt 5000 ]] || fail "the rendered page is empty"

# 2. A bad programme: refused with file, line and reason; nothing changes.
printf '[exercise bridge]\nsets = 3\nreps = 99\n' > "$out/bad.ini"
cp "$stored" "$out/stored-before.ini"
stick bad programme.ini="$out/bad.ini"
printf '3 ok   # continue\n6 ok   # done\n' > "$out/bad.txt"
run bad 8
[[ "$(screens bad)" == "stick-bad stick-done home" ]] || fail "screens: $(screens bad)"
grep -q 'stick: refused: .*rehab-mirror/programme.ini:3: reps must be a whole number' \
  "$out/bad.stderr" || fail "the refusal does not name file, line and reason"
cmp -s "$stored" "$out/stored-before.ini" || fail "a bad programme changed the stored one"
"$helper" remove

# 3. A stick that is not the station's: nothing shown, nothing written.
image other
printf 'holiday photos\n' > "$out/notes.txt"
mcopy -i "$out/other.img" "$out/notes.txt" ::notes.txt
"$helper" add "$out/other.img" 2>> "$out/mount.log"
printf '3 ok   # start a session: home had nothing over it\n' > "$out/other.txt"
run other 5
[[ "$(screens other)" == "home pain-before" ]] || fail "screens: $(screens other)"
"$helper" remove
[[ "$(on_image other /)" == "notes.txt" ]] || fail "the other stick was written: $(on_image other /)"
# 4. People from the stick: Alice and Bob (his own programme), applied by OK.
printf '[alice]\nname = Alice\n[bob]\nname = Bob\nlanguage = de\n' > "$out/profiles.ini"
printf '[exercise bridge]\nsets = 2\nreps = 8\n' > "$out/bob.ini"
stick people profiles.ini="$out/profiles.ini" programmes/bob.ini="$out/bob.ini"
printf '3 ok   # apply\n6 ok   # done\n' > "$out/people.txt"
run people 8
[[ "$(screens people)" == "stick-changes stick-done who" ]] || fail "screens: $(screens people)"
grep -q 'stick: .*profiles.ini applied' "$out/people.stderr" || fail "no 'applied' in the log"
{ grep -q '^\[bob\]$' "$out/data/profiles.ini" && grep -q '^language = de$' "$out/data/profiles.ini"; } ||
  fail "the people are not kept: $(cat "$out/data/profiles.ini" 2>&1)"
grep -q '^reps = 8$' "$out/data/programmes/bob.ini" || fail "Bob's programme is not kept"
grep -q 'profiles: 2 from' "$out/people.stderr" || fail "the station did not read the people again"
"$helper" remove
printf '3 ok   # who\n' > "$out/who.txt"
run who 4
[[ "$(screens who)" == who* ]] || fail "the next start does not ask who: $(screens who)"

# ... and a profiles.ini with an error: refused with its line, nothing kept.
printf '[alice]\nname = Alice\ncolour = red\n' > "$out/profiles.ini"
cp "$out/data/profiles.ini" "$out/profiles-before.ini"
stick badpeople profiles.ini="$out/profiles.ini"
printf '3 ok   # who: Alice\n6 ok   # continue\n9 ok   # done\n' > "$out/badpeople.txt"
run badpeople 11
grep -q 'stick: refused: .*rehab-mirror/profiles.ini:3: ' "$out/badpeople.stderr" ||
  fail "the bad profiles.ini is not refused with its line: $(grep stick "$out/badpeople.stderr")"
cmp -s "$out/data/profiles.ini" "$out/profiles-before.ini" || fail "a bad profiles.ini changed the people"
"$helper" remove
echo "e2e_usb: ok"
