#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real clips with a pause: people at the station rest between reps, web clips
rarely do. For every clip in CLIPS_DIR (scripts/real-clips output: NAME.y4m
and NAME.json) with two or more reps, writes to OUT_DIR the clip with the
frame at its first rep's return to rest repeated for SECONDS (default 10),
and its labels with the later reps' times moved by as much. Score OUT_DIR
with rm-evaluate, beside the same clips without the pause.

usage: insert_pause.py CLIPS_DIR OUT_DIR [SECONDS]
"""
import glob
import json
import os
import sys


def frame_rate(header):
    """Frames per second from a Y4M header's F<num>:<den> field."""
    for field in header.split():
        if field.startswith(b"F"):
            num, den = field[1:].split(b":")
            return int(num) / int(den)
    raise ValueError("no frame rate in the Y4M header")


def with_pause(name, src, dst, seconds):
    """Writes NAME with a pause after rep 1; False where it has no room for one."""
    labels = json.load(open(os.path.join(src, name + ".json")))
    reps = labels.get("reps") or []
    if labels.get("count", 0) < 2 or len(reps) < 2:
        return False
    data = open(os.path.join(src, name + ".y4m"), "rb").read()
    header, rest = data.split(b"\n", 1)
    fps = frame_rate(header)
    frames = rest.split(b"FRAME\n")[1:]
    at = int(reps[0]["end_ms"] * fps / 1000.0)
    if at >= len(frames) - 1:
        return False
    pause = int(round(seconds * fps))
    with open(os.path.join(dst, name + ".y4m"), "wb") as out:
        out.write(header + b"\n")
        for i, frame in enumerate(frames):
            out.write(b"FRAME\n" + frame)
            if i == at:
                for _ in range(pause):
                    out.write(b"FRAME\n" + frame)
    after_ms = (at + 1) * 1000.0 / fps
    for rep in reps:
        for key in ("end_ms", "top_ms"):
            if rep.get(key) is not None and rep[key] >= after_ms:
                rep[key] = int(round(rep[key] + pause * 1000.0 / fps))
    json.dump(labels, open(os.path.join(dst, name + ".json"), "w"))
    return True


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    src, dst = argv[1], argv[2]
    seconds = float(argv[3]) if len(argv) == 4 else 10.0
    os.makedirs(dst, exist_ok=True)
    names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(src, "*.json")))
    done = sum(with_pause(n, src, dst, seconds) for n in names)
    print(f"insert_pause: {done} of {len(names)} clips with a {seconds:g} s pause in {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
