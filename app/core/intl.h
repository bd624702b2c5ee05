/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * intl: gettext's two markers, and the catalogue they look up in.
 *
 * N_("text") marks a string for xgettext and leaves it as it is (tables, the
 * view's strings); _("text") is its translation in the catalogue in use, or
 * the English when there is none or no catalogue is in use (English).
 * app/i18n.c reads a language's catalogue and hands it to intl_use. The
 * session and the other core modules only mark their strings; they are
 * looked up where they are shown or spoken: the screens (app/ui) and
 * phrases_text(). The strings returned live as long as the catalogue, which
 * is never freed while the program runs, so a text looked up before a
 * change of language stays readable after it. Main thread only.
 */
#ifndef RM_INTL_H
#define RM_INTL_H

#include "catalog.h"

#define RM_TEXT_DOMAIN "rehab-mirror"
#define N_(s) s
#define _(s) intl_text(s)
/* A plural: n selects "1 day" or "%d days" by the language's rules. */
#define P_(one, many, n) intl_plural(one, many, (unsigned long)(n))

/* From now on look up in c; NULL: English. */
void intl_use(const catalog *c);
/* msgid's translation, or msgid itself ("" stays ""). */
const char *intl_text(const char *msgid);
/* The form for n: the catalogue's, else English's (one when n is 1). */
const char *intl_plural(const char *one, const char *many, unsigned long n);

#endif
