/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * voice: spoken words for a person on the mat who cannot watch the screen.
 * Text is rendered by espeak-ng (HAVE_ESPEAK) into 16-bit mono samples at
 * AUDIO_RATE, ready to be queued on the audio device like the tones. Rendering
 * is synchronous and takes milliseconds per word: the station renders every
 * phrase once at start-up (app/speaker.c) and only plays buffers afterwards,
 * never synthesising in the loop or in the audio callback.
 *
 * Without espeak-ng (built without it, its data missing, an unknown language)
 * voice_create returns NULL with a reason, and the caller keeps the tones.
 */
#ifndef RM_VOICE_H
#define RM_VOICE_H

#include <stddef.h>
#include <stdint.h>

typedef struct voice voice;

/* Starts espeak-ng with the voice for `language` (an espeak-ng language or
 * voice name: "en", "de", "fr", "es", "en-us", ...). NULL, with a one-line
 * reason in errbuf (256 bytes), when there is no voice. espeak-ng keeps global
 * state: it is started once and stays for the process (voice.c says why), at
 * most one voice is used at a time, all on one thread. */
voice *voice_create(const char *language, char *errbuf);
void voice_destroy(voice *v);

/* Renders text (UTF-8) as AUDIO_RATE signed 16-bit mono samples in a new
 * buffer the caller frees: leading and trailing silence trimmed to a few
 * milliseconds (so a phrase queued is heard at once), peak normalised to 70%
 * of full scale. *n is its length in samples. NULL and *n = 0 when espeak-ng
 * produced no sound. Blocks while synthesising. */
int16_t *voice_speak(voice *v, const char *text, size_t *n);

#endif
