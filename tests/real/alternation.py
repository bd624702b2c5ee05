#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Can the picture's movement tell alternating limbs from one limb's reps?

With alternating limbs the rest pose R lies between two tops R+a (left) and
R+b (right), which change different parts of the picture, so a.b is about 0:
the path is a V with its point at rest. One limb's reps go along a single
path from rest to the top and back, so the pose half-way along the window's
principal direction lies between its ends: a straight path, cosine -1. For
each clip in CLIPS_DIR (scripts/real-clips output) this prints, over 12 s
windows every 3 s, the median cosine between (high end - middle) and
(low end - middle), in a grid of cell means like app/core/motion.c's (24
cells along the longer side, divided by the frame's mean, 10 samples/s),
with the clips the manifest calls alternating marked ALT, sorted by it.

usage: alternation.py CLIPS_DIR [MANIFEST]
"""
import csv
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
from insert_pause import frame_rate  # noqa: E402


def read_y4m(path):
    """A mono Y4M's frames as a (T, H, W) array, and its frame rate."""
    data = open(path, "rb").read()
    end = data.index(b"\n")
    fields = {f[:1]: f[1:] for f in data[:end].split()}
    width, height = int(fields[b"W"]), int(fields[b"H"])
    frames, at = [], end + 1
    while at < len(data):
        at = data.index(b"\n", at) + 1
        frames.append(np.frombuffer(data, np.uint8, width * height, at).reshape(height, width))
        at += width * height
    return np.array(frames, np.float32), frame_rate(data[:end])


def grids(frames, across=24):
    """Cell means over a grid of square cells, divided by the frame's mean."""
    count, height, width = frames.shape
    cell = max(8, max(width, height) // across)
    gw, gh = width // cell, height // cell
    x0, y0 = (width - gw * cell) // 2, (height - gh * cell) // 2
    g = frames[:, y0:y0 + gh * cell, x0:x0 + gw * cell]
    g = g.reshape(count, gh, cell, gw, cell).mean(axis=(2, 4)).reshape(count, -1)
    return g / np.maximum(g.mean(axis=1, keepdims=True), 1.0) * 128.0


def window_cosine(x):
    """cos(high end - middle, low end - middle) along x's principal direction."""
    centred = x - x.mean(0)
    pos = centred @ np.linalg.svd(centred, full_matrices=False)[2][0]
    q = np.quantile(pos, [0.1, 0.45, 0.55, 0.9])
    middle = x[(pos >= q[1]) & (pos <= q[2])]
    if len(middle) == 0:
        return None
    a = x[pos >= q[3]].mean(0) - middle.mean(0)
    b = x[pos <= q[0]].mean(0) - middle.mean(0)
    norm = np.linalg.norm(a) * np.linalg.norm(b)
    return float(a @ b / norm) if norm > 0 else None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    clips = sys.argv[1]
    manifest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__),
                                                                  "clips.tsv")
    rows = []
    for row in csv.DictReader(open(manifest), delimiter="\t"):
        path = os.path.join(clips, row["name"] + ".y4m")
        if not os.path.exists(path):
            continue
        frames, fps = read_y4m(path)
        g = grids(frames)[::max(1, round(fps / 10))]
        cos = [window_cosine(g[s:s + 120]) for s in range(0, max(1, len(g) - 119), 30)]
        cos = [c for c in cos if c is not None]
        if len(g) >= 20 and cos:
            alternating = "alternat" in row["caveats"].lower()
            rows.append((float(np.median(cos)), row["name"], alternating, row["count"]))
    for cos, name, alternating, count in sorted(rows):
        print(f"{cos:+.2f}  {'ALT' if alternating else '   '}  {count:>3}  {name}")


if __name__ == "__main__":
    main()
