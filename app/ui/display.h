/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * display: the SDL video driver, window and renderer. It starts SDL video on
 * the driver asked for and refuses a silent fallback (SDL would rather run on
 * its invisible "offscreen" driver than fail: a black screen with a live app);
 * opens a window of the requested size or full-screen at the display mode's
 * size with no cursor; makes a renderer (vsync where the hardware has it, the
 * software one when asked: tests and screenshots, identical pixels on every
 * machine); and turns the picture for a screen mounted on its side.
 *
 * Rotation. Everything is drawn at the logical size (a landscape panel turned
 * 90 or 270 degrees gives a portrait layout) into a target texture, which
 * display_present copies to the screen turned clockwise by `rotation`.
 * Screenshots taken between drawing and display_present read that texture:
 * they show the logical, upright picture. With rotation 0 there is no texture
 * and drawing goes straight to the screen.
 *
 * Must be created and used on the main thread.
 */
#ifndef RM_DISPLAY_H
#define RM_DISPLAY_H

#include <stdbool.h>

#include <SDL.h>

typedef struct display_options {
    int width, height;   /* window size; ignored when fullscreen */
    bool fullscreen;
    bool software;       /* use SDL's software renderer */
    const char *title;
    int rotation;        /* 0, 90, 180, 270: degrees the picture is turned clockwise */
} display_options;

typedef struct display display;

/* --- the video driver ---------------------------------------------------- */

/* Which driver to ask SDL for (pure): the setting when not empty; else the
 * SDL_VIDEODRIVER environment value (env, may be NULL) when not empty; else
 * "kmsdrm" when full-screen with no desktop session; else NULL (SDL's own
 * choice, which must then be a visible screen). */
const char *display_pick_driver(const char *setting, const char *env, bool fullscreen,
                                bool have_desktop);
/* display_pick_driver with this process's environment: SDL_VIDEODRIVER and
 * whether a desktop session (DISPLAY or WAYLAND_DISPLAY) exists. */
const char *display_driver_wanted(const char *setting, bool fullscreen);
/* True when the started driver `got` is `asked` or one of a comma-separated
 * list, ignoring case (SDL 2.26 names the console driver "KMSDRM"). */
bool display_driver_matches(const char *asked, const char *got);
/* True for SDL's drivers that draw into memory and show nothing. */
bool display_driver_invisible(const char *driver);

/* Starts SDL video on the driver display_pick_driver chooses, from the setting
 * (video_driver, "" = auto), the environment and whether a desktop session
 * exists. False with a one-line reason in errbuf (256) when it does not start
 * or SDL started a different driver. */
bool display_start_video(const char *setting, bool fullscreen, char *errbuf);

/* --- the window ---------------------------------------------------------- */

/* NULL with a one-line reason in errbuf (256 bytes). */
display *display_create(const display_options *opt, char *errbuf);
void display_destroy(display *d);
SDL_Renderer *display_renderer(display *d);
/* The logical size in pixels: what the screens are laid out at. */
void display_size(const display *d, int *width, int *height);
/* Before drawing a frame: points the renderer at the logical picture (and
 * follows a change of the window's size). */
void display_begin(display *d);
/* Copies the logical picture to the screen, turned (no-op at rotation 0),
 * without presenting. display_present calls it. */
void display_compose(display *d);
void display_present(display *d);

/* Waits up to timeout_ms for an SDL event (not taking it). Drivers that SDL
 * can block on (x11, wayland) sleep until the event; on the others (kmsdrm,
 * offscreen) SDL_WaitEventTimeout would check every millisecond, so this
 * checks every DISPLAY_POLL_MS instead. */
#define DISPLAY_POLL_MS 20
void display_wait(const display *d, int timeout_ms);

/* --- rotation arithmetic (pure; tested) ----------------------------------- */

/* The logical size for an output of out_w x out_h turned by rotation, and the
 * rectangle SDL_RenderCopyEx must place the logical picture in (before it
 * turns it about its centre) to fill the output. */
void display_layout(int out_w, int out_h, int rotation, int *lw, int *lh, SDL_Rect *dst);
/* Where logical pixel (x, y) of a lw x lh picture lands on the output. */
void display_map_point(int x, int y, int lw, int lh, int rotation, int *px, int *py);

#endif
