"""Hedgerow's one date style, "7 Nov 2026", for every `|date` and every date a template prints.

Django's own English formats ("Nov. 7, 2026") come second to these (settings.FORMAT_MODULE_PATH),
so a template writes `{{ day|date }}` and never spells a format out.
"""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "M Y"
