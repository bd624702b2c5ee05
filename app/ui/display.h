/*
 * display: the SDL window and renderer. A window of the requested size (or
 * full-screen at the display mode's size), a renderer that is the software one
 * when asked (tests and screenshots: identical pixels on every machine), and
 * the layout size the screens draw at. Portrait or landscape follows from the
 * size: a window taller than wide is laid out as portrait.
 *
 * Must be created and used on the main thread, after SDL_Init(SDL_INIT_VIDEO).
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
} display_options;

typedef struct display display;

/* NULL with a one-line reason in errbuf (256 bytes). */
display *display_create(const display_options *opt, char *errbuf);
void display_destroy(display *d);
SDL_Renderer *display_renderer(display *d);
/* The drawable size in pixels. */
void display_size(const display *d, int *width, int *height);
void display_present(display *d);

#endif
