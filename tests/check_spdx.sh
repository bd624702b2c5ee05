#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file we wrote names its licence: an SPDX line
# ("SPDX-License-Identifier: GPL-3.0-or-later") in its first three lines, after
# any "#!" line. Source files: .c .h .cpp .sh .py .cmake and CMakeLists.txt
# under app/ hal/ tests/ scripts/ cmake/, cmake/config.h.in, the top-level
# CMakeLists.txt, and the extension-less scripts in scripts/. Third-party and
# data files (fonts, clips, fuzz seeds, tests/real/clips with its own licence)
# are not source and are not checked. Prints each file that lacks the line and
# exits 1 if any does.
# Usage: check_spdx.sh SOURCE_DIR
set -euo pipefail
top=$1
cd "$top"
want='SPDX-License-Identifier: GPL-3.0-or-later'
missing=0
checked=0
while IFS= read -r -d '' f; do
  checked=$((checked + 1))
  if ! head -n 3 "$f" | grep -qF "$want"; then
    echo "no SPDX line: $f" >&2
    missing=$((missing + 1))
  fi
done < <(
  find app hal tests scripts cmake -path tests/real/clips -prune -o -path tests/fuzz/corpus -prune \
    -o -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.sh' -o -name '*.py' \
    -o -name '*.cmake' -o -name CMakeLists.txt -o -name config.h.in \) -print0
  find scripts -maxdepth 1 -type f ! -name '*.*' -print0
  printf '%s\0' CMakeLists.txt
)
[[ $checked -gt 50 ]] || { echo "check_spdx: only $checked files found under $top" >&2; exit 1; }
if [[ $missing -gt 0 ]]; then
  echo "check_spdx: $missing of $checked source files lack '$want'" >&2
  exit 1
fi
echo "check_spdx: all $checked source files carry '$want'"
