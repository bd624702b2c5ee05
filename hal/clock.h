/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock: the one source of time. Every module takes times in milliseconds from
 * a clock_t_ms value handed to it, never from the system, so a session can be
 * replayed on a virtual clock: in tests the station advances virtual time to
 * the next due frame, button press or timer, and a ten-minute session runs in
 * seconds, identically every run.
 *
 * Two readings: monotonic milliseconds since the clock was created (drives all
 * timers) and wall-clock milliseconds since the Unix epoch (only for the
 * adherence log's dates). A virtual clock's wall time is its start epoch plus
 * its monotonic time.
 */
#ifndef RM_CLOCK_H
#define RM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rm_clock rm_clock;

/* A clock reading the system's monotonic and real-time clocks. */
rm_clock *clock_create_real(void);
/* A virtual clock at monotonic 0 and wall time start_wall_ms (Unix epoch ms). */
rm_clock *clock_create_virtual(int64_t start_wall_ms);
void clock_destroy(rm_clock *clock);

bool clock_is_virtual(const rm_clock *clock);
/* Milliseconds since the clock was created. Never goes backwards. */
int64_t clock_now_ms(const rm_clock *clock);
/* Milliseconds since the Unix epoch. */
int64_t clock_wall_ms(const rm_clock *clock);
/* Virtual clocks only: moves time forward to t_ms; earlier times are ignored. */
void clock_advance_to(rm_clock *clock, int64_t t_ms);

#endif
