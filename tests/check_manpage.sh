#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man page renders without a groff warning and names every command, option,
# config key and environment variable that the binary's own --help texts name,
# so the two cannot drift apart.
# Usage: check_manpage.sh REHAB_MIRROR_BINARY MANPAGE
set -euo pipefail
bin=$1
page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed: $warnings"
[[ -z $warnings ]] || fail "groff warnings: $warnings"
text=$(groff -man -Tascii -P-cbou -rHY=0 -rLL=250n "$page" 2>/dev/null)
helps=$("$bin" --help)
for c in count synth doctor export erase; do
  helps+=$'\n'$("$bin" "$c" --help)
done
missing=()
# Long options, commands, environment variables and config keys of the help.
words=$(
  grep -oE -- '--[a-z][a-z-]+' <<<"$helps"
  grep -oE '^ +rehab-mirror [a-z]+' <<<"$helps" | awk '{print $2}'
  grep -oE '^  [A-Z][A-Z_]{3,}' <<<"$helps" | tr -d ' '
  grep -oE ', [A-Z][A-Z_]{3,}' <<<"$helps" | tr -d ', '
  sed -n '/^Config file keys/,/^$/p' <<<"$helps" | grep -oE '^  [a-z_]+(, [a-z_]+)*' |
    tr ',' '\n' | tr -d ' '
)
for w in $(sort -u <<<"$words"); do
  grep -qF -- "$w" <<<"$text" || missing+=("$w")
done
[[ ${#missing[@]} -eq 0 ]] || fail "the man page does not mention: ${missing[*]}"
echo "check_manpage: renders cleanly; $(sort -u <<<"$words" | wc -l) words of --help all there"
