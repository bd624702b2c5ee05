/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * press: debounce, long press and stuck detection for the three buttons, as
 * pure functions of the edges and times they are fed (see press.h).
 *
 * Each button keeps its last raw level and when it began, and a debounced
 * level. A raw level that differs from the debounced one becomes the debounced
 * level once it has lasted debounce_ms, and it counts from when it began (the
 * raw edge), not from when it was confirmed: a press is timed from the finger
 * going down and a short press is stamped with the moment of release. Chatter
 * shorter than debounce_ms flips the raw level back before it is confirmed and
 * so never reaches the debounced level; bouncing on release therefore gives one
 * release, stamped at the last bounce.
 *
 * While the debounced level is down, the held time runs to "now" if the raw
 * level is still down, or to the start of a pending (unconfirmed) release
 * otherwise, so a release bounce cannot push a short press over the long
 * threshold. At long_ms one PRESS_LONG fires, stamped at the threshold; the
 * release then emits nothing. At stuck_ms the button is reported stuck once
 * (a warning in the log, press_is_stuck) and emits nothing until a confirmed
 * release clears it. Caveat: a stuck button has already fired its long press
 * at long_ms, as it would have in real time; nothing can know sooner.
 *
 * Time that goes backwards is treated as no time passing.
 */
#include "press.h"

#include <ctype.h>
#include <string.h>

#include "log.h"

static const char *const names[BUTTON_COUNT] = {"up", "ok", "down"};

press_config press_default_config(void)
{
    press_config cfg = {.debounce_ms = 20, .long_ms = 800, .stuck_ms = 10000};
    return cfg;
}

void press_init(press_state *s, const press_config *cfg)
{
    memset(s, 0, sizeof *s);
    s->cfg = cfg ? *cfg : press_default_config();
}

static button_event make_event(button_id id, bool long_press, int64_t t_ms)
{
    button_event ev = {.button = id, .long_press = long_press, .t_ms = t_ms};
    return ev;
}

/* A confirmed release: a short press unless the press was long or stuck. */
static bool confirm_release(const press_config *cfg, press_button *b, button_id id,
                            button_event *out)
{
    bool emitted = false;
    if (!b->stuck && !b->long_sent) {
        int64_t held = b->raw_since_ms - b->down_since_ms;
        /* Held past the threshold with no tick in between: still a long press. */
        if (held >= cfg->long_ms)
            *out = make_event(id, true, b->down_since_ms + cfg->long_ms);
        else
            *out = make_event(id, false, b->raw_since_ms);
        emitted = true;
    }
    if (b->stuck)
        log_info("button %s released; no longer stuck", names[id]);
    b->down = false;
    b->long_sent = false;
    b->stuck = false;
    return emitted;
}

/* While the debounced level is down: fire the long press, report stuck. */
static bool check_held(const press_config *cfg, press_button *b, button_id id,
                       int64_t t_ms, button_event *out)
{
    if (b->stuck)
        return false;
    int64_t held_until = b->raw_down ? t_ms : b->raw_since_ms;
    int64_t held = held_until - b->down_since_ms;
    bool emitted = false;
    if (!b->long_sent && held >= cfg->long_ms) {
        b->long_sent = true;
        *out = make_event(id, true, b->down_since_ms + cfg->long_ms);
        emitted = true;
    }
    if (held >= cfg->stuck_ms) {
        b->stuck = true;
        log_warn("button %s held for %lld ms: stuck, ignoring it until released",
                 names[id], (long long)held);
    }
    return emitted;
}

/* Brings one button up to time t_ms with its current raw level. At most one
 * event results (see the file comment for why). */
static bool settle(const press_config *cfg, press_button *b, button_id id,
                   int64_t t_ms, button_event *out)
{
    if (b->raw_down != b->down && t_ms - b->raw_since_ms >= cfg->debounce_ms) {
        if (!b->raw_down)
            return confirm_release(cfg, b, id, out);
        b->down = true;
        b->down_since_ms = b->raw_since_ms;
        b->long_sent = false;
        b->stuck = false;
    }
    if (b->down)
        return check_held(cfg, b, id, t_ms, out);
    return false;
}

bool press_edge(press_state *s, button_id button, bool down, int64_t t_ms, button_event *out)
{
    if ((unsigned)button >= BUTTON_COUNT)
        return false;
    press_button *b = &s->b[button];
    if (t_ms < b->raw_since_ms)
        t_ms = b->raw_since_ms;
    bool emitted = settle(&s->cfg, b, button, t_ms, out);
    if (down != b->raw_down) {
        b->raw_down = down;
        b->raw_since_ms = t_ms;
    }
    return emitted;
}

int press_tick(press_state *s, int64_t t_ms, button_event *out)
{
    int n = 0;
    for (int i = 0; i < BUTTON_COUNT; i++) {
        press_button *b = &s->b[i];
        int64_t t = t_ms < b->raw_since_ms ? b->raw_since_ms : t_ms;
        if (settle(&s->cfg, b, (button_id)i, t, &out[n]))
            n++;
    }
    return n;
}

bool press_is_stuck(const press_state *s, button_id button)
{
    if ((unsigned)button >= BUTTON_COUNT)
        return false;
    return s->b[button].stuck;
}

const char *button_name(button_id b)
{
    if ((unsigned)b >= BUTTON_COUNT)
        return "?";
    return names[b];
}

/* Case-insensitive: "OK" in a hand-written script means ok. */
static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        if (tolower((unsigned char)*a) != *b)
            return false;
    }
    return *a == *b;
}

bool button_parse(const char *name, button_id *out)
{
    for (int i = 0; i < BUTTON_COUNT; i++) {
        if (name && same_name(name, names[i])) {
            *out = (button_id)i;
            return true;
        }
    }
    return false;
}
