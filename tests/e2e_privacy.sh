#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end privacy check: the real binary runs a short scripted session
# (synthetic camera, button script, virtual clock, offscreen video, no
# screenshots) under strace, and the test proves what docs/PRIVACY.md promises:
#  - the data directory holds only adherence.db (and its -wal/-shm), the
#    database is 0600 and the directory 0700;
#  - no image file (PNG, Y4M, PPM, PGM, JPEG) appeared in the output dir or in
#    the $TMPDIR the station was given;
#  - the process and its threads opened no network socket (AF_INET, AF_INET6,
#    AF_PACKET) and connected to no network address;
#  - no file was opened for writing outside the data directory, except the
#    few allowed below, each with its reason;
#  - run as the kiosk service runs (HOME is the data directory, no user
#    session, sound on), the station still leaves nothing but the database
#    there: the sound library is not asked to find a PulseAudio server, which
#    would create $HOME/.config/pulse (issue 15, finding 8).
# Usage: e2e_privacy.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/tmp" "$out/cache"
out=$(cd "$out" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v strace >/dev/null ||
  fail "strace is not installed; it is needed to watch files and sockets (scripts/deps test installs it)"

cat > "$out/programme.ini" <<'INI'
[programme]
name = Privacy
rest_seconds = 10

[exercise bridge]
sets = 1
reps = 4
hold_seconds = 2
INI

# Through the pain check-in, one bridge set with camera reps and a manual rep,
# the pain check-out and the summary, back to the home screen.
cat > "$out/buttons.txt" <<'TXT'
1 ok          # home -> pain check-in
2 up
3 ok          # -> bridge intro
5 ok          # -> get into position
20 ok         # a manual rep
45 ok         # pain after -> summary
50 ok         # summary -> home
TXT

# The data dir does not exist yet: the station must create it 0700. TMPDIR and
# XDG_CACHE_HOME point into the output dir so that anything written there is
# seen by the checks below. LeakSanitizer cannot run under ptrace (it would
# abort the station in the sanitizer build), so leak checking is off for this
# run only; the other tests check leaks.
data=$out/data
set +e
TMPDIR=$out/tmp XDG_CACHE_HOME=$out/cache ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
  strace -f -y -e trace=socket,connect,open,openat,creat -o "$out/strace.txt" \
  "$bin" --virtual-clock --software-renderer --no-sound --window 320x180 \
  --camera synthetic --buttons "script:$out/buttons.txt" \
  --programme "$out/programme.ini" --data-dir "$data" --exit-after 55 2> "$out/stderr.txt"
rc=$?
set -e
[[ $rc -eq 0 ]] || { cat "$out/stderr.txt" >&2; fail "station exited with $rc"; }

# Only the database and its WAL files in the data dir, with private modes.
for f in "$data"/* "$data"/.[!.]*; do
  [[ -e "$f" ]] || continue
  case ${f##*/} in
    adherence.db | adherence.db-wal | adherence.db-shm) ;;
    *) fail "unexpected file in the data dir: $f" ;;
  esac
done
[[ -f "$data/adherence.db" ]] || fail "no adherence.db in $data"
[[ $(stat -c %a "$data") == 700 ]] || fail "data dir mode is $(stat -c %a "$data"), want 700"
for f in "$data"/adherence.db*; do
  [[ $(stat -c %a "$f") == 600 ]] || fail "$f mode is $(stat -c %a "$f"), want 600"
done

# No image anywhere the station could have put one by itself.
images=$(find "$out" -type f \( -iname '*.png' -o -iname '*.y4m' -o -iname '*.ppm' \
  -o -iname '*.pgm' -o -iname '*.jpg' -o -iname '*.jpeg' \) | head -5)
[[ -z "$images" ]] || fail "image files appeared: $images"

# The session was recorded (so the checks above were not of an idle station).
"$bin" export --data-dir "$data" --format json > "$out/export.json" || fail "export json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["sessions"]; assert len(s)==1, s' \
  "$out/export.json" || fail "want one session in the database"

# Sockets and files, from the strace log.
python3 - "$out/strace.txt" "$data" "$out/cache" "$PWD" <<'PY' || fail "strace log: see above"
import os, re, sys
log, data, cache, cwd = sys.argv[1:]
# A directory may show up by the name we gave or, resolved, by its real path.
datas = {data, os.path.realpath(data)}
caches = {cache, os.path.realpath(cache)}

def allowed_write(path):
    if any(path == d or path.startswith(d + "/") for d in datas):
        return True    # the adherence log and its -journal/-wal/-shm
    if path == "/dev/null":
        return True    # discarding output
    if path.startswith("/dev/shm/"):
        return True    # POSIX shared memory (SDL/audio buffers), never a file on disk
    if any(path.startswith(c + "/mesa_shader_cache") for c in caches):
        return True    # Mesa's cache of compiled GPU shaders (SDL's EGL probe); no user data
    if path == "/dev/udmabuf":
        return True    # Mesa's software renderer (Debian 13) asks it for dma-buf memory: a device, no file
    return False

bad = []
calls = 0
for line in open(log, errors="replace"):
    m = re.search(r"\b(socket)\((AF_[A-Z0-9]+)", line)
    if m:
        calls += 1
        # AF_UNIX is local IPC: glibc's nscd lookup (getpwuid) and lttng-ust's
        # tracing probe (a libcamera dependency) try it; neither leaves the host.
        if m.group(2) in ("AF_INET", "AF_INET6", "AF_PACKET"):
            bad.append("network socket: " + line.strip())
        continue
    m = re.search(r"\bconnect\(\d+(<[^>]*>)?, \{sa_family=(AF_[A-Z0-9]+)", line)
    if m:
        if m.group(2) != "AF_UNIX":
            bad.append("network connect: " + line.strip())
        continue
    m = re.search(r'\b(open|openat|creat)\((?:(AT_FDCWD|\d+)(?:<([^>]*)>)?, )?"((?:[^"\\]|\\.)*)"(?:, ([A-Z_|]+))?', line)
    if not m:
        continue
    calls += 1
    func, dirfd, dirpath, path, flags = m.groups()
    writes = func == "creat" or any(f in (flags or "") for f in ("O_WRONLY", "O_RDWR", "O_CREAT"))
    if not writes or re.search(r"\) = -1 ", line):
        continue       # a read, or an open that failed: nothing was written
    if not path.startswith("/"):
        path = os.path.join(dirpath if dirpath else cwd, path)
    path = os.path.normpath(path)
    if not allowed_write(path):
        bad.append("write outside the data dir: " + line.strip())
if calls == 0:
    bad.append("the strace log shows no calls at all; was the station traced?")
for b in bad[:20]:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# As the service: HOME is the data dir, no XDG_RUNTIME_DIR (a system service
# has no user session), sound on (with no sound card here the device fails to
# open, after the driver was tried: that is the moment libpulse wrote).
home=$out/home
env -u XDG_RUNTIME_DIR -u PULSE_SERVER -u SDL_AUDIODRIVER HOME="$home" TMPDIR=$out/tmp \
  XDG_CACHE_HOME=$out/cache "$bin" --virtual-clock --software-renderer --window 320x180 \
  --camera synthetic --buttons "script:$out/buttons.txt" --programme "$out/programme.ini" \
  --data-dir "$home" --exit-after 8 2> "$out/stderr-home.txt" ||
  { cat "$out/stderr-home.txt" >&2; fail "station (HOME = data dir) exited with $?"; }
extra=$(find "$home" -mindepth 1 ! -name 'adherence.db*' | head -5)
[[ -z "$extra" ]] || fail "with HOME = the data dir, files appeared there: $extra"
echo "e2e_privacy: 2 passed, 0 failed"
