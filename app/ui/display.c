/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * display: the SDL video driver, window and renderer (see display.h).
 *
 * Driver. SDL tries its drivers in turn and, finding no screen, settles on
 * "offscreen", which draws into memory: the station would run, count and log
 * with nothing on the screen. So the driver is chosen here (the setting, the
 * SDL_VIDEODRIVER variable, or kmsdrm for a full-screen station with no
 * desktop), asked for with an override hint, and checked after SDL starts.
 *
 * Window. Full-screen uses the desktop mode (no mode switch: the KMSDRM
 * console's own resolution) and hides the mouse cursor: a kiosk has no
 * pointer. The accelerated renderer is asked for with vsync, so presenting
 * paces the loop at the display's rate; when it cannot be made (no GPU
 * driver, a headless test) one line is logged and the software renderer,
 * which every SDL video driver supports, is used instead.
 *
 * Rotation: the screens draw into a target texture at the logical size;
 * display_compose copies it turned about its centre into a rectangle the
 * logical size, centred on the output, which the turn makes fill the output.
 */
#include "display.h"

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "xmalloc.h"

struct display {
    SDL_Window *window;
    SDL_Renderer *renderer;
    int rotation;
    bool can_block;        /* SDL_WaitEventTimeout sleeps on this driver */
    SDL_Texture *target;   /* the logical picture; NULL at rotation 0 */
    int out_w, out_h;      /* output size the target was made for */
    int lw, lh;            /* logical size */
    SDL_Rect dst;
};

/* --- the video driver ---------------------------------------------------- */

const char *display_pick_driver(const char *setting, const char *env, bool fullscreen,
                                bool have_desktop)
{
    if (setting && *setting)
        return setting;
    if (env && *env)
        return env;
    if (fullscreen && !have_desktop)
        return "kmsdrm";
    return NULL;
}

bool display_driver_matches(const char *asked, const char *got)
{
    size_t n = strlen(got);
    for (const char *p = asked; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && SDL_strncasecmp(p, got, n) == 0)
            return true;
        p = comma ? comma + 1 : NULL;
    }
    return false;
}

bool display_driver_invisible(const char *driver)
{
    return !SDL_strcasecmp(driver, "offscreen") || !SDL_strcasecmp(driver, "dummy") ||
           !SDL_strcasecmp(driver, "evdev");
}

static bool have_desktop(void)
{
    const char *x = SDL_getenv("DISPLAY"), *w = SDL_getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

const char *display_driver_wanted(const char *setting, bool fullscreen)
{
    return display_pick_driver(setting, SDL_getenv("SDL_VIDEODRIVER"), fullscreen,
                               have_desktop());
}

bool display_start_video(const char *setting, bool fullscreen, char *errbuf)
{
    const char *want = display_driver_wanted(setting, fullscreen);
    if (want)
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, want, SDL_HINT_OVERRIDE);
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(errbuf, 256,
                 "video driver '%.40s' did not start (%.80s); on the console the user needs "
                 "the video and render groups",
                 want ? want : "auto", SDL_GetError());
        return false;
    }
    const char *got = SDL_GetCurrentVideoDriver();
    got = got ? got : "none";
    if (want ? !display_driver_matches(want, got) : display_driver_invisible(got)) {
        snprintf(errbuf, 256,
                 "asked for video driver '%.40s' but SDL started '%.40s', which nobody would "
                 "see. Set video_driver (kmsdrm on a console) or run under a desktop",
                 want ? want : "auto", got);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return false;
    }
    log_info("video driver: %s", got);
    return true;
}

/* --- rotation arithmetic ------------------------------------------------- */

static bool sideways(int rotation)
{
    return rotation == 90 || rotation == 270;
}

void display_layout(int out_w, int out_h, int rotation, int *lw, int *lh, SDL_Rect *dst)
{
    *lw = sideways(rotation) ? out_h : out_w;
    *lh = sideways(rotation) ? out_w : out_h;
    *dst = (SDL_Rect){ (out_w - *lw) / 2, (out_h - *lh) / 2, *lw, *lh };
}

void display_map_point(int x, int y, int lw, int lh, int rotation, int *px, int *py)
{
    switch (rotation) {
    case 90: *px = lh - 1 - y, *py = x; break;
    case 180: *px = lw - 1 - x, *py = lh - 1 - y; break;
    case 270: *px = y, *py = lw - 1 - x; break;
    default: *px = x, *py = y; break;
    }
}

/* --- the window ---------------------------------------------------------- */

static SDL_Renderer *make_renderer(SDL_Window *w, bool software)
{
    if (!software) {
        SDL_Renderer *r =
            SDL_CreateRenderer(w, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (r)
            return r;
        log_warn("no accelerated renderer (%s); using the software one", SDL_GetError());
    }
    return SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
}

/* Drivers whose SDL_WaitEventTimeout sleeps in the kernel (SDL 2.26). */
static bool driver_can_block(void)
{
    const char *d = SDL_GetCurrentVideoDriver();
    return d && (!SDL_strcasecmp(d, "x11") || !SDL_strcasecmp(d, "wayland") ||
                 !SDL_strcasecmp(d, "windows") || !SDL_strcasecmp(d, "cocoa"));
}

/* The output's size, or the window's when the renderer cannot say. */
static void output_size(const display *d, int *w, int *h)
{
    if (SDL_GetRendererOutputSize(d->renderer, w, h) != 0)
        SDL_GetWindowSize(d->window, w, h);
}

/* (Re)makes the target texture when the output size changed. False when the
 * renderer cannot render to a texture: the picture is then drawn unturned. */
static bool fit_target(display *d)
{
    int w, h;
    output_size(d, &w, &h);
    if (d->target && w == d->out_w && h == d->out_h)
        return true;
    if (d->target)
        SDL_DestroyTexture(d->target);
    d->out_w = w;
    d->out_h = h;
    display_layout(w, h, d->rotation, &d->lw, &d->lh, &d->dst);
    d->target = SDL_CreateTexture(d->renderer, SDL_PIXELFORMAT_ARGB8888,
                                  SDL_TEXTUREACCESS_TARGET, d->lw, d->lh);
    if (!d->target) {
        log_warn("cannot turn the picture (%s); drawing it unturned", SDL_GetError());
        d->rotation = 0;
        return false;
    }
    SDL_SetTextureBlendMode(d->target, SDL_BLENDMODE_NONE);
    return true;
}

static SDL_Window *make_window(const display_options *opt, char *errbuf)
{
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = opt->width > 0 ? opt->width : 1280, h = opt->height > 0 ? opt->height : 720;
    SDL_DisplayMode mode;
    if (opt->fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0)
            w = mode.w, h = mode.h;
    }
    SDL_Window *win = SDL_CreateWindow(opt->title ? opt->title : "rehab-mirror",
                                       SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                       flags);
    if (!win)
        snprintf(errbuf, 256, "cannot create the window: %s", SDL_GetError());
    return win;
}

display *display_create(const display_options *opt, char *errbuf)
{
    if (opt->rotation % 90 || opt->rotation < 0 || opt->rotation > 270) {
        snprintf(errbuf, 256, "rotation %d: want 0, 90, 180 or 270", opt->rotation);
        return NULL;
    }
    SDL_Window *win = make_window(opt, errbuf);
    if (!win)
        return NULL;
    SDL_Renderer *r = make_renderer(win, opt->software);
    if (!r) {
        snprintf(errbuf, 256, "cannot create a renderer: %s", SDL_GetError());
        SDL_DestroyWindow(win);
        return NULL;
    }
    if (opt->fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    display *d = xcalloc(1, sizeof *d);
    d->window = win;
    d->renderer = r;
    d->rotation = opt->rotation;
    d->can_block = driver_can_block();
    if (d->rotation)
        fit_target(d);
    return d;
}

void display_destroy(display *d)
{
    if (!d)
        return;
    if (d->target)
        SDL_DestroyTexture(d->target);
    SDL_DestroyRenderer(d->renderer);
    SDL_DestroyWindow(d->window);
    free(d);
}

SDL_Renderer *display_renderer(display *d) { return d->renderer; }

void display_size(const display *d, int *width, int *height)
{
    if (d->rotation && d->target) {
        int w, h;
        output_size(d, &w, &h);
        SDL_Rect dst;
        display_layout(w, h, d->rotation, width, height, &dst);
        return;
    }
    output_size(d, width, height);
}

void display_begin(display *d)
{
    if (d->rotation && fit_target(d))
        SDL_SetRenderTarget(d->renderer, d->target);
}

void display_compose(display *d)
{
    if (!d->rotation || !d->target || SDL_GetRenderTarget(d->renderer) != d->target)
        return;
    SDL_SetRenderTarget(d->renderer, NULL);
    SDL_SetRenderDrawColor(d->renderer, 0, 0, 0, 255);
    SDL_RenderClear(d->renderer);
    SDL_RenderCopyEx(d->renderer, d->target, NULL, &d->dst, d->rotation, NULL, SDL_FLIP_NONE);
}

void display_present(display *d)
{
    display_compose(d);
    SDL_RenderPresent(d->renderer);
}

void display_wait(const display *d, int timeout_ms)
{
    if (timeout_ms <= 0)
        return;
    if (d->can_block) {
        SDL_WaitEventTimeout(NULL, timeout_ms);
        return;
    }
    Uint64 end = SDL_GetTicks64() + (Uint64)timeout_ms;
    for (;;) {
        SDL_PumpEvents();
        if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
            return;
        Uint64 now = SDL_GetTicks64();
        if (now >= end)
            return;
        Uint64 step = end - now < DISPLAY_POLL_MS ? end - now : DISPLAY_POLL_MS;
        SDL_Delay((Uint32)step);
    }
}
