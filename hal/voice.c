/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * voice: espeak-ng rendering into sample buffers (voice.h).
 *
 * espeak-ng runs in AUDIO_OUTPUT_SYNCHRONOUS mode: espeak_Synth returns when
 * the whole text is spoken, having handed its samples to our synth callback in
 * chunks of about 60 ms, which append them to a growing buffer. The voice's
 * own rate (22050 Hz for espeak-ng's voices, 16000 for mbrola ones) is brought
 * to AUDIO_RATE by linear interpolation, then the silence espeak-ng puts
 * around words is trimmed and the peak normalised, so every phrase starts as
 * it is queued and all phrases are equally loud.
 */
#include "voice.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "config.h"
#include "log.h"
#include "xmalloc.h"

#if HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif

#define LANGUAGE_MAX 64
/* Silence trimming: a sample above this (1% of full scale) is sound; keep this
 * much before the first and after the last, so onsets and tails are not cut. */
#define SOUND_LEVEL 328
#define LEAD_MS 5
#define TAIL_MS 30
#define PEAK 0.7
/* Words per minute: a little slower than espeak-ng's 175, for a listener 3 m
 * away with their attention on the exercise. */
#define WORDS_PER_MINUTE 160

struct voice {
    int rate; /* espeak-ng's sample rate */
};

#if HAVE_ESPEAK
/* espeak-ng is started on the first voice_create and stays started for the
 * life of the process: libespeak-ng 1.51 hangs in espeak_Terminate after a
 * second espeak_Initialize, and a later voice (another language chosen on the
 * station) needs it again. Its sample rate, 0 before the start, -1 when the
 * start failed. Main thread only, as is espeak-ng. */
static int espeak_rate;
#endif

typedef struct collect {
    int16_t *s;
    size_t n, cap;
} collect;

void voice_destroy(voice *v)
{
    free(v);
}

#if HAVE_ESPEAK

/* espeak-ng's synth callback: appends a chunk. 0 = go on. */
static int on_samples(short *wav, int count, espeak_EVENT *events)
{
    collect *c = events ? events[0].user_data : NULL;
    if (!c || !wav || count <= 0)
        return 0;
    if (c->n + (size_t)count > c->cap) {
        c->cap = (c->n + (size_t)count) * 2;
        c->s = xrealloc(c->s, c->cap * sizeof *c->s);
    }
    memcpy(c->s + c->n, wav, (size_t)count * sizeof *wav);
    c->n += (size_t)count;
    return 0;
}

static bool select_voice(const char *language)
{
    if (espeak_SetVoiceByName(language) == EE_OK)
        return true;
    espeak_VOICE want = { .languages = language };
    return espeak_SetVoiceByProperties(&want) == EE_OK;
}

voice *voice_create(const char *language, char *errbuf)
{
    if (!language || !language[0] || strlen(language) >= LANGUAGE_MAX) {
        errbuf_set(errbuf, "no voice language given");
        return NULL;
    }
    if (espeak_rate == 0) {
        int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
        espeak_rate = rate > 0 ? rate : -1;
        if (rate > 0)
            espeak_SetSynthCallback(on_samples);
    }
    if (espeak_rate < 0) {
        errbuf_set(errbuf, "espeak-ng cannot start (is espeak-ng-data installed?)");
        return NULL;
    }
    if (!select_voice(language)) {
        errbuf_set(errbuf, "espeak-ng has no voice for language '%s'", language);
        return NULL;
    }
    espeak_SetParameter(espeakRATE, WORDS_PER_MINUTE, 0);
    voice *v = xcalloc(1, sizeof *v);
    v->rate = espeak_rate;
    return v;
}

/* Linear interpolation from `from` Hz to AUDIO_RATE; returns the new buffer
 * (the old one is freed) and its length in *n. */
static int16_t *resample(int16_t *in, size_t *n, int from)
{
    if (from == AUDIO_RATE || *n < 2)
        return in;
    size_t out_n = (size_t)((double)*n * AUDIO_RATE / from);
    int16_t *out = xmalloc((out_n ? out_n : 1) * sizeof *out);
    for (size_t i = 0; i < out_n; i++) {
        double pos = (double)i * from / AUDIO_RATE;
        size_t k = (size_t)pos;
        double f = pos - (double)k;
        int16_t b = k + 1 < *n ? in[k + 1] : in[k];
        out[i] = (int16_t)((1.0 - f) * in[k] + f * b);
    }
    free(in);
    *n = out_n;
    return out;
}

/* Trims silence (keeping LEAD_MS and TAIL_MS) and scales the peak to PEAK.
 * False when there is no sound at all. */
static bool shape(collect *c)
{
    size_t first = c->n, last = 0;
    int peak = 0;
    for (size_t i = 0; i < c->n; i++) {
        int a = abs(c->s[i]);
        if (a > SOUND_LEVEL) {
            first = i < first ? i : first;
            last = i;
        }
        peak = a > peak ? a : peak;
    }
    if (first >= c->n)
        return false;
    size_t lead = (size_t)AUDIO_RATE * LEAD_MS / 1000, tail = (size_t)AUDIO_RATE * TAIL_MS / 1000;
    size_t from = first > lead ? first - lead : 0;
    size_t to = last + tail < c->n ? last + tail : c->n;
    double gain = PEAK * 32767.0 / peak;
    for (size_t i = from; i < to; i++)
        c->s[i - from] = (int16_t)(c->s[i] * gain);
    c->n = to - from;
    return true;
}

int16_t *voice_speak(voice *v, const char *text, size_t *n)
{
    *n = 0;
    if (!v || !text || !text[0])
        return NULL;
    collect c = { 0 };
    espeak_ERROR rc = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                   NULL, &c);
    if (rc != EE_OK)
        log_warn("espeak-ng could not say '%s' (error %d)", text, (int)rc);
    c.s = resample(c.s, &c.n, v->rate);
    if (rc != EE_OK || !shape(&c)) {
        free(c.s);
        return NULL;
    }
    *n = c.n;
    return c.s;
}

#else /* !HAVE_ESPEAK */

voice *voice_create(const char *language, char *errbuf)
{
    (void)language;
    errbuf_set(errbuf, "built without espeak-ng (HAVE_ESPEAK=0)");
    return NULL;
}

int16_t *voice_speak(voice *v, const char *text, size_t *n)
{
    (void)v;
    (void)text;
    *n = 0;
    return NULL;
}

#endif /* HAVE_ESPEAK */
