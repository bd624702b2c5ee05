/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speaker: the station's voice. Opens the sound device (audio.h) and, when
 * espeak-ng has a voice for the configured language (voice.h), renders every
 * phrase (phrases.h) once at start-up; afterwards it only plays buffers. Each
 * loop it asks the coach (cues.h) what, if anything, to say now, and plays the
 * phrase, or its tone when there is no voice. Main thread only.
 */
#ifndef RM_SPEAKER_H
#define RM_SPEAKER_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "session.h"
#include "settings.h"

typedef struct speaker speaker;

/* Never NULL. With cfg->sound off nothing is opened or rendered. Rendering
 * takes about a second on a Pi Zero 2 W (once). Logs one line saying what it
 * got: voice and language, or tones and why, the volume, and the wall-clock
 * time at which the device began to play (for the audio e2e test). */
speaker *speaker_create(const settings *cfg, const rm_clock *clock);
void speaker_destroy(speaker *s);

/* Says what the change from prev to v calls for, at time now_ms (the station
 * clock). Costs no allocation and no synthesis. */
void speaker_update(speaker *s, const session_view *prev, const session_view *v, int64_t now_ms);

/* Renders the phrases again in another language (a person's own, profiles.h,
 * or the language chooser; the phrases' texts follow i18n_set_language, so
 * call that first), cutting off what plays; nothing when it is the language
 * already rendered or the sound is off. Takes as long as start-up's
 * rendering (about 0.5 s on x86); without a voice for it, tones. */
void speaker_set_language(speaker *s, const char *language);
/* The pause menu's choice: muted, nothing is played (what plays is cut off;
 * the coach still follows the session, so nothing stale is said on unmuting);
 * the volume applies to what is queued from now on. */
void speaker_set_sound(speaker *s, bool muted, int volume);
/* A short sound at the current volume, so a person choosing it hears it
 * (nothing when muted or without sound). */
void speaker_sample(speaker *s);

/* True when phrases are spoken (not tones). */
bool speaker_has_voice(const speaker *s);
/* Cues started so far, spoken or as tones (for tests). */
unsigned speaker_cues_started(const speaker *s);

#endif
