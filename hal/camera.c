/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera: the backend-independent half of camera.h. It turns a spec string
 * into a backend constructor call, dispatches through the backend's ops table,
 * and holds the frame pacing arithmetic that the clock-paced backends (replay,
 * synthetic) share. The backends live in camera_<name>.c.
 *
 * Spec grammar: "synthetic" | "synthetic:EXERCISE" | "replay:FILE" |
 * "libcamera" | "libcamera:ID", each optionally followed by "@FAULT..."
 * (camera_fault.c; so a replayed file's name cannot hold '@'). Anything else is refused with a one-line reason
 * listing the accepted forms; camera_create never falls back by itself.
 */
#include "camera.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#if HAVE_LIBCAMERA
#include "camera_libcamera.h"
#endif

#define ERRLEN 256

camera_options camera_default_options(void)
{
    return (camera_options){
        .loop = false, .width = 320, .height = 240, .fps = 15, .reps = -1, .seed = 1
    };
}

/* If spec is "name" or "name:ARG", true with *arg at ARG (NULL without one). */
static bool match_kind(const char *spec, const char *name, const char **arg)
{
    size_t n = strlen(name);
    if (strncmp(spec, name, n) != 0 || (spec[n] != '\0' && spec[n] != ':'))
        return false;
    *arg = spec[n] == ':' ? spec + n + 1 : NULL;
    return true;
}

static camera *create_synthetic(const char *spec, const char *arg, const camera_options *opt,
                                const rm_clock *clock, char *errbuf)
{
    exercise_kind ex = EXERCISE_CLAMSHELL;
    camera_options with = *opt;
    char name[64] = "";
    const char *comma = arg ? strchr(arg, ',') : NULL;
    if (comma) { /* "EXERCISE,OPTIONS": the options, then the exercise alone */
        if (!camera_synthetic_parse_options(comma + 1, &with, errbuf))
            return NULL;
        snprintf(name, sizeof name, "%.*s", (int)(comma - arg), arg);
        arg = name[0] ? name : NULL;
        opt = &with;
    }
    if (arg && !exercise_parse(arg, &ex)) {
        snprintf(errbuf, ERRLEN,
                 "camera '%.60s': unknown exercise '%.60s' (want clamshell, bridge, "
                 "quad-set or generic)",
                 spec, arg);
        return NULL;
    }
    return camera_synthetic_create(ex, opt, clock, errbuf);
}

static camera *create_libcamera(const char *arg, const camera_options *opt,
                                const rm_clock *clock, char *errbuf)
{
#if HAVE_LIBCAMERA
    return camera_libcamera_create(arg, opt, clock, errbuf);
#else
    (void)arg, (void)opt, (void)clock;
    snprintf(errbuf, ERRLEN, "libcamera support not built (HAVE_LIBCAMERA=0)");
    return NULL;
#endif
}

/* "BASE@FAULTS": the base camera wrapped in the fault injector. */
static camera *create_faulty(const char *spec, const char *at, const camera_options *opt,
                             const rm_clock *clock, char *errbuf)
{
    char base[512];
    snprintf(base, sizeof base, "%.*s", (int)(at - spec), spec);
    camera *inner = camera_create(base, opt, clock, errbuf);
    camera *cam = inner ? camera_fault_wrap(inner, at + 1, errbuf) : NULL;
    if (inner && !cam)
        camera_destroy(inner);
    return cam;
}

camera *camera_create(const char *spec, const camera_options *opt, const rm_clock *clock,
                      char *errbuf)
{
    camera_options defaults = camera_default_options();
    const char *arg = NULL;
    if (!opt)
        opt = &defaults;
    if (!spec)
        spec = "";
    const char *at = strchr(spec, '@');
    if (at)
        return create_faulty(spec, at, opt, clock, errbuf);
    if (match_kind(spec, "synthetic", &arg))
        return create_synthetic(spec, arg, opt, clock, errbuf);
    if (match_kind(spec, "replay", &arg)) {
        if (!arg || !*arg) {
            snprintf(errbuf, ERRLEN, "camera 'replay' needs a file: replay:FILE.y4m");
            return NULL;
        }
        return camera_replay_create(arg, opt, clock, errbuf);
    }
    if (match_kind(spec, "libcamera", &arg))
        return create_libcamera(arg, opt, clock, errbuf);
    snprintf(errbuf, ERRLEN,
             "unknown camera '%.80s' (want synthetic[:EXERCISE], replay:FILE.y4m or "
             "libcamera[:ID])",
             spec);
    return NULL;
}

void camera_destroy(camera *cam)
{
    if (cam)
        cam->ops->destroy(cam);
}

camera_status camera_poll(camera *cam, camera_frame *out)
{
    return cam->ops->poll(cam, out);
}

int64_t camera_next_due_ms(const camera *cam)
{
    return cam->ops->next_due_ms(cam);
}

const char *camera_error(const camera *cam)
{
    return cam->error;
}

const char *camera_name(const camera *cam)
{
    return cam->ops->name;
}

/* The products n * 1000 * den and (d + 1) * num stay far inside int64 for the
 * rates the backends accept (num, den <= 1e6) and any session length. */
int64_t camera_due_ms(int64_t start_ms, int64_t n, int num, int den)
{
    return start_ms + n * 1000 * (int64_t)den / (int64_t)num;
}

int64_t camera_last_due(int64_t start_ms, int64_t now_ms, int num, int den)
{
    int64_t d = now_ms - start_ms;
    if (d < 0)
        return -1;
    /* largest n with floor(n * 1000 * den / num) <= d, i.e. n * 1000 * den < (d + 1) * num */
    return ((d + 1) * (int64_t)num - 1) / (1000 * (int64_t)den);
}
