/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_gpiod: the three buttons on GPIO lines through libgpiod, v1 (1.6:
 * Debian 12, Raspberry Pi OS Bookworm) or v2 (2.x: Debian 13, Trixie), picked
 * at build time by RM_GPIOD_V2 in config.h. Spec and chip lookup: see
 * buttons_gpiod.h and buttons_gpiod_chip.c.
 *
 * Wiring: each button between its GPIO pin and ground. The lines are inputs
 * with the SoC's internal pull-up, so a released button reads high, a pressed
 * one low (active low), and no resistors are needed. Both edges are watched.
 *
 * Debounce: v2 asks the kernel to debounce each line (10 ms), so edges arrive
 * clean and the press logic runs with no debounce of its own; v1 has no
 * debounce in its API, so the press logic (press.h) debounces at its default
 * 20 ms. Long presses and stuck buttons come from press.h on both.
 * Active low: v2 sets it on the lines, so a rising (logical) edge is a press.
 * v1 leaves the lines as they are and reads a falling (physical) edge as a
 * press, which means the same on every kernel.
 *
 * Threads: a reader thread blocks in poll() on the lines' event fds and a wake
 * pipe. Each edge (button, level, kernel timestamp on CLOCK_MONOTONIC in ms)
 * goes into a small queue under a mutex; the first edge into an empty queue
 * pushes an SDL user event (SDL_PushEvent is thread-safe) so the main loop,
 * asleep in SDL_WaitEventTimeout, wakes at once. buttons_poll, on the main
 * thread, drains the queue into press_edge and runs press_tick. Timestamps are
 * turned into the station clock when drained, by their age: now on the station
 * clock minus how long ago on CLOCK_MONOTONIC, which is exact for the real
 * clock and keeps the clock itself on the main thread. destroy writes to the
 * pipe, joins the thread, then releases the lines.
 *
 * If the queue overflows (nobody polls) the oldest edges are dropped; the
 * press logic then sees a level change late, which is what a frozen screen
 * deserves. If a line's fd fails (the chip went away) the thread logs once and
 * stops; the buttons then stay silent rather than spin.
 *
 * A button that reads pressed when the lines are requested is not treated as
 * pressed (it would fire a long press at start-up): it is logged, and counts
 * from its next press.
 */
#include "buttons_gpiod.h"

#include "config.h"

#if HAVE_GPIOD

#include <SDL.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buttons_gpiod_priv.h"
#include "log.h"
#include "xmalloc.h"

enum {
    QUEUE_LEN = 64,          /* raw edges between two polls */
    OUT_LEN = 16,            /* presses waiting to be polled */
    READ_BATCH = 16,         /* edges read per read() */
    KERNEL_DEBOUNCE_US = 10000,
    CLOCK_SANITY_MS = 5000,  /* an edge stamped further from "now" than this
                                is not on CLOCK_MONOTONIC: use the read time */
};

static const char CONSUMER[] = "rehab-mirror";

typedef struct edge {
    button_id button;
    bool down;
    int64_t mono_ms; /* CLOCK_MONOTONIC */
} edge;

typedef struct gpiod_buttons {
    buttons base;
    struct gpiod_chip *chip;
    char chip_name[BUTTONS_GPIOD_CHIP_MAX];
    unsigned offset[BUTTON_COUNT];
#if RM_GPIOD_V2
    struct gpiod_line_request *req;
    struct gpiod_edge_event_buffer *evbuf; /* reader thread only */
#else
    struct gpiod_line *line[BUTTON_COUNT];
#endif
    int wake_pipe[2];   /* [1] written by destroy, [0] polled by the reader */
    SDL_Thread *thread;
    Uint32 sdl_wake;    /* SDL user event type; 0 = none could be registered */

    /* Shared with the reader thread, under lock. */
    SDL_mutex *lock;
    edge queue[QUEUE_LEN];
    int head, count;
    bool wake_pending;  /* an SDL event is on its way; no need for another */

    /* Main thread only. */
    press_state press;
    button_event out[OUT_LEN];
    int out_head, out_count;
} gpiod_buttons;

static int64_t mono_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- the edge queue (reader thread → main thread) ----------------------- */

/* Reader thread: queues one edge; wakes the main loop if it was empty. */
static void queue_edge(gpiod_buttons *g, button_id button, bool down, int64_t stamp_ms)
{
    int64_t now = mono_ms();
    if (stamp_ms > now + CLOCK_SANITY_MS || stamp_ms < now - CLOCK_SANITY_MS)
        stamp_ms = now;
    SDL_LockMutex(g->lock);
    if (g->count == QUEUE_LEN) {
        g->head = (g->head + 1) % QUEUE_LEN;
        g->count--;
    }
    g->queue[(g->head + g->count) % QUEUE_LEN] = (edge){button, down, stamp_ms};
    g->count++;
    bool wake = !g->wake_pending && g->sdl_wake != 0;
    g->wake_pending = true;
    SDL_UnlockMutex(g->lock);
    if (wake) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = g->sdl_wake;
        SDL_PushEvent(&e);
    }
}

/* Main thread: takes every queued edge. Returns how many. */
static int take_edges(gpiod_buttons *g, edge *out)
{
    SDL_LockMutex(g->lock);
    int n = g->count;
    for (int i = 0; i < n; i++)
        out[i] = g->queue[(g->head + i) % QUEUE_LEN];
    g->head = 0;
    g->count = 0;
    g->wake_pending = false;
    SDL_UnlockMutex(g->lock);
    return n;
}

static void push_out(gpiod_buttons *g, const button_event *ev)
{
    if (g->out_count == OUT_LEN) {
        g->out_head = (g->out_head + 1) % OUT_LEN;
        g->out_count--;
    }
    g->out[(g->out_head + g->out_count) % OUT_LEN] = *ev;
    g->out_count++;
}

/* --- requesting lines and reading edges: v2 ----------------------------- */
#if RM_GPIOD_V2

static bool request_lines(gpiod_buttons *g, char *errbuf)
{
    struct gpiod_line_settings *ls = gpiod_line_settings_new();
    struct gpiod_line_config *lc = gpiod_line_config_new();
    struct gpiod_request_config *rc = gpiod_request_config_new();
    if (ls && lc && rc) {
        gpiod_line_settings_set_direction(ls, GPIOD_LINE_DIRECTION_INPUT);
        gpiod_line_settings_set_edge_detection(ls, GPIOD_LINE_EDGE_BOTH);
        gpiod_line_settings_set_bias(ls, GPIOD_LINE_BIAS_PULL_UP);
        gpiod_line_settings_set_active_low(ls, true);
        gpiod_line_settings_set_debounce_period_us(ls, KERNEL_DEBOUNCE_US);
        gpiod_line_settings_set_event_clock(ls, GPIOD_LINE_CLOCK_MONOTONIC);
        gpiod_request_config_set_consumer(rc, CONSUMER);
        if (gpiod_line_config_add_line_settings(lc, g->offset, BUTTON_COUNT, ls) == 0)
            g->req = gpiod_chip_request_lines(g->chip, rc, lc);
    }
    int err = errno;
    gpiod_request_config_free(rc);
    gpiod_line_config_free(lc);
    gpiod_line_settings_free(ls);
    if (!g->req) {
        errbuf_set(errbuf, "GPIO lines %u,%u,%u busy or not usable on %s (%s)", g->offset[0],
                  g->offset[1], g->offset[2], g->chip_name, strerror(err));
        return false;
    }
    g->evbuf = gpiod_edge_event_buffer_new(READ_BATCH);
    if (!g->evbuf) {
        errbuf_set(errbuf, "GPIO buttons: cannot allocate the edge event buffer");
        return false;
    }
    return true;
}

/* Logical levels right after the request: true = pressed. */
static bool read_levels(gpiod_buttons *g, bool pressed[BUTTON_COUNT])
{
    enum gpiod_line_value v[BUTTON_COUNT];
    if (gpiod_line_request_get_values(g->req, v) < 0)
        return false;
    for (int i = 0; i < BUTTON_COUNT; i++)
        pressed[i] = v[i] == GPIOD_LINE_VALUE_ACTIVE;
    return true;
}

static int event_fds(gpiod_buttons *g, struct pollfd *fds)
{
    fds[0] = (struct pollfd){.fd = gpiod_line_request_get_fd(g->req), .events = POLLIN};
    return 1;
}

static bool button_of(const gpiod_buttons *g, unsigned offset, button_id *out)
{
    for (int i = 0; i < BUTTON_COUNT; i++)
        if (g->offset[i] == offset) {
            *out = (button_id)i;
            return true;
        }
    return false;
}

/* Reader thread: reads what poll found on fds[0..n). False on a failure. */
static bool read_edges(gpiod_buttons *g, const struct pollfd *fds, int n)
{
    (void)n;
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL))
        return false;
    if (!(fds[0].revents & POLLIN))
        return true;
    int got = gpiod_line_request_read_edge_events(g->req, g->evbuf, READ_BATCH);
    if (got < 0)
        return errno == EINTR || errno == EAGAIN;
    for (int k = 0; k < got; k++) {
        struct gpiod_edge_event *ev = gpiod_edge_event_buffer_get_event(g->evbuf, (unsigned long)k);
        button_id b;
        if (!ev || !button_of(g, gpiod_edge_event_get_line_offset(ev), &b))
            continue;
        bool down = gpiod_edge_event_get_event_type(ev) == GPIOD_EDGE_EVENT_RISING_EDGE;
        queue_edge(g, b, down, (int64_t)(gpiod_edge_event_get_timestamp_ns(ev) / 1000000u));
    }
    return true;
}

static void release_lines(gpiod_buttons *g)
{
    if (g->req)
        gpiod_line_request_release(g->req);
    if (g->evbuf)
        gpiod_edge_event_buffer_free(g->evbuf);
}

/* --- requesting lines and reading edges: v1 ----------------------------- */
#else

static bool request_lines(gpiod_buttons *g, char *errbuf)
{
    struct gpiod_line_request_config rc = {
        .consumer = CONSUMER,
        .request_type = GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES,
        .flags = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP,
    };
    for (int i = 0; i < BUTTON_COUNT; i++) {
        struct gpiod_line *line = gpiod_chip_get_line(g->chip, g->offset[i]);
        if (!line || gpiod_line_request(line, &rc, 0) < 0) {
            errbuf_set(errbuf, "GPIO line %u busy or not found on %s (%s)", g->offset[i],
                      g->chip_name, strerror(errno));
            return false;
        }
        g->line[i] = line;
    }
    return true;
}

/* Physical levels right after the request: low = pressed. */
static bool read_levels(gpiod_buttons *g, bool pressed[BUTTON_COUNT])
{
    for (int i = 0; i < BUTTON_COUNT; i++) {
        int v = gpiod_line_get_value(g->line[i]);
        if (v < 0)
            return false;
        pressed[i] = v == 0;
    }
    return true;
}

static int event_fds(gpiod_buttons *g, struct pollfd *fds)
{
    for (int i = 0; i < BUTTON_COUNT; i++)
        fds[i] = (struct pollfd){.fd = gpiod_line_event_get_fd(g->line[i]), .events = POLLIN};
    return BUTTON_COUNT;
}

/* Reader thread: reads what poll found on fds[0..n), one per button. */
static bool read_edges(gpiod_buttons *g, const struct pollfd *fds, int n)
{
    for (int i = 0; i < n; i++) {
        if (fds[i].revents & (POLLERR | POLLHUP | POLLNVAL))
            return false;
        if (!(fds[i].revents & POLLIN))
            continue;
        struct gpiod_line_event evs[READ_BATCH];
        int got = gpiod_line_event_read_fd_multiple(fds[i].fd, evs, READ_BATCH);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return false;
        }
        for (int k = 0; k < got; k++) {
            int64_t ms = (int64_t)evs[k].ts.tv_sec * 1000 + evs[k].ts.tv_nsec / 1000000;
            queue_edge(g, (button_id)i, evs[k].event_type == GPIOD_LINE_EVENT_FALLING_EDGE, ms);
        }
    }
    return true;
}

static void release_lines(gpiod_buttons *g)
{
    for (int i = 0; i < BUTTON_COUNT; i++)
        if (g->line[i])
            gpiod_line_release(g->line[i]);
}

#endif

/* --- the reader thread -------------------------------------------------- */

static int reader_main(void *arg)
{
    gpiod_buttons *g = arg;
    struct pollfd fds[1 + BUTTON_COUNT];
    fds[0] = (struct pollfd){.fd = g->wake_pipe[0], .events = POLLIN};
    int n = event_fds(g, fds + 1);
    for (;;) {
        if (poll(fds, (nfds_t)(n + 1), -1) < 0) {
            if (errno == EINTR)
                continue;
            log_errno("GPIO buttons: poll failed; buttons stop");
            return 1;
        }
        if (fds[0].revents)
            return 0; /* destroy asked us to stop */
        if (!read_edges(g, fds + 1, n)) {
            log_error("GPIO buttons on %s: lost the lines (%s); buttons stop", g->chip_name,
                      strerror(errno));
            return 1;
        }
    }
}

/* --- the ops ------------------------------------------------------------ */

static bool gpiod_poll(buttons *b, button_event *out)
{
    gpiod_buttons *g = (gpiod_buttons *)b;
    edge edges[QUEUE_LEN];
    int n = take_edges(g, edges);
    int64_t now = clock_now_ms(b->clock), mono_now = mono_ms();
    button_event ev;
    for (int i = 0; i < n; i++) {
        int64_t age = mono_now - edges[i].mono_ms;
        int64_t t = now - (age > 0 ? age : 0);
        if (press_edge(&g->press, edges[i].button, edges[i].down, t < 0 ? 0 : t, &ev))
            push_out(g, &ev);
    }
    button_event evs[BUTTON_COUNT];
    int k = press_tick(&g->press, now, evs);
    for (int i = 0; i < k; i++)
        push_out(g, &evs[i]);
    if (g->out_count == 0)
        return false;
    *out = g->out[g->out_head];
    g->out_head = (g->out_head + 1) % OUT_LEN;
    g->out_count--;
    return true;
}

/* When the press logic next changes on its own (a debounce settling, a long
 * press or stuck report falling due), so the loop does not oversleep it. */
static int64_t gpiod_next_due_ms(const buttons *b)
{
    const gpiod_buttons *g = (const gpiod_buttons *)b;
    const press_config *cfg = &g->press.cfg;
    int64_t next = INT64_MAX;
    for (int i = 0; i < BUTTON_COUNT; i++) {
        const press_button *p = &g->press.b[i];
        int64_t t = INT64_MAX;
        if (p->raw_down != p->down)
            t = p->raw_since_ms + cfg->debounce_ms;
        else if (p->down && !p->stuck)
            t = p->down_since_ms + (p->long_sent ? cfg->stuck_ms : cfg->long_ms);
        next = t < next ? t : next;
    }
    return next;
}

static bool gpiod_finished(const buttons *b)
{
    (void)b;
    return false;
}

static void gpiod_destroy(buttons *b)
{
    gpiod_buttons *g = (gpiod_buttons *)b;
    if (g->thread) {
        char stop = 1;
        while (write(g->wake_pipe[1], &stop, 1) < 0 && errno == EINTR) {
        }
        SDL_WaitThread(g->thread, NULL);
    }
    release_lines(g);
    if (g->chip)
        gpiod_chip_close(g->chip);
    for (int i = 0; i < 2; i++)
        if (g->wake_pipe[i] >= 0)
            close(g->wake_pipe[i]);
    if (g->lock)
        SDL_DestroyMutex(g->lock);
    free(g);
}

static const buttons_ops gpiod_ops = {
    .name = "gpiod",
    .poll = gpiod_poll,
    .feed_sdl = NULL,
    .next_due_ms = gpiod_next_due_ms,
    .finished = gpiod_finished,
    .destroy = gpiod_destroy,
};

/* --- creation ----------------------------------------------------------- */

/* Resolves the three pins to distinct offsets on the open chip. */
static bool resolve_pins(gpiod_buttons *g, const buttons_gpiod_spec *s, char *errbuf)
{
    for (int i = 0; i < BUTTON_COUNT; i++) {
        int off = gpiodc_line_offset(g->chip, s->pin[i]);
        if (off < 0) {
            errbuf_set(errbuf, "GPIO line %s busy or not found on %s (no such line)", s->pin[i],
                      g->chip_name);
            return false;
        }
        g->offset[i] = (unsigned)off;
        for (int j = 0; j < i; j++)
            if (g->offset[j] == g->offset[i]) {
                errbuf_set(errbuf, "gpiod: %s and %s are the same line %u on %s",
                          button_name((button_id)j), button_name((button_id)i), g->offset[i],
                          g->chip_name);
                return false;
            }
    }
    /* Name a busy line and its user before asking for all three. */
    for (int i = 0; i < BUTTON_COUNT; i++) {
        char consumer[BUTTONS_GPIOD_PIN_MAX];
        bool used = false;
        if (gpiodc_line_used(g->chip, g->offset[i], consumer, &used) && used) {
            errbuf_set(errbuf, "GPIO line %u busy on %s (used by '%s')", g->offset[i],
                      g->chip_name, consumer[0] ? consumer : "the kernel");
            return false;
        }
    }
    return true;
}

static void warn_held(gpiod_buttons *g)
{
    bool pressed[BUTTON_COUNT];
    if (!read_levels(g, pressed))
        return;
    for (int i = 0; i < BUTTON_COUNT; i++)
        if (pressed[i])
            log_warn("button %s (GPIO line %u) reads pressed at start: held, or wired to "
                     "ground? It counts from its next press", button_name((button_id)i),
                     g->offset[i]);
}

/* The SDL event type that wakes the main loop; registered once, main thread. */
static Uint32 wake_event_type(void)
{
    static Uint32 type;
    if (!type) {
        Uint32 t = SDL_RegisterEvents(1);
        type = t == (Uint32)-1 ? 0 : t;
    }
    return type;
}

buttons *buttons_gpiod_create(const char *spec, const rm_clock *clock, char *errbuf)
{
    buttons_gpiod_spec s;
    if (!buttons_gpiod_parse_spec(spec, &s, errbuf))
        return NULL;
    gpiod_buttons *g = xcalloc(1, sizeof *g);
    g->base.ops = &gpiod_ops;
    g->base.clock = clock;
    g->wake_pipe[0] = g->wake_pipe[1] = -1;
    press_config cfg = press_default_config();
    if (RM_GPIOD_V2)
        cfg.debounce_ms = 0; /* the kernel debounces */
    press_init(&g->press, &cfg);

    char path[BUTTONS_GPIOD_CHIP_MAX];
    g->chip = gpiodc_open(s.chip, path, errbuf);
    if (!g->chip)
        goto fail;
    snprintf(g->chip_name, sizeof g->chip_name, "%s", gpiodc_short_name(path));
    if (!resolve_pins(g, &s, errbuf) || !request_lines(g, errbuf))
        goto fail;
    warn_held(g);
    g->lock = SDL_CreateMutex();
    if (!g->lock || pipe(g->wake_pipe) != 0) {
        errbuf_set(errbuf, "GPIO buttons: cannot set up the reader thread (%s)",
                  g->lock ? strerror(errno) : SDL_GetError());
        goto fail;
    }
    g->sdl_wake = wake_event_type();
    g->thread = SDL_CreateThread(reader_main, "rm-gpio", g);
    if (!g->thread) {
        errbuf_set(errbuf, "GPIO buttons: cannot start the reader thread (%s)", SDL_GetError());
        goto fail;
    }
    log_info("GPIO buttons on %s: up %u, ok %u, down %u (%s)", g->chip_name, g->offset[0],
             g->offset[1], g->offset[2], buttons_gpiod_library());
    return &g->base;

fail:
    gpiod_destroy(&g->base);
    return NULL;
}

#endif /* HAVE_GPIOD */
