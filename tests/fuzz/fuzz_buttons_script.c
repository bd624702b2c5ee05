/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_buttons_script: libFuzzer target for the button script parser
 * (hal/buttons_script.c). The input is the script's text. A script that parses
 * is then played on a virtual clock to its end: presses must arrive in time
 * order, never before their time, each named button valid, and the script must
 * report itself finished after the last one. Raw edges ("ok down") go through
 * debounce, so a due step may give no press, or a press stamped at an earlier
 * edge: those are only checked for never being in the future. A refusal must
 * name the script.
 *
 * The backend is driven through its ops table rather than buttons.c, so the
 * target links only the script backend and not the keyboard's SDL code.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_text.h"
#include "buttons.h"
#include "clock.h"

/* Stops playing a script after this many presses (the parser has no limit). */
#define MAX_PRESSES 100000

static void play(buttons *b, rm_clock *clock, bool raw_edges)
{
    int64_t last = 0;
    for (int n = 0; n < MAX_PRESSES; n++) {
        int64_t due = b->ops->next_due_ms(b);
        if (due == INT64_MAX)
            break;
        if (due < last)
            abort(); /* presses out of order */
        clock_advance_to(clock, due);
        button_event ev;
        bool any = false;
        while (b->ops->poll(b, &ev)) {
            if (ev.t_ms > due || (int)ev.button < 0 || (int)ev.button >= BUTTON_COUNT)
                abort();
            any = true;
        }
        if (!any && !raw_edges)
            abort(); /* a finished press due now must arrive now */
        last = due;
    }
    if (b->ops->next_due_ms(b) == INT64_MAX && !b->ops->finished(b))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    buttons *b = buttons_script_create_from_text(text, "fuzz.txt", clock, err);
    if (b)
        play(b, clock, strstr(text, "down") || strstr(text, "up")); /* maybe raw edges */
    else
        fuzz_refusal_names(err, "fuzz.txt");
    if (b)
        b->ops->destroy(b);
    clock_destroy(clock);
    free(text);
    return 0;
}
