"""Today, composed above the apps: the network's agenda, the daily queue and the goal's check-in.

The network knows nothing of goals and goals nothing of the network; this module is where the two
meet, so the page, `hedgerow today` and `GET /api/v1/today` all show one structure.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from hedgerow.goals.weeks import CheckinDue, due_checkin
from hedgerow.network.agenda import Agenda, build_agenda
from hedgerow.network.suggest import SuggestionJson, weekly_suggestion
from hedgerow.today.queue import QueueEntry, build_queue


class Today(Agenda):
    checkin: CheckinDue | None  # rule G6: the weekly goal check-in, when one is due
    suggestion: SuggestionJson | None  # rule N10: one person a week you may know
    # Rule N6: the few people to write to today, each once with every reason (the week's
    # suggestion among them); the keys above still list everything.
    queue: list[QueueEntry]


def build_today(owner, as_of: date | None = None, *, update_limit: int | None = None) -> Today:
    as_of = as_of or timezone.localdate()
    agenda = build_agenda(owner, as_of, update_limit)
    suggestion = weekly_suggestion(owner, as_of)
    queue = build_queue(owner, as_of, suggestion=suggestion)
    return {
        **agenda,
        "checkin": due_checkin(owner, as_of),
        "suggestion": suggestion,
        "queue": [person.as_json() for person in queue.people],
    }
