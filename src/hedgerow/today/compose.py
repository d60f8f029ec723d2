"""Today, composed above the apps: the network's agenda and the goal's weekly check-in.

The network knows nothing of goals and goals nothing of the network; this module is where the two
meet, so the page, `hedgerow today` and `GET /api/v1/today` all show one structure.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from hedgerow.goals.weeks import CheckinDue, due_checkin
from hedgerow.network.agenda import Agenda, build_agenda
from hedgerow.network.suggest import SuggestionJson, weekly_suggestion


class Today(Agenda):
    checkin: CheckinDue | None  # rule G6: the weekly goal check-in, when one is due
    suggestion: SuggestionJson | None  # rule N10: one person a week you may know


def build_today(owner, as_of: date | None = None, *, update_limit: int | None = None) -> Today:
    as_of = as_of or timezone.localdate()
    agenda = build_agenda(owner, as_of, update_limit)
    return {
        **agenda,
        "checkin": due_checkin(owner, as_of),
        "suggestion": weekly_suggestion(owner, as_of),
    }
