#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the lit pixels (any channel above 60) of a screenshot inside a box
given as fractions of the width and height, so an end-to-end test can check
that a line of text is (or is not) drawn somewhere. Reads the 8-bit RGB or
RGBA, non-interlaced PNGs the station writes (app/ui/shot.c), nothing else.
Usage: png_lit.py FILE.png X0 Y0 X1 Y1   (e.g. 0 0.8 1 0.9: a band near the bottom)
Prints the count."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                sys.exit(f"{path}: only 8-bit RGB/RGBA, non-interlaced")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def main():
    path, box = sys.argv[1], [float(v) for v in sys.argv[2:6]]
    w, h, bpp, rows = read_png(path)
    x0, x1 = int(box[0] * w), int(box[2] * w)
    y0, y1 = int(box[1] * h), int(box[3] * h)
    lit = sum(1 for y in range(y0, y1) for x in range(x0, x1)
              if max(rows[y][x * bpp:x * bpp + 3]) > 60)
    print(lit)


main()
