/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_libcamera: the real camera through libcamera (Raspberry Pi camera
 * modules and anything else libcamera drives). The implementation is the only
 * C++ in the program (camera_libcamera.cpp); this header is its C face, and is
 * only built when the build found libcamera (HAVE_LIBCAMERA in config.h).
 *
 * One Viewfinder stream, 640x480 or the nearest size the platform offers,
 * YUV420 (NV12 accepted), at a fixed frame rate. Only the Y plane is used.
 * libcamera completes requests on its own thread; that thread only copies the
 * newest Y plane into a "newest frame wins" slot and wakes the main loop with
 * an SDL user event, so camera_poll on the main thread never blocks.
 *
 * A live camera can stall (a loose ribbon cable, a sensor that stops
 * streaming). While no frame has arrived for CAMERA_LIBCAMERA_STALL_MS of real
 * time, camera_poll returns CAMERA_ERROR with "camera stopped sending frames";
 * as soon as frames arrive again it returns CAMERA_FRAME again. A camera that
 * libcamera reports as unplugged returns CAMERA_ERROR for good.
 *
 * libcamera's own log is limited to errors unless REHAB_MIRROR_LOG=debug or
 * LIBCAMERA_LOG_LEVELS is already set.
 */
#ifndef RM_CAMERA_LIBCAMERA_H
#define RM_CAMERA_LIBCAMERA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "camera.h"

/* Real time without a frame after which a live camera reports itself lost. */
#define CAMERA_LIBCAMERA_STALL_MS 2000

/* Opens the camera whose libcamera id is id, or the first camera when id is
 * NULL or empty, and starts it streaming. opt->fps sets the frame rate
 * (default 15); the frame size is the backend's own (640x480 when offered).
 * Frame timestamps are clock_now_ms(clock) at the poll that hands the frame
 * over, strictly rising. NULL on failure with a one-line reason in errbuf (256
 * bytes), e.g. "no camera found by libcamera (0 cameras)" or one naming the
 * id; with no camera it returns at once. A camera already open (here or in
 * another program) is refused as in use. Main thread only. */
camera *camera_libcamera_create(const char *id, const camera_options *opt,
                                const rm_clock *clock, char *errbuf);

/* For `doctor`: writes a few lines into out (cap bytes, always terminated):
 * the libcamera version, then one line per camera with its id and model.
 * Returns the number of cameras, or -1 when libcamera could not start (the
 * reason is in out). Shares the camera manager with any open camera (and
 * starts and stops it when none is open). Main thread only. */
int camera_libcamera_list(char *out, size_t cap);

/* The libcamera version the program runs against, e.g. "v0.0.3". Any thread. */
const char *camera_libcamera_version(void);

#ifdef __cplusplus
}
#endif

#endif
