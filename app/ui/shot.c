/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * shot: screenshots (see shot.h). The renderer's current target is read back
 * as packed RGB24 and written row by row with libpng (8-bit RGB, no alpha:
 * the screen is opaque). libpng reports errors by longjmp; everything the
 * error path frees is set up before setjmp so nothing is clobbered.
 */
#include "shot.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "xmalloc.h"

static bool target_size(SDL_Renderer *r, int *w, int *h)
{
    SDL_Texture *t = SDL_GetRenderTarget(r);
    if (t)
        return SDL_QueryTexture(t, NULL, NULL, w, h) == 0;
    return SDL_GetRendererOutputSize(r, w, h) == 0;
}

/* Writes w x h RGB24 rows to fp. False on a libpng error. */
static bool write_png(FILE *fp, const uint8_t *rgb, int w, int h, const char *path)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        log_error("%s: cannot start libpng", path);
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        log_error("%s: libpng failed while writing", path);
        return false;
    }
    png_init_io(png, fp);
    /* Fast over small: a screenshot is taken at every change of screen (the
     * loop waits for it), and a mostly black one is small at any level. */
    png_set_compression_level(png, 1);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; y++)
        png_write_row(png, rgb + (size_t)y * (size_t)w * 3);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return true;
}

bool shot_save_png(SDL_Renderer *renderer, const char *path)
{
    int w = 0, h = 0;
    if (!target_size(renderer, &w, &h) || w <= 0 || h <= 0) {
        log_error("%s: cannot read the screen size: %s", path, SDL_GetError());
        return false;
    }
    uint8_t *rgb = xmalloc((size_t)w * (size_t)h * 3);
    if (SDL_RenderReadPixels(renderer, NULL, SDL_PIXELFORMAT_RGB24, rgb, w * 3) != 0) {
        log_error("%s: cannot read the screen back: %s", path, SDL_GetError());
        free(rgb);
        return false;
    }
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        log_errno("cannot create %s", path);
        free(rgb);
        return false;
    }
    bool ok = write_png(fp, rgb, w, h, path);
    if (fclose(fp) != 0 && ok) {
        log_errno("cannot write %s", path);
        ok = false;
    }
    free(rgb);
    return ok;
}
