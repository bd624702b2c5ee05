#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the Y4M seed corpus for fuzz_y4m into DIR (default: corpus/fuzz_y4m
beside this script): tiny valid clips (8x8 Cmono, 8x8 C420jpeg, odd 5x3 C420,
C422, C444 and C411)
and the hostile cases the reader must refuse or stop on cleanly (huge, zero and
missing sizes, truncated frames). Deterministic, so the files only change when
this script does. Usage: make_y4m_seeds.py [DIR]"""
import os
import sys


def frame(w, h, mono, k, sub=(2, 2)):
    luma = bytes((k * 37 + x * 3 + y * 11) & 0xFF for y in range(h) for x in range(w))
    cw, ch = -(-w // sub[0]), -(-h // sub[1])
    chroma = b"" if mono else bytes([0x80]) * (2 * cw * ch)
    return b"FRAME\n" + luma + chroma


def clip(header, w, h, mono, frames, sub=(2, 2)):
    return header + b"\n" + b"".join(frame(w, h, mono, k, sub) for k in range(frames))


SEEDS = {
    "mono8x8.y4m": clip(b"YUV4MPEG2 W8 H8 F30:1 Ip A1:1 Cmono", 8, 8, True, 2),
    "c420jpeg8x8.y4m": clip(b"YUV4MPEG2 W8 H8 F25:1 Ip A0:0 C420jpeg XYSCSS=420JPEG",
                            8, 8, False, 2),
    "odd5x3.y4m": clip(b"YUV4MPEG2 C420 H3 W5 F30000:1001", 5, 3, False, 1),
    "c422odd5x3.y4m": clip(b"YUV4MPEG2 W5 H3 C422", 5, 3, False, 2, (2, 1)),
    "c444odd5x3.y4m": clip(b"YUV4MPEG2 W5 H3 C444 XYSCSS=444", 5, 3, False, 2, (1, 1)),
    "c411odd5x3.y4m": clip(b"YUV4MPEG2 W5 H3 C411", 5, 3, False, 2, (4, 1)),
    "huge.y4m": b"YUV4MPEG2 W100000 H100000 Cmono\nFRAME\n\x00\x00",
    "zero.y4m": b"YUV4MPEG2 W0 H8 Cmono\n",
    "nosize.y4m": b"YUV4MPEG2 F30:1\n",
    "truncated.y4m": clip(b"YUV4MPEG2 W8 H8 Cmono", 8, 8, True, 2)[:-10],
    "badframe.y4m": b"YUV4MPEG2 W2 H2 Cmono\nFRAME\nabcdFRAMX\nabcd",
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus", "fuzz_y4m")
    os.makedirs(out, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
