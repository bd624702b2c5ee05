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

typedef enum audio_cue {
    AUDIO_REP,        /* a rep was counted */
    AUDIO_HOLD_TICK,  /* one of the last seconds of a hold */
    AUDIO_HOLD_DONE,  /* the hold is complete: relax */
    AUDIO_SET_DONE,   /* the set is complete */
    AUDIO_ALERT,      /* pain stop, red flag, camera lost */
} audio_cue;

typedef struct audio audio;

/* Opens the default audio device through SDL (SDL_INIT_AUDIO must be done).
 * Never NULL when enabled is true: a device that fails to open gives a silent
 * audio object and one log line. enabled = false is silent from the start. */
audio *audio_create(bool enabled);
void audio_destroy(audio *a);
void audio_play(audio *a, audio_cue cue);
/* How many cues were played (or would have been, when silent): for tests. */
unsigned audio_played(const audio *a, audio_cue cue);

#endif
