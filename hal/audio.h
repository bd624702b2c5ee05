/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audio: the sound device, for a person lying on the mat who need not look:
 * short synthesised tones (a tick on each rep, a higher tick counting down the
 * hold's last seconds, a chime when a set is done) and any other samples, such
 * as the spoken phrases rendered by voice.h, all through one SDL queue at one
 * volume. When no audio device can be opened sound is silently skipped: sound
 * is a help, never a reason to stop.
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
/* Volume, 0..100 (clamped): samples queued from now on are scaled by
 * percent / 100 (0 is silence with the device still open). Default 100. */
void audio_set_volume(audio *a, int percent);
/* Drops whatever is queued; when there was some, 60 ms of silence follows so
 * that what is queued next does not run into the sound cut off. */
void audio_cut(audio *a);
/* Queues n samples (AUDIO_RATE, signed 16-bit mono) after whatever is queued,
 * or with interrupt in place of it (audio_cut first). The
 * samples are copied at the volume; the caller keeps its buffer. Main thread;
 * costs no allocation of ours. */
void audio_play_samples(audio *a, const int16_t *samples, size_t n, bool interrupt);
/* Milliseconds of sound queued and not yet played; 0 when silent. */
int64_t audio_queued_ms(const audio *a);
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
