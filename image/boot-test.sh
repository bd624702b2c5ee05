#!/usr/bin/env bash
# Boots an arm64 root file system with the rehab-mirror package installed
# (scripts/build-image's OUT/rootfs) with systemd-nspawn --boot under qemu-user,
# and checks the service there: it reaches running (READY=1 after its first
# screen); a hung main loop (SIGSTOP) is restarted by the watchdog (new main
# pid, NRestarts grows, "Watchdog timeout" in the journal); the reps logged
# before the restart are still in the database after it (sqlite3 inside); ssh
# is off, and maintenance-ssh.service starts it for root when a public key is
# put in /boot/firmware/ssh; prints the boot's journal at warning and above.
# The root stays untouched: it is read-only under a RAM overlay, as overlayroot
# does on the Pi, and a scratch directory stands in for the data partition. A
# test drop-in replaces the display with SDL's dummy driver, the camera with the
# synthetic person and the buttons with a script that starts a session and
# presses OK for reps. --break group hides the gpio group (the test must fail).
# Part of scripts/test-image; needs root and arm64 binfmt (scripts/binfmt-arm64).
# Usage: image/boot-test.sh [--break group] ROOT
set -euo pipefail
brk=
if [[ ${1:-} == --break ]]; then brk=$2; shift 2; fi
root=$(cd "${1:?usage: boot-test.sh [--break group] ROOT}" && pwd)
t0=$SECONDS
step() { echo "== boot-test: $* ($((SECONDS - t0)) s)"; }
exec 3>&2   # for messages from checks whose output wait_for discards
fail() { echo "FAIL: $*" >&3; exit 1; }
work=$(mktemp -d /tmp/rm-boot-test.XXXXXX)
nspawn_pid=
# The container is thrown away: SIGKILL to its PID 1 ends every process in it
# (a SIGTERM to nspawn can leave its systemd waiting in a rescue shell), then
# nspawn exits. The root is untouched (RAM overlay).
cleanup() {
  if [[ -n $nspawn_pid ]]; then
    local l; l=$(leader)
    [[ -n $l ]] && kill -KILL "$l" 2>/dev/null
    sleep 1
    kill "$nspawn_pid" 2>/dev/null || true
    wait "$nspawn_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v systemd-nspawn >/dev/null ||
  fail "systemd-nspawn is missing (systemd-container: scripts/deps image installs it)"
step "boot"
mkdir -p "$work/data" "$work/dropin"
cat > "$work/dropin/test.conf" <<'CONF'
# scripts/test-image: no display, camera or buttons in the container.
[Service]
Environment=SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
ExecStart=
ExecStart=/usr/bin/rehab-mirror --config /etc/rehab-mirror/rehab-mirror.conf --camera synthetic --buttons script:/etc/rehab-mirror/test-buttons.txt --no-sound --window 320x240 --software-renderer
CONF
# Home -> pain check-in -> intro -> position -> set, then OK adds reps by hand.
printf '%s\n' '2 ok' '3 ok' '4 ok' '5 ok' '7 ok' '8 ok' '9 ok' > "$work/buttons.txt"
binds=(--bind="$work/data:/var/lib/rehab-mirror"
       --bind-ro="$work/dropin:/etc/systemd/system/rehab-mirror.service.d"
       --bind-ro="$work/buttons.txt:/etc/rehab-mirror/test-buttons.txt")
if [[ $brk == group ]]; then   # fault injection: no gpio group
  grep -v '^gpio:' "$root/etc/group" > "$work/group"
  binds+=(--bind-ro="$work/group:/etc/group")
fi
systemd-nspawn --quiet --boot --directory="$root" --volatile=overlay \
  --register=no --keep-unit --private-network --machine=rehab-mirror-test "${binds[@]}" \
  > "$work/console.txt" 2>&1 &
nspawn_pid=$!
leader() { ps -o pid= --ppid "$nspawn_pid" | head -1 | tr -d ' '; }
inside() { nsenter -t "$(leader)" -a -r -w "$@"; }
svc() { inside systemctl show rehab-mirror.service -p "$1" --value 2>/dev/null; }
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...: until COMMAND succeeds
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > end)) || ! kill -0 "$nspawn_pid" 2>/dev/null; then
      echo "--- console:"; tail -30 "$work/console.txt"
      [[ -n $(leader) ]] && inside journalctl -u rehab-mirror.service --no-pager | tail -30
      fail "timed out after ${limit}s waiting for: $what"
    fi
    sleep 2
  done
}
running() { [[ $(svc ActiveState) == active && $(svc SubState) == running ]]; }
reps() { inside sqlite3 /var/lib/rehab-mirror/adherence.db 'SELECT id FROM reps ORDER BY id' | paste -sd' '; }
have_reps() { [[ -n $(reps) ]]; }
# "degraded" is expected: under qemu-user, units with credentials
# (systemd-sysusers, -sysctl, -tmpfiles) fail with 243/CREDENTIALS.
booted() { [[ $(inside systemctl is-system-running --wait) =~ ^(running|degraded)$ ]]; }
wait_for 300 "the container's systemd" booted
# Type=notify: "running" only after READY=1, which follows the first screen.
# A service that keeps failing to start fails the test at its third restart.
started() {
  running && return 0
  local n; n=$(svc NRestarts)
  if [[ ${n:-0} -ge 3 ]]; then
    inside journalctl -u rehab-mirror.service --no-pager | tail -15 >&3
    fail "rehab-mirror.service keeps failing to start ($n restarts)"
  fi
  return 1
}
wait_for 180 "rehab-mirror.service running (READY=1 sent)" started
pid1=$(svc MainPID); restarts1=$(svc NRestarts); up_at=$SECONDS
echo "service running, main pid $pid1 (in the container), restarts $restarts1"
inside journalctl -u rehab-mirror.service -o cat --no-pager | grep -q 'camera: synthetic' ||
  fail "the station's own log lines are not in the journal"
wait_for 180 "reps in the database" have_reps
# Alive past one whole WatchdogSec with the same pid: the loop's pings arrive.
wd=$(svc WatchdogUSec); wd_s=${wd%s}
[[ $wd_s =~ ^[1-9][0-9]*$ ]] || fail "the unit has no watchdog in whole seconds (WatchdogUSec=$wd)"
while ((SECONDS - up_at <= wd_s + 2)); do sleep 1; done
[[ $(svc MainPID) == "$pid1" && $(svc NRestarts) == "$restarts1" ]] ||
  fail "the service restarted without a hang: are the watchdog pings missing?"
echo "still the same process after WatchdogSec=${wd_s}s: the main loop pings the watchdog"
before=$(reps)
echo "reps before the hang: $before"
[[ $(stat -c '%a' "$work/data") == 700 ]] || fail "the data partition's root is not mode 700"

# A warning for the restarted station to log at start: a sound-choices file
# it cannot read. journald must file it at priority warning (<4>), not info.
printf '[sound]\nvolume = loud\n' > "$work/data/sound.ini"

step "hang the main loop (SIGSTOP); the watchdog must restart the service"
inside /bin/sh -c "kill -STOP $pid1"   # the shell's kill: no procps in the root
restarted() { local p; p=$(svc MainPID); [[ $p != 0 && $p != "$pid1" ]] && running; }
wait_for 120 "a restart by the watchdog" restarted
pid2=$(svc MainPID); restarts2=$(svc NRestarts)
inside journalctl -u rehab-mirror.service --no-pager | grep -q 'Watchdog timeout' ||
  fail "the journal does not show a watchdog timeout"
((restarts2 > restarts1)) || fail "NRestarts did not grow ($restarts1 -> $restarts2)"
echo "restarted by the watchdog: main pid $pid1 -> $pid2, NRestarts $restarts1 -> $restarts2"
after=$(reps)
for id in $before; do
  [[ " $after " == *" $id "* ]] || fail "rep $id logged before the restart is gone (after: $after)"
done
echo "reps after the restart: $after"

step "maintenance ssh: off by default, on with a public key on the boot partition"
ssh_state() { inside systemctl is-active ssh.service 2>/dev/null || true; }
[[ $(ssh_state) != active ]] || fail "ssh runs without /boot/firmware/ssh"
ls "$root"/etc/ssh/ssh_host_* >/dev/null 2>&1 && fail "the image carries ssh host keys"
inside /bin/sh -c 'mkdir -p /boot/firmware && echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC1tZXJlbHktYS10ZXN0LWtleS1mb3ItdGhlLWJvb3QtdGVzdA boot-test" > /boot/firmware/ssh'
inside systemctl start maintenance-ssh.service
ssh_on() { [[ $(ssh_state) == active ]]; }
wait_for 120 "ssh started by maintenance-ssh.service" ssh_on
inside grep -q '^ssh-ed25519 ' /root/.ssh/authorized_keys || fail "the key is not root's"
echo "ssh: off without the file; with it, running for root by key"

step "the journal's warnings and errors of this boot (journalctl -p warning)"
inside journalctl -p warning -b --no-pager -o short-monotonic | tail -30
inside journalctl -p warning -u rehab-mirror.service -o cat --no-pager | grep -q 'not a sound choice' ||
  fail "the station's warning is not in the journal at priority warning"
inside journalctl -p info..info -u rehab-mirror.service -o cat --no-pager | grep -q 'not a sound choice' &&
  fail "the station's warning is in the journal at priority info"
echo "the station's warning is filed at priority warning"
step "PASS"
