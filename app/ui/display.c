/*
 * display: the SDL window and renderer (see display.h). Full-screen uses the
 * desktop mode (no mode switch, the KMSDRM console's own resolution) and hides
 * the mouse cursor: a kiosk has no pointer. The accelerated renderer is asked
 * for with vsync so the loop does not spin; when it cannot be made (no GPU
 * driver, a headless test) we log one line and fall back to the software
 * renderer, which every SDL video driver supports.
 */
#include "display.h"

#include <stdio.h>

#include "log.h"
#include "xmalloc.h"

struct display {
    SDL_Window *window;
    SDL_Renderer *renderer;
};

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

display *display_create(const display_options *opt, char *errbuf)
{
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (opt->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int w = opt->width > 0 ? opt->width : 1280, h = opt->height > 0 ? opt->height : 720;
    SDL_Window *win = SDL_CreateWindow(opt->title ? opt->title : "rehab-mirror",
                                       SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                       flags);
    if (!win) {
        snprintf(errbuf, 256, "cannot create the window: %s", SDL_GetError());
        return NULL;
    }
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
    return d;
}

void display_destroy(display *d)
{
    if (!d)
        return;
    SDL_DestroyRenderer(d->renderer);
    SDL_DestroyWindow(d->window);
    free(d);
}

SDL_Renderer *display_renderer(display *d) { return d->renderer; }

void display_size(const display *d, int *width, int *height)
{
    if (SDL_GetRendererOutputSize(d->renderer, width, height) != 0)
        SDL_GetWindowSize(d->window, width, height);
}

void display_present(display *d) { SDL_RenderPresent(d->renderer); }
