/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_display: the video driver choice and check, the rotation arithmetic,
 * and the rotation as SDL really draws it (offscreen driver, software
 * renderer): a marked logical pixel must land where display_map_point says
 * on the output, screenshots must show the logical picture, and a whole
 * screen turned 90 degrees is saved for looking at
 * ($RM_TEST_TMP/display/rot90-*.png).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "display.h"
#include "screens.h"
#include "shot.h"
#include "ui.h"

static void test_pick_driver(void)
{
    CHECK(!strcmp(display_pick_driver("x11", "offscreen", true, false), "x11"),
          "the setting wins over the environment");
    CHECK(!strcmp(display_pick_driver("", "offscreen", true, false), "offscreen"),
          "the environment when no setting");
    CHECK(!strcmp(display_pick_driver("", NULL, true, false), "kmsdrm"),
          "full-screen without a desktop asks for kmsdrm");
    CHECK(display_pick_driver("", "", true, true) == NULL, "full-screen on a desktop: auto");
    CHECK(display_pick_driver(NULL, NULL, false, false) == NULL, "a window: auto");

    CHECK(display_driver_matches("kmsdrm", "KMSDRM"), "case is ignored");
    CHECK(display_driver_matches("kmsdrm,offscreen", "offscreen"), "a list of drivers");
    CHECK(!display_driver_matches("kmsdrm", "offscreen"), "a fallback is not a match");
    CHECK(!display_driver_matches("x1", "x11") && !display_driver_matches("x11", "x1"),
          "prefixes do not match");
    CHECK(display_driver_invisible("offscreen") && display_driver_invisible("dummy") &&
              !display_driver_invisible("KMSDRM") && !display_driver_invisible("x11"),
          "invisible drivers");
}

static void test_layout(void)
{
    int lw, lh;
    SDL_Rect dst;
    display_layout(1920, 1080, 90, &lw, &lh, &dst);
    CHECK(lw == 1080 && lh == 1920, "90: logical %dx%d, want 1080x1920", lw, lh);
    CHECK(dst.x == 420 && dst.y == -420 && dst.w == 1080 && dst.h == 1920,
          "90: dst %d,%d %dx%d", dst.x, dst.y, dst.w, dst.h);
    display_layout(1920, 1080, 180, &lw, &lh, &dst);
    CHECK(lw == 1920 && lh == 1080 && dst.x == 0 && dst.y == 0, "180 keeps the size");
    display_layout(1080, 1920, 270, &lw, &lh, &dst);
    CHECK(lw == 1920 && lh == 1080, "270 on a portrait panel: landscape %dx%d", lw, lh);

    /* Every rotation maps the logical picture one-to-one onto the output. */
    enum { W = 5, H = 3 };
    for (int r = 0; r < 360; r += 90) {
        int ow = r % 180 ? H : W, oh = r % 180 ? W : H, hits[W * H] = { 0 };
        bool inside = true;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int px, py;
                display_map_point(x, y, W, H, r, &px, &py);
                inside = inside && px >= 0 && py >= 0 && px < ow && py < oh;
                if (inside)
                    hits[py * ow + px]++;
            }
        bool once = inside;
        for (int i = 0; i < W * H; i++)
            once = once && hits[i] == 1;
        CHECK(once, "rotation %d is not one-to-one onto %dx%d", r, ow, oh);
    }
    int px, py;
    display_map_point(0, 0, 1080, 1920, 90, &px, &py);
    CHECK(px == 1919 && py == 0, "90: the picture's top-left goes top-right, got %d,%d", px, py);
    display_map_point(0, 0, 1080, 1920, 270, &px, &py);
    CHECK(px == 0 && py == 1079, "270: top-left goes bottom-left, got %d,%d", px, py);
}

static bool pixel_is(SDL_Renderer *r, int x, int y, Uint8 want_r, Uint8 want_g)
{
    Uint8 rgb[3] = { 0, 0, 0 };
    SDL_Rect one = { x, y, 1, 1 };
    if (SDL_RenderReadPixels(r, &one, SDL_PIXELFORMAT_RGB24, rgb, 3) != 0)
        return false;
    return rgb[0] == want_r && rgb[1] == want_g && rgb[2] == 0;
}

static void mark(SDL_Renderer *r, int x, int y, Uint8 red, Uint8 green)
{
    SDL_SetRenderDrawColor(r, red, green, 0, 255);
    SDL_RenderFillRect(r, &(SDL_Rect){ x - 3, y - 3, 7, 7 });
}

/* A red mark near the logical top-left, a green one near the bottom-right. */
static void test_rendered(int rotation, const char *dir)
{
    char err[256] = "", path[1200];
    display_options opt = { 320, 200, false, true, "test_display", rotation };
    display *d = display_create(&opt, err);
    CHECK(d != NULL, "display_create rotation %d: %s", rotation, err);
    if (!d)
        return;
    SDL_Renderer *r = display_renderer(d);
    int lw, lh;
    display_size(d, &lw, &lh);
    bool turned = rotation % 180 != 0;
    CHECK(lw == (turned ? 200 : 320) && lh == (turned ? 320 : 200), "rotation %d: logical %dx%d",
          rotation, lw, lh);
    display_begin(d);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    int gx = lw - 30, gy = lh - 40;
    mark(r, 12, 22, 255, 0);
    mark(r, gx, gy, 0, 255);
    CHECK(pixel_is(r, 12, 22, 255, 0), "rotation %d: the drawing is not logical", rotation);
    snprintf(path, sizeof path, "%s/marks-%d-logical.png", dir, rotation);
    CHECK(shot_save_png(r, path), "cannot save %s", path);
    display_compose(d);
    int ow = 0, oh = 0, px, py;
    SDL_GetRendererOutputSize(r, &ow, &oh);
    CHECK(ow == 320 && oh == 200, "output %dx%d", ow, oh);
    display_map_point(12, 22, lw, lh, rotation, &px, &py);
    CHECK(pixel_is(r, px, py, 255, 0), "rotation %d: red mark not at %d,%d", rotation, px, py);
    display_map_point(gx, gy, lw, lh, rotation, &px, &py);
    CHECK(pixel_is(r, px, py, 0, 255), "rotation %d: green mark not at %d,%d", rotation, px,
          py);
    if (rotation) {
        CHECK(!pixel_is(r, 12, 22, 255, 0) || px == 12, "rotation %d: the output is unturned",
              rotation);
    }
    display_present(d);
    display_destroy(d);
}

/* A real screen on a landscape panel turned 90 degrees: saved both ways. */
static void save_rotated_screen(const char *dir)
{
    const char *assets = getenv("REHAB_MIRROR_ASSETS");
    char err[256] = "", path[1200];
    display_options opt = { 1920, 1080, false, true, "test_display", 90 };
    display *d = display_create(&opt, err);
    ui *u = d ? ui_create(display_renderer(d), assets ? assets : RM_ASSET_DIR_SOURCE, err) : NULL;
    CHECK(u != NULL, "display or ui: %s", err);
    if (u) {
        int w, h;
        display_size(d, &w, &h);
        ui_set_size(u, w, h);
        programme p;
        programme_default(&p);
        session_view v;
        memset(&v, 0, sizeof v);
        v.prog = &p;
        v.block = 0;
        v.screen = SCREEN_CAMERA_LOST;
        v.paused_from = SCREEN_SET;
        v.reps_done = 4;
        display_begin(d);
        screens_draw(u, &v, NULL, 0);
        snprintf(path, sizeof path, "%s/rot90-logical.png", dir);
        CHECK(shot_save_png(display_renderer(d), path), "cannot save %s", path);
        display_compose(d);
        snprintf(path, sizeof path, "%s/rot90-output.png", dir);
        CHECK(shot_save_png(display_renderer(d), path), "cannot save %s", path);
    }
    ui_destroy(u);
    display_destroy(d);
}

/* The ink's left and right ends in rows y0..y1 of the renderer (-1: none). */
static void ink_span(SDL_Renderer *r, int w, int y0, int y1, int *left, int *right)
{
    static Uint8 row[3 * 2048];
    *left = *right = -1;
    for (int y = y0; y < y1; y++) {
        SDL_Rect line = { 0, y, w, 1 };
        if (SDL_RenderReadPixels(r, &line, SDL_PIXELFORMAT_RGB24, row, 3 * w) != 0)
            return;
        for (int x = 0; x < w; x++)
            if (row[3 * x] > 64) {
                *left = *left < 0 || x < *left ? x : *left;
                *right = x > *right ? x : *right;
            }
    }
}

/* Centred wrapped text comes out balanced: in a width where greedy wrapping
 * would leave "little" alone on the second line, both lines are of about
 * the same length, and there are still two. */
static void test_balanced_wrap(void)
{
    const char *assets = getenv("REHAB_MIRROR_ASSETS");
    char err[256] = "";
    display_options opt = { 800, 480, false, true, "test_display", 0 };
    display *d = display_create(&opt, err);
    ui *u = d ? ui_create(display_renderer(d), assets ? assets : RM_ASSET_DIR_SOURCE, err) : NULL;
    CHECK(u != NULL, "display or ui: %s", err);
    if (u) {
        SDL_Renderer *r = display_renderer(d);
        ui_set_size(u, 800, 480);
        const char *text = "Lie on the mat, or move a little";
        float size = 0.08f;
        int width = ui_text_width(u, text, size, false) * 9 / 10;
        int h = ui_text_wrapped_height(u, text, width, size);
        display_begin(d);
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        int used = ui_text_wrapped(u, text, 400, 10, width, size, UI_WHITE, UI_CENTER);
        CHECK(used == h && h > 0, "drawn %d px tall, measured %d", used, h);
        int l1, r1, l2, r2;
        ink_span(r, 800, 10, 10 + h / 2, &l1, &r1);
        ink_span(r, 800, 10 + h / 2, 10 + h, &l2, &r2);
        CHECK(l1 >= 0 && l2 >= 0, "two lines of ink: %d, %d", l1, l2);
        CHECK(r2 - l2 >= (r1 - l1) / 2, "lines of %d and %d px: the second is a lone word",
              r1 - l1, r2 - l2);
        CHECK(r1 - l1 <= width, "the first line (%d px) is wider than %d", r1 - l1, width);
    }
    ui_destroy(u);
    display_destroy(d);
}

int main(void)
{
    test_pick_driver();
    test_layout();
    if (!getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return EXIT_FAILURE;
    }
    const char *dir = check_tmpdir("display");
    for (int rot = 0; rot < 360; rot += 90)
        test_rendered(rot, dir);
    save_rotated_screen(dir);
    test_balanced_wrap();
    SDL_Quit();
    return check_done();
}
