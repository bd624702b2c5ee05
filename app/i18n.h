/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n: which language the screens and the voice's phrases are in
 * (app/core/intl.h), independent of the machine's locales.
 *
 * A fresh Debian root has no locales generated, and the station must not need
 * any: it reads its gettext catalogues itself (catalog.h says why) and never
 * calls setlocale, so numbers are parsed and printed as in "C" everywhere and
 * glibc's own messages (strerror, in the log) stay English.
 *
 * Catalogues: DIR/CODE/LC_MESSAGES/rehab-mirror.mo, DIR being
 * $REHAB_MIRROR_LOCALEDIR, else the build tree's (BUILD/locale, when it
 * exists), else the installed one (PREFIX/share/locale). Main thread only.
 */
#ifndef RM_I18N_H
#define RM_I18N_H

#include <stdbool.h>
#include <stddef.h>

/* Chooses the catalogues' directory. False (logged, and the screens stay
 * English) when it does not exist. */
bool i18n_init(void);
/* Screens and phrases in `language` from now on ("en", "de", "en-us", ...).
 * True when the station ships it (languages.h; English needs no catalogue)
 * and its catalogue reads; otherwise English, and false. */
bool i18n_set_language(const char *language);
/* The catalogues' directory in use. */
const char *i18n_locale_dir(void);

/* The language chosen on the station, saved in DATA_DIR/language (one line,
 * a code from languages.h). load: false when there is none or it is not a
 * shipped language (buf then empty). save: false with the reason logged. */
bool i18n_load_choice(const char *data_dir, char *buf, size_t cap);
bool i18n_save_choice(const char *data_dir, const char *code);

#endif
