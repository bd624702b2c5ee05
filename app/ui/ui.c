/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui: the drawing kit (see ui.h). This file holds the fonts, the text cache,
 * rectangles, bars and the dimmed camera view; rings and the demo figure are
 * in ui_figure.c.
 *
 * Text: SDL2_ttf renders a string into a surface, which becomes a texture.
 * Both steps are slow compared with copying a texture, and a screen redraws
 * the same few strings on every camera frame, so rendered strings are kept in
 * a small LRU cache keyed by (string, pixel size, colour, weight). The cache
 * holds at most TEXT_CACHE entries; the least recently used is dropped when a
 * new string arrives, so a count that changes every second costs one render
 * per change and memory stays bounded. Fonts are opened per pixel size (a
 * layout uses a dozen sizes) in a second small LRU, because TTF_SetFontSize
 * would flush the glyph cache on every size switch.
 *
 * Sizes are fractions of the shorter side (ui_unit), so a layout reads the
 * same at 640x480, 1280x720 and 1080x1920.
 */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include <SDL_ttf.h>

#include "log.h"
#include "stretch.h"
#include "xmalloc.h"

/* All colours are at least 4.5:1 against black (white 21:1, grey 8:1, accent
 * cyan 9.8:1, warning amber 11:1, ok green 12:1). */
const ui_color UI_WHITE = { 255, 255, 255 };
const ui_color UI_GREY = { 160, 160, 160 };
const ui_color UI_ACCENT = { 0, 190, 255 };
const ui_color UI_WARN = { 255, 176, 0 };
const ui_color UI_OK = { 90, 220, 110 };
/* The empty part of bars and rings: it shows the whole (the target), so it
 * must read too: 4.6:1 against black, and apart from every fill colour. */
const ui_color UI_TRACK = { 118, 118, 118 };

#define TEXT_CACHE 96
#define UI_DRAWN_MAX 64 /* texts per screen checked for overlaps */
#define FONT_CACHE 16
/* The camera view is contrast-stretched (stretch.h) onto 0..CAMERA_TOP: a
 * person in a dim room stands out, and the picture stays below the white of
 * the words. */
#define CAMERA_TOP 200

typedef struct text_entry {
    char *text; /* NULL: free slot */
    int px;
    ui_color color;
    bool bold;
    SDL_Texture *tex;
    int w, h;
    unsigned long used; /* LRU stamp */
} text_entry;

typedef struct font_entry {
    TTF_Font *font; /* NULL: free slot */
    int px;
    bool bold;
    unsigned long used;
} font_entry;

struct ui {
    SDL_Renderer *renderer;
    char font_path[2][1024]; /* regular, bold */
    int width, height;
    unsigned long clock; /* LRU counter */
    text_entry text[TEXT_CACHE];
    font_entry fonts[FONT_CACHE];
    SDL_Texture *camera; /* streaming ARGB texture for ui_camera_view */
    int camera_w, camera_h;
    uint32_t *camera_px;
    ui_legibility legibility;
    SDL_Rect drawn[UI_DRAWN_MAX]; /* glyph boxes of the texts since the reset */
    int n_drawn;
};

ui *ui_create(SDL_Renderer *renderer, const char *asset_dir, char *errbuf)
{
    if (TTF_Init() != 0) {
        snprintf(errbuf, 256, "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    ui *u = xcalloc(1, sizeof *u);
    u->renderer = renderer;
    snprintf(u->font_path[0], sizeof u->font_path[0], "%s/fonts/DejaVuSans.ttf", asset_dir);
    snprintf(u->font_path[1], sizeof u->font_path[1], "%s/fonts/DejaVuSans-Bold.ttf",
             asset_dir);
    for (int i = 0; i < 2; i++) {
        TTF_Font *f = TTF_OpenFont(u->font_path[i], 12);
        if (!f) {
            snprintf(errbuf, 256, "cannot open font %.160s: %.60s", u->font_path[i], TTF_GetError());
            free(u);
            TTF_Quit();
            return NULL;
        }
        TTF_CloseFont(f);
    }
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    ui_set_size(u, w > 0 ? w : 640, h > 0 ? h : 480);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    return u;
}

void ui_flush_caches(ui *u)
{
    for (int i = 0; i < TEXT_CACHE; i++) {
        free(u->text[i].text);
        if (u->text[i].tex)
            SDL_DestroyTexture(u->text[i].tex);
        u->text[i] = (text_entry){ 0 };
    }
    for (int i = 0; i < FONT_CACHE; i++) {
        if (u->fonts[i].font)
            TTF_CloseFont(u->fonts[i].font);
        u->fonts[i] = (font_entry){ 0 };
    }
}

void ui_destroy(ui *u)
{
    if (!u)
        return;
    ui_flush_caches(u);
    if (u->camera)
        SDL_DestroyTexture(u->camera);
    free(u->camera_px);
    free(u);
    TTF_Quit();
}

void ui_set_size(ui *u, int width, int height)
{
    u->width = width > 0 ? width : 1;
    u->height = height > 0 ? height : 1;
}

int ui_width(const ui *u) { return u->width; }
int ui_height(const ui *u) { return u->height; }
int ui_unit(const ui *u) { return u->width < u->height ? u->width : u->height; }
SDL_Renderer *ui_renderer(const ui *u) { return u->renderer; }

float ui_min_text(const ui *u)
{
    (void)u;
    return UI_MIN_TEXT;
}

/* The font's pixel size for a text size (ui.h: words smaller in portrait). */
static int text_px(const ui *u, float size)
{
    if (u->height > u->width && size < UI_WORDS_MAX)
        size *= UI_PORTRAIT_WORDS;
    return ui_px(u, size);
}

int ui_px(const ui *u, float size)
{
    int px = (int)(size * (float)ui_unit(u) + 0.5f);
    return px > 0 ? px : 1;
}

static void set_color(ui *u, ui_color c, uint8_t alpha)
{
    SDL_SetRenderDrawColor(u->renderer, c.r, c.g, c.b, alpha);
}

void ui_clear(ui *u)
{
    SDL_SetRenderDrawColor(u->renderer, 0, 0, 0, 255);
    SDL_RenderClear(u->renderer);
}

/* The font at px pixels, opened on first use; NULL if it cannot be opened
 * (logged once per size). */
static TTF_Font *font_at(ui *u, int px, bool bold)
{
    font_entry *lru = &u->fonts[0];
    for (int i = 0; i < FONT_CACHE; i++) {
        font_entry *e = &u->fonts[i];
        if (e->font && e->px == px && e->bold == bold) {
            e->used = ++u->clock;
            return e->font;
        }
        if (!e->font || (lru->font && e->used < lru->used))
            lru = e;
    }
    if (lru->font)
        TTF_CloseFont(lru->font);
    lru->font = TTF_OpenFont(u->font_path[bold], px);
    if (!lru->font) {
        log_error("cannot open font %s at %d px: %s", u->font_path[bold], px, TTF_GetError());
        return NULL;
    }
    lru->px = px;
    lru->bold = bold;
    lru->used = ++u->clock;
    return lru->font;
}

static bool entry_matches(const text_entry *e, const char *text, int px, ui_color c, bool bold)
{
    return e->text && e->px == px && e->bold == bold && e->color.r == c.r &&
           e->color.g == c.g && e->color.b == c.b && strcmp(e->text, text) == 0;
}

/* The cached texture for a string, rendering it on a miss. NULL for an empty
 * string or when rendering fails. */
static text_entry *text_get(ui *u, const char *text, int px, ui_color c, bool bold)
{
    if (!text || !*text)
        return NULL;
    text_entry *lru = &u->text[0];
    for (int i = 0; i < TEXT_CACHE; i++) {
        text_entry *e = &u->text[i];
        if (entry_matches(e, text, px, c, bold)) {
            e->used = ++u->clock;
            return e;
        }
        if (!e->text || (lru->text && e->used < lru->used))
            lru = e;
    }
    TTF_Font *font = font_at(u, px, bold);
    if (!font)
        return NULL;
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, (SDL_Color){ c.r, c.g, c.b, 255 });
    if (!s) {
        log_error("cannot render text \"%s\": %s", text, TTF_GetError());
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(u->renderer, s);
    int w = s->w, h = s->h;
    SDL_FreeSurface(s);
    if (!tex) {
        log_error("cannot make a texture for \"%s\": %s", text, SDL_GetError());
        return NULL;
    }
    free(lru->text);
    if (lru->tex)
        SDL_DestroyTexture(lru->tex);
    *lru = (text_entry){ xstrdup(text), px, c, bold, tex, w, h, ++u->clock };
    return lru;
}

int ui_text_cache_count(const ui *u)
{
    int n = 0;
    for (int i = 0; i < TEXT_CACHE; i++)
        n += u->text[i].text != NULL;
    return n;
}

void ui_legibility_reset(ui *u)
{
    u->legibility = (ui_legibility){ 0 };
    u->n_drawn = 0;
}

ui_legibility ui_get_legibility(const ui *u)
{
    return u->legibility;
}

static void note(ui *u, int *counter, const char *what, const char *text)
{
    if (!u->legibility.small && !u->legibility.outside && !u->legibility.unfit &&
        !u->legibility.overlap)
        snprintf(u->legibility.first, sizeof u->legibility.first, "%s: \"%.120s\"", what, text);
    (*counter)++;
    log_debug("illegible text (%s): \"%s\"", what, text);
}

void ui_report_unfit(ui *u, const char *text)
{
    note(u, &u->legibility.unfit, "does not fit", text);
}

/* The glyphs' box, not the font's line box: DejaVu's line leaves about 0.2 of
 * the size empty below the baseline and above the capitals, which may touch
 * the edge. */
static void check_bounds(ui *u, const SDL_Rect *r, int px, const char *text)
{
    int pad = px / 5;
    if (r->x < 0 || r->x + r->w > u->width || r->y + pad < 0 || r->y + r->h - pad > u->height)
        note(u, &u->legibility.outside, "outside the screen", text);
    SDL_Rect g = { r->x, r->y + pad, r->w, r->h - 2 * pad };
    for (int i = 0; i < u->n_drawn; i++)
        if (SDL_HasIntersection(&g, &u->drawn[i])) {
            note(u, &u->legibility.overlap, "over other text", text);
            break;
        }
    if (u->n_drawn < UI_DRAWN_MAX)
        u->drawn[u->n_drawn++] = g;
}

int ui_text(ui *u, const char *text, int x, int y, float size, ui_color color, ui_align align,
            bool bold)
{
    int px = text_px(u, size);
    if (text && *text && px < text_px(u, UI_MIN_TEXT))
        note(u, &u->legibility.small, "too small", text);
    text_entry *e = text_get(u, text, px, color, bold);
    if (!e) {
        TTF_Font *f = font_at(u, px, bold);
        return f ? TTF_FontLineSkip(f) : px;
    }
    SDL_Rect r = { x, y, e->w, e->h };
    if (align == UI_CENTER)
        r.x -= e->w / 2;
    else if (align == UI_RIGHT)
        r.x -= e->w;
    check_bounds(u, &r, px, text);
    SDL_RenderCopy(u->renderer, e->tex, NULL, &r);
    return e->h;
}

int ui_text_width(ui *u, const char *text, float size, bool bold)
{
    TTF_Font *f = font_at(u, text_px(u, size), bold);
    int w = 0, h = 0;
    if (!f || !text || !*text || TTF_SizeUTF8(f, text, &w, &h) != 0)
        return 0;
    return w;
}

/* Copies the longest run of whole words from *p that fits max_width into
 * line (cap bytes) and advances *p past it and the following spaces. A single
 * word wider than the line is taken whole. */
static void next_line(ui *u, const char **p, int max_width, float size, char *line, size_t cap)
{
    const char *s = *p, *best = NULL;
    for (const char *q = s;; q++) {
        if (*q == ' ' || *q == '\n' || *q == '\0') {
            size_t n = (size_t)(q - s);
            if (n >= cap)
                break;
            memcpy(line, s, n);
            line[n] = '\0';
            if (best && ui_text_width(u, line, size, false) > max_width)
                break;
            best = q;
            if (*q != ' ')
                break;
        }
    }
    if (!best) { /* longer than cap: cut */
        best = s + cap - 1;
    }
    size_t n = (size_t)(best - s);
    memcpy(line, s, n);
    line[n] = '\0';
    if (*best == '\n')
        best++;
    while (*best == ' ')
        best++;
    *p = best;
}

static int count_lines(ui *u, const char *text, int max_width, float size)
{
    int lines = 0;
    char line[512];
    const char *p = text ? text : "";
    while (*p) {
        next_line(u, &p, max_width, size, line, sizeof line);
        lines++;
    }
    return lines;
}

/* The narrowest width, to a few pixels, that wraps text into no more lines
 * than max_width does: its lines come out of about equal length, with no
 * word left alone on the last (greedy wrapping's line count only grows as
 * the width shrinks). */
static int balanced_width(ui *u, const char *text, int max_width, float size)
{
    int n = count_lines(u, text, max_width, size);
    if (n < 2)
        return max_width;
    int lo = max_width / n / 2, hi = max_width;
    while (hi - lo > 2) {
        int mid = lo + (hi - lo) / 2;
        if (count_lines(u, text, mid, size) <= n)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

int ui_text_wrapped(ui *u, const char *text, int x, int y, int max_width, float size,
                    ui_color color, ui_align align)
{
    int used = 0;
    char line[512];
    const char *p = text ? text : "";
    max_width = balanced_width(u, p, max_width, size);
    while (*p) {
        next_line(u, &p, max_width, size, line, sizeof line);
        used += ui_text(u, line, x, y + used, size, color, align, false);
    }
    return used;
}

int ui_text_wrapped_height(ui *u, const char *text, int max_width, float size)
{
    TTF_Font *f = font_at(u, text_px(u, size), false);
    return count_lines(u, text, max_width, size) * (f ? TTF_FontHeight(f) : text_px(u, size));
}

void ui_fill_rect(ui *u, int x, int y, int w, int h, ui_color color)
{
    set_color(u, color, 255);
    SDL_RenderFillRect(u->renderer, &(SDL_Rect){ x, y, w, h });
}

void ui_rect_outline(ui *u, int x, int y, int w, int h, int thickness, ui_color color)
{
    int t = thickness > 0 ? thickness : 1;
    ui_fill_rect(u, x, y, w, t, color);
    ui_fill_rect(u, x, y + h - t, w, t, color);
    ui_fill_rect(u, x, y + t, t, h - 2 * t, color);
    ui_fill_rect(u, x + w - t, y + t, t, h - 2 * t, color);
}

/* A dim track with the filled part in colour: left to right when the bar is
 * wider than tall, bottom to top otherwise. */
void ui_bar(ui *u, int x, int y, int w, int h, float fraction, ui_color color)
{
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    ui_fill_rect(u, x, y, w, h, UI_TRACK);
    if (w >= h) {
        ui_fill_rect(u, x, y, (int)((float)w * fraction + 0.5f), h, color);
    } else {
        int fh = (int)((float)h * fraction + 0.5f);
        ui_fill_rect(u, x, y + h - fh, w, fh, color);
    }
}

/* Converts luma into the contrast-stretched, horizontally mirrored ARGB
 * picture: the person sees the view move the same way as their reflection. */
static void camera_upload(ui *u, const uint8_t *luma, int width, int height, int stride)
{
    if (!u->camera || u->camera_w != width || u->camera_h != height) {
        if (u->camera)
            SDL_DestroyTexture(u->camera);
        u->camera = SDL_CreateTexture(u->renderer, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_STREAMING, width, height);
        if (!u->camera) {
            log_error("cannot make the camera texture: %s", SDL_GetError());
            return;
        }
        u->camera_px = xrealloc(u->camera_px, (size_t)width * (size_t)height * 4);
        u->camera_w = width;
        u->camera_h = height;
    }
    uint8_t lut[256];
    stretch_lut(luma, width, height, stride, CAMERA_TOP, lut);
    for (int y = 0; y < height; y++) {
        const uint8_t *src = luma + (size_t)y * (size_t)stride;
        uint32_t *dst = u->camera_px + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) {
            uint32_t v = lut[src[width - 1 - x]];
            dst[x] = 0xff000000u | v << 16 | v << 8 | v;
        }
    }
    SDL_UpdateTexture(u->camera, NULL, u->camera_px, width * 4);
}

void ui_camera_view(ui *u, const uint8_t *luma, int width, int height, int stride, int x, int y,
                    int w, int h)
{
    if (!luma || width <= 0 || height <= 0 || w <= 0 || h <= 0)
        return;
    camera_upload(u, luma, width, height, stride);
    if (!u->camera)
        return;
    /* Fit inside the box, keeping the aspect ratio, centred. */
    int dw = w, dh = (int)((int64_t)w * height / width);
    if (dh > h) {
        dh = h;
        dw = (int)((int64_t)h * width / height);
    }
    SDL_Rect r = { x + (w - dw) / 2, y + (h - dh) / 2, dw, dh };
    SDL_RenderCopy(u->renderer, u->camera, NULL, &r);
}
