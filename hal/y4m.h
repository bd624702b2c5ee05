/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * y4m: reading and writing YUV4MPEG2 clips, the station's clip format. Only the
 * luma plane is delivered; chroma planes are skipped. Accepted colour spaces,
 * 8 bits a sample: Cmono, C420 and its variants (C420jpeg, C420paldv,
 * C420mpeg2), C422, C444 (what ffmpeg writes for a GIF or an RGB source unless
 * told -pix_fmt) and C411; a missing C tag means 4:2:0. Deeper samples
 * (C420p10, Cmono16, ...) and an alpha plane (C444alpha) are refused with a
 * reason. Any size up to Y4M_MAX_DIM on a side and any rate.
 *
 * Every malformed header or truncated frame is reported through y4m_error()
 * as one line naming the problem; no input makes these functions crash.
 */
#ifndef RM_Y4M_H
#define RM_Y4M_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define Y4M_MAX_DIM 4096

typedef struct y4m_reader y4m_reader;

typedef struct y4m_info {
    int width, height;
    int fps_num, fps_den; /* frame rate as a fraction; 30/1 when the header has none */
    bool mono;            /* Cmono: no chroma planes */
    int chroma_x, chroma_y; /* the chroma planes' subsampling across and down
                               (4:2:0: 2, 2; 4:2:2: 2, 1; 4:4:4: 1, 1; 4:1:1:
                               4, 1); 0, 0 when mono */
} y4m_info;

/* Opens and parses the header. NULL on failure, with a reason in *err (static or
 * into errbuf, which must hold 256 bytes); a path that is not a regular file (a
 * FIFO, a device, a directory) is refused (regfile.h). */
y4m_reader *y4m_open(const char *path, char *errbuf);
void y4m_close(y4m_reader *r);
const y4m_info *y4m_reader_info(const y4m_reader *r);
/* Reads the next frame's luma into the reader's own buffer (stride == width).
 * Returns 1 and sets *luma on a frame, 0 at a clean end of file, -1 on a
 * malformed or truncated frame (reason in errbuf, 256 bytes). *luma stays valid
 * until the next call. */
int y4m_read_frame(y4m_reader *r, const uint8_t **luma, char *errbuf);
/* Goes back to the first frame. */
bool y4m_rewind(y4m_reader *r);

/* Writing: a Cmono clip. */
typedef struct y4m_writer y4m_writer;
y4m_writer *y4m_create(const char *path, int width, int height, int fps_num, int fps_den);
bool y4m_write_frame(y4m_writer *w, const uint8_t *luma, int stride);
/* Flushes and closes; false if any write failed. Accepts NULL. */
bool y4m_finish(y4m_writer *w);

#endif
