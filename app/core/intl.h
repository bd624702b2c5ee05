/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * intl: gettext's two markers. N_("text") marks a string for xgettext and
 * leaves it as it is (tables, the view's strings); _("text") looks its
 * translation up in the current language (app/i18n.h chooses it) and returns
 * the English when there is none. The session and the other core modules
 * only mark their strings; they are looked up where they are shown or
 * spoken: the screens (app/ui) and phrases_text().
 */
#ifndef RM_INTL_H
#define RM_INTL_H

#include <libintl.h>

#define RM_TEXT_DOMAIN "rehab-mirror"
#define N_(s) s
#define _(s) dgettext(RM_TEXT_DOMAIN, s)
/* A plural: n selects "1 day" or "%d days" by the language's rules. */
#define P_(one, many, n) dngettext(RM_TEXT_DOMAIN, one, many, (unsigned long)(n))

#endif
