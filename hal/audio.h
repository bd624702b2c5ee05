/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audio: short sound cues so a person lying on the mat need not look: a tick
 * on each rep, a higher tick counting down the hold's last seconds, a chime
 * when a set is done. Tones are synthesised (no sound files). When no audio
 * device can be opened the cues are silently skipped: sound is a help, never a
 * reason to stop.
 */
#ifndef RM_AUDIO_H
#define RM_AUDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum audio_cue {
    AUDIO_REP,        /* a rep was counted */
    AUDIO_HOLD_TICK,  /* one of the last seconds of a hold */
    AUDIO_HOLD_DONE,  /* the hold is complete: relax */
    AUDIO_SET_DONE,   /* the set is complete */
    AUDIO_ALERT,      /* pain stop, red flag, camera lost */
} audio_cue;

typedef struct audio audio;

/* Opens the default audio device through SDL. If the SDL audio subsystem is not
 * yet initialised this starts it, and audio_destroy stops it again.
 * Never NULL when enabled is true: a device that fails to open gives a silent
 * audio object and one log line. enabled = false is silent from the start. */
audio *audio_create(bool enabled);
void audio_destroy(audio *a);
void audio_play(audio *a, audio_cue cue);
/* How many cues were played (or would have been, when silent): for tests. */
unsigned audio_played(const audio *a, audio_cue cue);
/* True when cues are skipped (disabled, or no device could be opened). */
bool audio_is_silent(const audio *a);

/* Sample rate of every cue; samples are signed 16-bit mono. */
#define AUDIO_RATE 22050

/* Pure tone synthesis, exposed for tests. Renders a sine of freq_hz lasting ms
 * milliseconds at amplitude (0..1 of full scale) at rate samples/s, shaped by a
 * raised-cosine attack and decay so it starts and ends at zero (no click).
 * Writes ms * rate / 1000 samples, at most max; returns how many it wrote. */
size_t audio_render_tone(int16_t *out, size_t max, int rate, double freq_hz, int ms,
                         double amplitude);
/* Renders a whole cue (its tones and the silences between them) at AUDIO_RATE.
 * Returns the samples written, at most max; with out NULL, the length needed. */
size_t audio_render_cue(audio_cue cue, int16_t *out, size_t max);

#endif
