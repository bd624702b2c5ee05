/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons: picks a backend from the spec string and forwards the calls to its
 * ops table (see buttons.h). The backends live in buttons_keys.c,
 * buttons_script.c and buttons_gpiod.c (with HAVE_GPIOD).
 */
#include "log.h"
#include "buttons.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buttons_gpiod.h"
#include "config.h"

/* Writes a one-line reason to errbuf (256 bytes, may be NULL). */
static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static buttons *create_gpiod(const char *spec, const rm_clock *clock, char *errbuf)
{
#if HAVE_GPIOD
    return buttons_gpiod_create(spec, clock, errbuf);
#else
    (void)spec;
    (void)clock;
    errbuf_set(errbuf, "GPIO buttons not built (no libgpiod)");
    return NULL;
#endif
}

buttons *buttons_create(const char *spec, const rm_clock *clock, char *errbuf)
{
    if (errbuf)
        errbuf[0] = '\0';
    if (!spec || !clock) {
        errbuf_set(errbuf, "no buttons spec or clock given");
        return NULL;
    }
    if (!strcmp(spec, "keys"))
        return buttons_keys_create(clock, errbuf);
    if (has_prefix(spec, "script:")) {
        const char *path = spec + strlen("script:");
        if (!*path) {
            errbuf_set(errbuf, "buttons 'script:' needs a file, e.g. script:buttons.txt");
            return NULL;
        }
        return buttons_script_create(path, clock, errbuf);
    }
    if (!strcmp(spec, "gpiod") || has_prefix(spec, "gpiod:"))
        return create_gpiod(spec, clock, errbuf);
    errbuf_set(errbuf, "unknown buttons '%s' (use keys, script:FILE or gpiod[:CHIP:UP,OK,DOWN])",
              spec);
    return NULL;
}

void buttons_destroy(buttons *b)
{
    if (b)
        b->ops->destroy(b);
}

bool buttons_poll(buttons *b, button_event *out)
{
    return b->ops->poll(b, out);
}

void buttons_feed_sdl(buttons *b, const void *sdl_event)
{
    if (b->ops->feed_sdl && sdl_event)
        b->ops->feed_sdl(b, sdl_event);
}

int64_t buttons_next_due_ms(const buttons *b)
{
    return b->ops->next_due_ms ? b->ops->next_due_ms(b) : INT64_MAX;
}

bool buttons_finished(const buttons *b)
{
    return b->ops->finished ? b->ops->finished(b) : false;
}

const char *buttons_name(const buttons *b)
{
    return b->ops->name;
}
