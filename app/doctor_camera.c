/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doctor_camera: see doctor_camera.h. The look opens the camera as the
 * station would (the same spec, with its fallbacks left to the caller) for
 * at most LOOK_MS; a camera the station holds cannot be opened a second time,
 * which is said.
 */
#include "doctor_camera.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "camera.h"
#include "camera_look.h"
#include "clock.h"
#include "config.h"
#include "reps.h"
#if HAVE_LIBCAMERA
#include "camera_libcamera.h"
#include "dpkg_status.h"
#endif

#define LOOK_MS 3000   /* the longest look: a camera slower than this to start is lost */
#define LOOK_FRAMES 15 /* a second of the station's frame rate */

/* What the counter would make of the picture, and what to do about it. */
static void advise(const camera_look_result *r)
{
    switch (r->verdict) {
    case CAMERA_LOOK_OK:
        break;
    case CAMERA_LOOK_NONE:
        printf("  -> no picture came in %d s: the station would show 'camera lost'. Is the "
               "station running? A camera serves one program at a time\n", LOOK_MS / 1000);
        break;
    case CAMERA_LOOK_FAILED:
        printf("  -> the camera failed: %s\n", r->error);
        break;
    case CAMERA_LOOK_DARK:
        printf("  -> the picture is nearly black (brightness %.0f of 255): nothing can be "
               "counted in it. Light the room, or check that the lens is uncovered\n", r->mean);
        break;
    case CAMERA_LOOK_GLARE:
        printf("  -> %.0f%% of the picture is white: too much light into the lens (a window or "
               "lamp behind the mat?). Turn the camera or shade the light\n",
               100.0 * r->white_share);
        break;
    case CAMERA_LOOK_SLOW:
        printf("  -> %.1f frames a second is too few to follow a rep (%d at least)\n", r->fps,
               CAMERA_LOOK_MIN_FPS);
        break;
    }
}

/* Opens the camera of spec and looks at its picture. */
static void report_picture(const char *spec)
{
    char err[256] = "";
    rm_clock *clock = clock_create_real();
    camera_options opt = camera_default_options();
    camera *cam = camera_create(spec, &opt, clock, err);
    if (!cam) {
        printf("  picture: the camera cannot be opened: %s\n", err);
        printf("  -> is the station running? A camera serves one program at a time\n");
        clock_destroy(clock);
        return;
    }
    camera_look_result r;
    camera_look(cam, clock, LOOK_MS, LOOK_FRAMES, &r);
    camera_destroy(cam);
    clock_destroy(clock);
    if (r.frames > 0)
        printf("  picture: %d frame%s of %dx%d, the first after %lld ms, %.1f a second; "
               "brightness %.0f of 255\n",
               r.frames, r.frames == 1 ? "" : "s", r.width, r.height, (long long)r.first_ms,
               r.fps, r.mean);
    else
        printf("  picture: none\n");
    advise(&r);
}

#if HAVE_LIBCAMERA
/* A libcamera works only with camera modules (libcamera-ipa) of its own
 * version: a package built against another libcamera (Debian's, installed on
 * Raspberry Pi OS, whose libcamera is its own) finds no camera it can use. */
static void report_camera_modules(void)
{
    char ipa[64];
    const char *lib = camera_libcamera_version();
    if (!dpkg_installed_version(dpkg_admindir(), "libcamera-ipa", ipa, sizeof ipa) ||
        version_same_minor(ipa, lib))
        return;
    printf("  -> the camera modules installed (libcamera-ipa %s) are not for this program's "
           "libcamera (%s), and work only with their own: build the package on this system "
           "(scripts/package) and install that\n",
           ipa, lib);
}
#endif

/* A person lying on the mat, head to feet, for how much of the picture's
 * width they span. */
#define PERSON_LYING_M 1.7

/* Where the camera is (camera_distance, camera_view), what a person lying
 * there looks like in its picture, and what the counter makes of it. */
static void report_placement(const settings *cfg)
{
    double d = cfg->camera_distance_m, view = cfg->camera_view_deg;
    double across = reps_view_width_m(d, view); /* > 0: settings.c keeps both in range */
    double share = across > 0.0 ? PERSON_LYING_M / across : 0.0;
    printf("  placed %.1f m from the mat, seeing %.0f degrees across: %.1f m wide there; a "
           "person lying down spans about %.0f%% of the picture (the counter's smallest "
           "movement at %.2f of the framing it was tuned on)\n",
           d, view, across, 100.0 * (share < 1.0 ? share : 1.0),
           (double)reps_camera_scale(d, view));
    if (share < 0.4)
        printf("  -> someone lying there is small in the picture and small reps may go "
               "uncounted: bring the camera nearer (README, Hardware), or set "
               "camera_distance and camera_view to where it really is\n");
    else if (share > 1.0)
        printf("  -> someone lying there does not fit in the picture: move the camera back, "
               "or set camera_distance and camera_view to where it really is\n");
}

void doctor_report_camera(const settings *cfg)
{
    printf("\nCamera\n");
    const char *spec = cfg->camera[0] ? cfg->camera : HAVE_LIBCAMERA ? "libcamera" : "synthetic";
    printf("  configured: %s%s\n", spec, cfg->camera[0] ? "" : " (auto)");
    report_placement(cfg);
    if (!strncmp(spec, "replay:", 7)) {
        char path[sizeof cfg->camera];
        snprintf(path, sizeof path, "%.*s", (int)strcspn(spec + 7, "@"), spec + 7); /* @: faults */
        bool ok = access(path, R_OK) == 0;
        printf("  clip %s: %s\n", path, ok ? "readable" : "cannot be read");
        if (!ok)
            printf("  -> the station will use the synthetic camera instead\n");
        else
            report_picture(spec);
        return;
    }
    if (strncmp(spec, "libcamera", 9) != 0) {
        printf("  the synthetic person (no camera needed)\n");
        return;
    }
#if HAVE_LIBCAMERA
    char text[2048];
    int n = camera_libcamera_list(text, sizeof text);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        printf("  %s\n", line);
    if (n <= 0)
        printf("  -> no camera: the station will use the synthetic person instead. "
               "Check the ribbon cable and that the camera is enabled\n");
    report_camera_modules();
    if (n > 0)
        report_picture(spec);
#else
    printf("  libcamera is not built into this program\n");
    printf("  -> the station will use the synthetic person instead\n");
#endif
}
