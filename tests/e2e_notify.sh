#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the station tells a service manager (a fake one: a unix datagram
# socket named by NOTIFY_SOCKET, as systemd's Type=notify) READY=1 after its
# first screen, STATUS= naming each screen it shows with the log's state, and
# STOPPING=1 at the end. Skipped when built without libsystemd.
# Usage: e2e_notify.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
if [[ ${RM_HAVE_LIBSYSTEMD:-1} == 0 ]]; then # set by tests/CMakeLists.txt
  echo "e2e_notify: built without libsystemd, skipped"
  exit 0
fi
printf '1 ok\n' > "$out/buttons.txt" # home -> pain check-in
python3 - "$bin" "$out" > "$out/messages.txt" <<'PY' || fail "the station did not run"
import os, socket, subprocess, sys
binary, out = sys.argv[1], sys.argv[2]
path = os.path.join(out, "notify")
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
env = dict(os.environ, NOTIFY_SOCKET=path)
rc = subprocess.run([binary, "--virtual-clock", "--software-renderer", "--no-sound",
                     "--window", "640x360", "--camera", "synthetic",
                     "--buttons", "script:" + os.path.join(out, "buttons.txt"),
                     "--data-dir", os.path.join(out, "data"), "--exit-after", "4"],
                    env=env, stderr=open(os.path.join(out, "stderr.txt"), "w"),
                    timeout=120).returncode
s.setblocking(False)
while True:
    try:
        print(s.recv(4096).decode())
    except BlockingIOError:
        break
sys.exit(rc)
PY
has() { grep -qxF -- "$1" "$out/messages.txt" || fail "no '$1' among: $(paste -sd'|' "$out/messages.txt")"; }
has "READY=1"
has "STATUS=screen home; log saved"
has "STATUS=screen pain-before; log saved"
has "STOPPING=1"
[[ $(grep -c '^STATUS=screen home' "$out/messages.txt") -eq 1 ]] || fail "STATUS= repeated"
echo "e2e_notify: 5 passed, 0 failed"
