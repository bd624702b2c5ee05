/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * shot: screenshots. Reads the renderer's current target back and writes it as
 * an 8-bit RGB PNG with libpng. Only ever called when the user asked for
 * screenshots (--screenshot-dir): camera pictures on screen end up in them.
 */
#ifndef RM_SHOT_H
#define RM_SHOT_H

#include <stdbool.h>

#include <SDL.h>

/* False with a logged reason when reading back or writing fails. */
bool shot_save_png(SDL_Renderer *renderer, const char *path);

#endif
