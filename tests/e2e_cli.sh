#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the command line's contract for every command (the station,
# count, synth, export, erase, doctor).
# - --help or -h anywhere on the line prints that command's usage on stdout and
#   exits 0, even after other options or a file name.
# - The main help lists the config keys, the environment and the exit codes.
# - An unknown option exits 2 with exactly one line on stderr.
# - --exit-after takes only finite seconds, more than 0 and at most a year:
#   nan, inf, 1e300, -1, 0 exit 2 (nan used to run for ever, inf and 1e300 to
#   stop at once).
# - Inputs that are not regular files (a device, a directory, a FIFO) are
#   refused with "not a regular file" instead of hanging: --config exits 1;
#   --programme, --camera replay: and --buttons script: fall back with a
#   warning as for a missing file; count exits 1.
# Every run has a time limit, so a hang fails the test instead of stalling it.
# Usage: e2e_cli.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/data" "$out/adir"
mkfifo "$out/fifo"
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0
# A headless station that stops by itself after 2 s of virtual time.
station=(--virtual-clock --software-renderer --no-sound --window 640x360 --camera synthetic
         --buttons keys --data-dir "$out/data")

# run CMD...: runs the binary with a time limit; sets rc, leaves stdout and
# stderr in $out/stdout.txt and $out/stderr.txt.
run() {
  set +e
  timeout -k 5 30 "$bin" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt"
  rc=$?
  set -e
  [[ $rc -ne 124 && $rc -ne 137 ]] || fail "'$*' hung (killed after 30 s)"
}

# help WANT_WORDS ARGS...: --help/-h among ARGS prints usage naming WANT_WORDS.
help() {
  local want=$1; shift
  run "$@"
  [[ $rc -eq 0 ]] || fail "'$*' exited $rc, want 0: $(head -2 "$out/stderr.txt")"
  grep -qF "usage: rehab-mirror $want" "$out/stdout.txt" || fail "'$*' printed no 'usage: rehab-mirror $want'"
  [[ ! -s "$out/stderr.txt" ]] || fail "'$*' wrote to stderr: $(head -2 "$out/stderr.txt")"
  passed=$((passed + 1))
}
help "[OPTIONS]" --help
help "[OPTIONS]" -h
help "[OPTIONS]" help
help "[OPTIONS]" --no-sound --help
help "[OPTIONS]" "${station[@]}" --exit-after 1 -h
help "count" count --help
help "count" count -h
help "count" count --exercise bridge "$out/missing.y4m" --help
help "synth" synth --help
help "synth" synth --exercise bridge "$out/x.y4m" -h
help "export" export --help
help "export" export --format csv --help
help "erase" erase -h
help "erase" erase --data-dir "$out/data" --help
help "doctor" doctor --help
help "doctor" doctor --data-dir "$out/data" -h

# The main help: config keys, environment, exit codes.
run --help
for word in camera buttons data_dir programme display rotation video_driver sound profile \
            REHAB_MIRROR_ASSETS REHAB_MIRROR_LOG XDG_DATA_HOME SDL_VIDEODRIVER NOTIFY_SOCKET \
            JOURNAL_STREAM "Exit status"; do
  grep -qw -- "$word" "$out/stdout.txt" || fail "the main help does not mention $word"
done
passed=$((passed + 1))

# usage_error WANT_TEXT ARGS...: exit 2 with one line on stderr holding WANT_TEXT.
usage_error() {
  local want=$1; shift
  run "$@"
  [[ $rc -eq 2 ]] || fail "'$*' exited $rc, want 2"
  [[ $(wc -l < "$out/stderr.txt") -eq 1 ]] ||
    fail "'$*' wrote $(wc -l < "$out/stderr.txt") lines on stderr, want 1: $(cat "$out/stderr.txt")"
  grep -qF -- "$want" "$out/stderr.txt" || fail "'$*' did not say '$want': $(cat "$out/stderr.txt")"
  [[ ! -s "$out/stdout.txt" ]] || fail "'$*' printed on stdout"
  passed=$((passed + 1))
}
usage_error "--bogus" --bogus
usage_error "-x" -x
usage_error "--bogus" "${station[@]}" --bogus
usage_error "--bogus" count --bogus "$out/missing.y4m"
usage_error "--bogus" synth --exercise bridge --bogus "$out/x.y4m"
usage_error "--bogus" export --data-dir "$out/data" --format csv --bogus
usage_error "--bogus" erase --data-dir "$out/data" --all --bogus
usage_error "--bogus" doctor --bogus
usage_error "--exercise" count --exercise
usage_error "frobnicate" frobnicate
for bad in nan inf -inf 1e300 -1 0 abc ""; do
  usage_error "--exit-after" "${station[@]}" --exit-after "$bad"
done
run "${station[@]}" --exit-after 2
[[ $rc -eq 0 ]] || fail "--exit-after 2 exited $rc: $(cat "$out/stderr.txt")"
passed=$((passed + 1))

# refused WANT_RC ARGS...: exits WANT_RC and says "not a regular file".
refused() {
  local want=$1; shift
  run "$@"
  [[ $rc -eq $want ]] || fail "'$*' exited $rc, want $want: $(cat "$out/stderr.txt")"
  grep -qF "not a regular file" "$out/stderr.txt" ||
    fail "'$*' did not say 'not a regular file': $(cat "$out/stderr.txt")"
  passed=$((passed + 1))
}
for f in /dev/zero "$out/adir" "$out/fifo"; do
  refused 1 "${station[@]}" --exit-after 2 --config "$f"
  refused 1 doctor --data-dir "$out/data" --config "$f"
  refused 1 count --exercise bridge "$f"
  refused 0 "${station[@]}" --exit-after 2 --camera "replay:$f"
  refused 0 "${station[@]}" --exit-after 2 --buttons "script:$f"
done
for f in /dev/urandom "$out/adir" "$out/fifo"; do
  refused 0 "${station[@]}" --exit-after 2 --programme "$f"
done
echo "e2e_cli: $passed passed, 0 failed"
