/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * press: turns raw button edges into presses. Pure logic, fed with edge
 * timestamps by whichever backend reads the hardware (GPIO lines, keyboard keys)
 * so debounce and long-press behave the same everywhere and are testable.
 *
 * Contract: press_edge(b, down, t) reports the level of one button at time t
 * (down = pressed). A level must be stable for debounce_ms before it counts, so
 * chatter shorter than that is ignored. A press held for long_ms or more emits
 * one PRESS_LONG as soon as the threshold passes (the user feels it fire while
 * holding); a shorter press emits PRESS_SHORT on release. A button held longer
 * than stuck_ms is reported stuck once and ignored until released. Buttons are
 * independent: two held at once each produce their own events.
 */
#ifndef RM_PRESS_H
#define RM_PRESS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum button_id { BUTTON_UP, BUTTON_OK, BUTTON_DOWN, BUTTON_COUNT } button_id;

typedef struct button_event {
    button_id button;
    bool long_press;
    int64_t t_ms;
} button_event;

typedef struct press_config {
    int64_t debounce_ms; /* default 20 */
    int64_t long_ms;     /* default 800 */
    int64_t stuck_ms;    /* default 10000 */
} press_config;

press_config press_default_config(void);

typedef struct press_button {
    bool raw_down;          /* last raw level seen */
    int64_t raw_since_ms;   /* when the raw level last changed */
    bool down;              /* debounced level */
    int64_t down_since_ms;  /* when the debounced press began */
    bool long_sent;         /* PRESS_LONG already emitted for this press */
    bool stuck;             /* reported stuck; ignored until released */
} press_button;

/* Caller-owned state for all buttons (press_init / no finish needed). */
typedef struct press_state {
    press_config cfg;
    press_button b[BUTTON_COUNT];
} press_state;

void press_init(press_state *s, const press_config *cfg);
/* Feeds one raw edge. Writes at most one event to *out; returns true if it did. */
bool press_edge(press_state *s, button_id button, bool down, int64_t t_ms, button_event *out);
/* Lets time pass with no edge: settles debounces, fires long presses and stuck
 * reports. Writes up to BUTTON_COUNT events to out; returns how many. */
int press_tick(press_state *s, int64_t t_ms, button_event *out);
/* True while the button is reported stuck. */
bool press_is_stuck(const press_state *s, button_id button);

/* "up", "ok", "down" and back. */
const char *button_name(button_id b);
bool button_parse(const char *name, button_id *out);

#endif
