"""When someone's account is deleted (Settings, `hedgerow user remove`, the API or /admin/), the
groups they were in carry on without them. Connected to `pre_delete` of the person in apps.py,
so every way of deleting a person goes through here.

- Everything they wrote (replies, reactions, prompts, nudges, questions with the answers to
  them, named ideas, votes, goal shares) goes with their account: it was theirs.
- Great Groups answers (rule T1) were never theirs to take back: they exist only as totals on
  the round, and stay counted. Their used ballots lose the link to them and keep one random
  mark instead, so comparing rounds (assessment.release_check) still counts them once.
- A group they were the only coach or facilitator of gets a guide: the member who joined
  first becomes its facilitator. A group with no one else in it is deleted.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction

from hedgerow.groups.models import Ballot, Group, Membership


@transaction.atomic
def hand_over_groups(*, person: Any) -> None:
    mark = secrets.token_hex(16)
    Ballot.objects.filter(owner_id=person.pk, used=True).update(departed=mark)
    Ballot.objects.filter(owner_id=person.pk, used=False).delete()
    for membership in Membership.objects.filter(owner_id=person.pk).select_related("group"):
        group: Group = membership.group
        others = group.memberships.exclude(owner_id=person.pk)
        if not others.exists():
            group.delete()  # nobody left to see it
            continue
        if membership.leads and not others.filter(role__in=Membership.LEAD_ROLES).exists():
            successor = others.order_by("joined_at", "id").first()
            assert successor is not None
            successor.role = Membership.Role.FACILITATOR
            successor.save(update_fields=["role"])


def on_person_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    hand_over_groups(person=instance)
