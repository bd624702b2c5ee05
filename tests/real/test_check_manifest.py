#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_manifest.py refuses what it must: each case below is a one-row change
to a good two-row manifest, and check_manifest must exit 1 on it naming the
fault, and 0 on the good manifest. Prints `N passed, N failed`."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ("name\trepo\tcommit\tpath\tsha256\texercise\tcount\trep_end_ms\trep_holds\tview\t"
          "orientation\tstart\tsplit\tlicence\tcaveats")
A = ["bridge-a", "someone/videos", "a" * 40, "bridge.mp4", "1" * 64, "bridge", "2",
     "1500,3000", "400-900,?", "side", "landscape", "rest", "tuning", "none", "clear"]
B = ["still-b", "someone/videos", "a" * 40, "plank.mp4", "2" * 64, "generic", "0",
     "-", "-", "front", "portrait", "top", "held-out", "MIT", "a held plank"]


def changed(row, **kw):
    cols = ["name", "repo", "commit", "path", "sha", "exercise", "count", "ends", "holds",
            "view", "orient", "start", "split", "lic", "cav"]
    r = list(row)
    for k, v in kw.items():
        r[cols.index(k)] = v
    return r


CASES = [  # (what, second row, a word the failure line must contain)
    ("the same file twice", changed(B, sha=A[4]), "same file"),
    ("a name twice", changed(B, name=A[0]), "twice"),
    ("an unknown split", changed(B, split="seen"), "split"),
    ("a field missing", B[:-1], "fields"),
    ("too few rep times", changed(A, name="c", sha="3" * 64, count="3"), "rep times"),
    ("rep times out of order", changed(A, name="c", sha="3" * 64, ends="3000,1500"), "rising"),
    ("a rep time that is not a number", changed(A, name="c", sha="3" * 64, ends="1.5s,3000"), "rep times"),
    ("an unknown exercise", changed(B, exercise="squat"), "exercise"),
    ("a short commit", changed(B, commit="abc123"), "commit"),
    ("a hold missing", changed(A, name="c", sha="3" * 64, holds="400-900"), "holds"),
    ("a hold after its return", changed(A, name="c", sha="3" * 64, holds="400-1600,2000-2600"),
     "between"),
    ("a hold before the last return", changed(A, name="c", sha="3" * 64, holds="400-900,1400-2600"),
     "between"),
    ("a hold that is not TOP-LEAVE", changed(A, name="c", sha="3" * 64, holds="400,2000-2600"),
     "hold"),
]


def run(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        f.write("\n".join([HEADER] + ["\t".join(r) for r in rows]) + "\n")
    try:
        p = subprocess.run([sys.executable, os.path.join(HERE, "check_manifest.py"), f.name],
                           capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    return p.returncode, p.stdout


def main():
    passed = failed = 0
    rc, out = run([A, B])
    if rc == 0:
        passed += 1
    else:
        failed += 1
        print(f"FAIL the good manifest was refused:\n{out}")
    for what, row, word in CASES:
        rc, out = run([A, row])
        if rc == 1 and word in out:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}: exit {rc}, no {word!r} in:\n{out}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
