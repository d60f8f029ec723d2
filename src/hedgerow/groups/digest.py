"""The email digest of group activity (rule G5): what is new in a person's groups since their last
digest, leaving out what they have already read in the app, daily or weekly as they choose.

`send_due_digests` is the unit a daily cron job (`hedgerow group digest`) runs: each person's
digest is claimed with a conditional update on `last_sent_at` before it is sent, so two runs at
once never send the same digest twice, and a failed send gives the claim back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from hedgerow.goals.models import CheckIn
from hedgerow.groups import access, emails
from hedgerow.groups.models import (
    DigestSetting,
    Group,
    Membership,
    Nudge,
    Prompt,
    Question,
    Reply,
    Round,
)

logger = logging.getLogger(__name__)

# A little under a day or a week, so a cron job that runs a few minutes early still sends.
PERIODS = {
    DigestSetting.Frequency.DAILY: timedelta(hours=20),
    DigestSetting.Frequency.WEEKLY: timedelta(days=6, hours=20),
}
FIRST_WINDOW = {
    DigestSetting.Frequency.DAILY: timedelta(days=1),
    DigestSetting.Frequency.WEEKLY: timedelta(days=7),
}


@dataclass
class GroupNews:
    group: Group
    checkins: list[CheckIn] = field(default_factory=list)
    replies_to_you: list[Reply] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    opened_rounds: list[Round] = field(default_factory=list)
    closed_rounds: list[Round] = field(default_factory=list)
    nudges: list[Nudge] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(
            (
                self.checkins,
                self.replies_to_you,
                self.prompts,
                self.questions,
                self.opened_rounds,
                self.closed_rounds,
                self.nudges,
            )
        )


@dataclass
class Digest:
    person: User
    since: datetime
    groups: list[GroupNews]


def news_for(membership: Membership, since: datetime) -> GroupNews:
    """What others did in the group after `since` and after the member last looked."""
    if membership.last_seen_at and membership.last_seen_at > since:
        since = membership.last_seen_at
    group, me = membership.group, membership.owner_id
    after = Q(created_at__gt=since)
    checkins = access.shared_checkins(group).filter(after).exclude(owner_id=me)
    replies = Reply.objects.filter(after, group=group, checkin__owner_id=me).exclude(owner_id=me)
    rounds = group.rounds.all()
    return GroupNews(
        group=group,
        checkins=list(checkins.select_related("owner", "goal").order_by("created_at")),
        replies_to_you=list(replies.select_related("owner", "checkin").order_by("created_at")),
        prompts=list(group.prompts.filter(after).exclude(owner_id=me).order_by("created_at")),
        questions=list(group.questions.filter(after).exclude(owner_id=me).order_by("created_at")),
        opened_rounds=[
            r
            for r in rounds.filter(opened_at__gt=since, closed_at__isnull=True)
            if not r.ballots.filter(owner_id=me, used=True).exists()
        ],
        closed_rounds=list(rounds.filter(closed_at__gt=since, released=True)),
        nudges=list(
            Nudge.objects.filter(after, group=group, recipient_id=me, seen_at__isnull=True)
        ),
    )


def digest_for(person: User, since: datetime) -> Digest | None:
    """The person's digest since `since`, or None when nothing is new anywhere."""
    news = [news_for(m, since) for m in access.memberships_of(person).order_by("group__name")]
    news = [n for n in news if n]
    return Digest(person=person, since=since, groups=news) if news else None


def is_due(setting: DigestSetting, now: datetime) -> bool:
    period = PERIODS.get(DigestSetting.Frequency(setting.frequency))
    if period is None:
        return False
    return setting.last_sent_at is None or now - setting.last_sent_at >= period


@dataclass
class Sent:
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def send_due_digests(*, now: datetime | None = None, dry_run: bool = False) -> Sent:
    now = now or timezone.now()
    outcome = Sent()
    settings = (
        DigestSetting.objects.exclude(frequency=DigestSetting.Frequency.NEVER)
        .filter(owner__is_active=True)
        .exclude(owner__email="")
        .select_related("owner")
        .order_by("pk")
    )
    for setting in settings:
        if not is_due(setting, now):
            continue
        frequency = DigestSetting.Frequency(setting.frequency)
        since = setting.last_sent_at or now - FIRST_WINDOW[frequency]
        digest = digest_for(setting.owner, since)
        if digest is None:
            continue  # nothing new: no email, and the window stays open
        if dry_run:
            outcome.sent.append(setting.owner.email)
            continue
        process_one_digest(setting=setting, digest=digest, now=now, outcome=outcome)
    return outcome


def process_one_digest(
    *, setting: DigestSetting, digest: Digest, now: datetime, outcome: Sent
) -> None:
    """Claim the person's digest, send it, and give the claim back if sending fails."""
    previous = setting.last_sent_at
    claimed = DigestSetting.objects.filter(pk=setting.pk, last_sent_at=previous)
    if previous is None:
        claimed = DigestSetting.objects.filter(pk=setting.pk, last_sent_at__isnull=True)
    if not claimed.update(last_sent_at=now):
        return  # another run sent it a moment ago
    address = setting.owner.email
    try:
        emails.send_digest(digest)
    except Exception as error:  # any mail failure: keep the digest for the next run
        DigestSetting.objects.filter(pk=setting.pk, last_sent_at=now).update(last_sent_at=previous)
        logger.warning("Group digest to %s failed: %s", address, error)
        outcome.failed.append((address, str(error)))
    else:
        outcome.sent.append(address)
