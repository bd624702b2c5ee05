/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons: one interface for the three buttons (Up, OK, Down), whatever drives
 * them. Chosen at run time by a spec string:
 *   "keys"                     the keyboard in the SDL window: Up/Down arrows,
 *                              Enter or Space = OK; Esc = long OK (pause menu)
 *   "script:FILE"              timed presses from a file, one per line:
 *                              "SECONDS BUTTON [long]", e.g. "12.5 ok long";
 *                              blank lines and '#' comments are allowed
 *   "gpiod[:CHIP:UP,OK,DOWN]"  GPIO lines (hardware issue; needs HAVE_GPIOD)
 *
 * Presses are polled from the main thread. Backends that read hardware feed
 * edges to the pure press logic (press.h); a script produces presses directly
 * at their times on the clock given at creation.
 */
#ifndef RM_BUTTONS_H
#define RM_BUTTONS_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "press.h"

typedef struct buttons buttons;

typedef struct buttons_ops {
    const char *name;
    /* Non-blocking: true and *out filled when a press is due. */
    bool (*poll)(buttons *b, button_event *out);
    /* Offered every SDL event the main loop receives (a const SDL_Event *); the
     * keys backend uses key events, others ignore them. */
    void (*feed_sdl)(buttons *b, const void *sdl_event);
    /* Time of the next scripted press, INT64_MAX when none or unknown. */
    int64_t (*next_due_ms)(const buttons *b);
    /* True when a script has delivered its last press. */
    bool (*finished)(const buttons *b);
    void (*destroy)(buttons *b);
} buttons_ops;

struct buttons {
    const buttons_ops *ops;
    const rm_clock *clock;
};

/* NULL on failure with a one-line reason in errbuf (256 bytes); a script file
 * that does not parse names the file and the line. */
buttons *buttons_create(const char *spec, const rm_clock *clock, char *errbuf);
void buttons_destroy(buttons *b);

bool buttons_poll(buttons *b, button_event *out);
void buttons_feed_sdl(buttons *b, const void *sdl_event);
int64_t buttons_next_due_ms(const buttons *b);
bool buttons_finished(const buttons *b);
const char *buttons_name(const buttons *b);

/* Backend constructors. */
buttons *buttons_keys_create(const rm_clock *clock, char *errbuf);
buttons *buttons_script_create(const char *path, const rm_clock *clock, char *errbuf);
/* Parses script text (for tests and fuzzing); same errors as from a file, with
 * `name` used in messages. */
buttons *buttons_script_create_from_text(const char *text, const char *name,
                                         const rm_clock *clock, char *errbuf);

#endif
