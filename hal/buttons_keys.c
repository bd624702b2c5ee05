/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_keys: the three buttons on the keyboard of the SDL window, for
 * development and for stations without GPIO buttons. Up and Down arrows are Up
 * and Down; Return, keypad Enter and Space are OK; Escape is an immediate long
 * OK (the pause menu) so nobody has to hold a key to get out.
 *
 * Key edges go through the same press logic as GPIO lines (press.h), stamped
 * with the station clock when the main loop hands the event over, so long
 * presses behave as on the hardware. A keyboard does not bounce, so debounce is
 * 0: a down and an up delivered in the same frame still make one short press.
 * SDL's key repeat is ignored (a held key is one press). Two keys mapped to the
 * same button (Return and Space) are not merged: releasing either releases OK.
 *
 * Events wait in a small ring until polled; if it overflows (nobody polls) the
 * oldest presses are dropped, which is what a person would expect from a
 * frozen screen. Main thread only.
 */
#include "buttons.h"

#include <SDL.h>

#include "xmalloc.h"

enum { QUEUE_LEN = 16 };

typedef struct keys_buttons {
    buttons base;
    press_state press;
    button_event queue[QUEUE_LEN];
    int head, count;
} keys_buttons;

static void push(keys_buttons *k, const button_event *ev)
{
    if (k->count == QUEUE_LEN) {
        k->head = (k->head + 1) % QUEUE_LEN;
        k->count--;
    }
    k->queue[(k->head + k->count) % QUEUE_LEN] = *ev;
    k->count++;
}

static bool pop(keys_buttons *k, button_event *out)
{
    if (k->count == 0)
        return false;
    *out = k->queue[k->head];
    k->head = (k->head + 1) % QUEUE_LEN;
    k->count--;
    return true;
}

/* Maps a key to a button; false for keys that are not ours. */
static bool key_button(SDL_Keycode key, button_id *out)
{
    switch (key) {
    case SDLK_UP:
        *out = BUTTON_UP;
        return true;
    case SDLK_DOWN:
        *out = BUTTON_DOWN;
        return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        *out = BUTTON_OK;
        return true;
    default:
        return false;
    }
}

static void keys_feed_sdl(buttons *b, const void *sdl_event)
{
    keys_buttons *k = (keys_buttons *)b;
    const SDL_Event *e = sdl_event;
    if (e->type != SDL_KEYDOWN && e->type != SDL_KEYUP)
        return;
    if (e->key.repeat)
        return;
    bool down = e->type == SDL_KEYDOWN;
    int64_t now = clock_now_ms(b->clock);
    button_event ev;
    if (e->key.keysym.sym == SDLK_ESCAPE) {
        if (down) {
            ev = (button_event){.button = BUTTON_OK, .long_press = true, .t_ms = now};
            push(k, &ev);
        }
        return;
    }
    button_id id;
    if (key_button(e->key.keysym.sym, &id) && press_edge(&k->press, id, down, now, &ev))
        push(k, &ev);
}

static bool keys_poll(buttons *b, button_event *out)
{
    keys_buttons *k = (keys_buttons *)b;
    button_event evs[BUTTON_COUNT];
    int n = press_tick(&k->press, clock_now_ms(b->clock), evs);
    for (int i = 0; i < n; i++)
        push(k, &evs[i]);
    return pop(k, out);
}

static int64_t keys_next_due_ms(const buttons *b)
{
    (void)b;
    return INT64_MAX;
}

static bool keys_finished(const buttons *b)
{
    (void)b;
    return false;
}

static void keys_destroy(buttons *b)
{
    free(b);
}

static const buttons_ops keys_ops = {
    .name = "keys",
    .poll = keys_poll,
    .feed_sdl = keys_feed_sdl,
    .next_due_ms = keys_next_due_ms,
    .finished = keys_finished,
    .destroy = keys_destroy,
};

buttons *buttons_keys_create(const rm_clock *clock, char *errbuf)
{
    (void)errbuf;
    keys_buttons *k = xcalloc(1, sizeof *k);
    k->base.ops = &keys_ops;
    k->base.clock = clock;
    press_config cfg = press_default_config();
    cfg.debounce_ms = 0;
    press_init(&k->press, &cfg);
    return &k->base;
}
