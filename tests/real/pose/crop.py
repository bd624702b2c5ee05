#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A pose pass that finds the person, and the motion counter inside that box.

Issue 12 asks whether a pose model run at a low rate, to find where the
person is, would let motion count better. This writes each clip again, cut
to the box the pose model found the person in over the whole clip, so that
`rm-evaluate` can count it with the unchanged counter. An assessment only:
nothing here is part of the product, its build or CI.

    tests/real/pose/run.sh blazepose-full.json 2 640 LABEL_DIR POSE_DIR MIRRORS_DIR
    tests/real/pose/crop.py POSE_DIR LABEL_DIR MIRRORS_DIR OUT_DIR [--margin M]
    BUILD/tests/corpus/rm-evaluate OUT_DIR

The box: the 2nd to 98th percentile of the keypoints scored 0.3 or more in
all the clip's frames, widened on every side by M (default 0.2) times its
longer side, within the frame. A clip with fewer than 20 such keypoints is
kept whole. The box is cut from the original file, so the person keeps all
the pixels the camera had, and scaled to 320 pixels on its longer side.
"""
import argparse
import json
import os
import subprocess
import sys

MIN_SCORE = 0.3
MIN_POINTS = 20
POSE_SIDE = 640  # run.sh's MAX_SIDE: keypoints are in a frame this long


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def y4m_size(path):
    with open(path, 'rb') as f:
        fields = f.readline().split()
    return int(fields[1][1:]), int(fields[2][1:])


def person_box(jsonl, width, height, margin):
    """(x0, x1, y0, y1) as shares of the frame, or the whole frame."""
    w, h = (POSE_SIDE, POSE_SIDE * height / width) if width >= height else \
           (POSE_SIDE * width / height, POSE_SIDE)
    xs, ys = [], []
    if os.path.exists(jsonl):
        with open(jsonl) as f:
            for line in f:
                for _, x, y, score in json.loads(line)['k']:
                    if score >= MIN_SCORE:
                        xs.append(x / w)
                        ys.append(y / h)
    if len(xs) < MIN_POINTS:
        return 0.0, 1.0, 0.0, 1.0
    x0, x1 = percentile(xs, 0.02), percentile(xs, 0.98)
    y0, y1 = percentile(ys, 0.02), percentile(ys, 0.98)
    grow = margin * max((x1 - x0) * w, (y1 - y0) * h)
    return (max(0.0, x0 - grow / w), min(1.0, x1 + grow / w),
            max(0.0, y0 - grow / h), min(1.0, y1 + grow / h))


def git_dir(mirrors, repo):
    """The repository's git directory under mirrors (scripts/mirror-gitdir), or None."""
    script = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'scripts', 'mirror-gitdir')
    found = subprocess.run([script, mirrors, repo], capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 else None


def cut(src, box, out):
    x0, x1, y0, y1 = box
    vf = (f'crop=trunc(iw*{x1 - x0:.4f}/2)*2:trunc(ih*{y1 - y0:.4f}/2)*2:'
          f'trunc(iw*{x0:.4f}):trunc(ih*{y0:.4f}),'
          "scale='if(gte(iw,ih),320,-2)':'if(gte(iw,ih),-2,320)'")
    return subprocess.run(['ffmpeg', '-v', 'error', '-nostdin', '-y', '-i', src, '-vf', vf,
                           '-pix_fmt', 'gray', '-f', 'yuv4mpegpipe', out]).returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('pose_dir')
    ap.add_argument('label_dir')
    ap.add_argument('mirrors_dir')
    ap.add_argument('out_dir')
    ap.add_argument('--margin', type=float, default=0.2)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    manifest = os.path.join(os.path.dirname(__file__), '..', 'clips.tsv')
    failed = 0
    with open(manifest) as f:
        rows = [line.rstrip('\n').split('\t') for line in f][1:]
    for name, repo, commit, path, *_ in rows:
        label = f'{a.label_dir}/{name}.json'
        gd = git_dir(a.mirrors_dir, repo)
        if not os.path.exists(label) or gd is None:
            continue
        box = person_box(f'{a.pose_dir}/{name}.jsonl', *y4m_size(f'{a.label_dir}/{name}.y4m'),
                         a.margin)
        src = f'{a.out_dir}/{name}.src'
        with open(src, 'wb') as fh:
            subprocess.run(['git', f'--git-dir={gd}', 'show', f'{commit}:{path}'], stdout=fh)
        ok = cut(src, box, f'{a.out_dir}/{name}.y4m')
        os.remove(src)
        if ok:
            subprocess.run(['cp', label, a.out_dir])
            print(f'{name}: x {box[0]:.2f}-{box[1]:.2f}, y {box[2]:.2f}-{box[3]:.2f}')
        else:
            print(f'{name}: ffmpeg could not cut it', file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
