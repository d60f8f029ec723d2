"""Every table of ours that holds someone's data is keyed by its owner (docs/scaling.md), so the
data can be distributed by owner (for example with Citus, `owner_id` as the distribution column)
when one database is not enough. A table that is not says why here; a new one fails this test
until it has an `owner` or a reason."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings

# label → why it has no owner column of its own.
NOT_KEYED_BY_OWNER = {
    "accounts.Profile": "the person's own settings: one row per person, keyed by the user id",
    "network.ImportChange": "a value an import replaced; reached only through its owned run",
    "network.ImapFolder": "a mail folder's sync state; reached only through its owned IMAP account",
    "coach.SetAside": "how often a coach check was set aside, counted for everyone: no one's data",
    "groups.Group": "shared by its members (each Membership is owned); distributed by group",
    "groups.Invite": "a group's invitation link, shared like the group",
    "groups.Round": "a group's Great Groups round, shared like the group; each Ballot is owned",
}
OURS = ("accounts", "network", "coach", "goals", "practice", "groups", "today", "portability")


def our_models():
    for model in apps.get_models():
        if model._meta.app_label in OURS or model.__module__.startswith("hedgerow."):
            yield model


def keyed_by_owner(model) -> bool:
    field = next((f for f in model._meta.concrete_fields if f.name == "owner"), None)
    return field is not None and field.related_model._meta.label == settings.AUTH_USER_MODEL


def test_it_keys_every_table_of_ours_by_its_owner():
    missing = [
        model._meta.label
        for model in our_models()
        if not keyed_by_owner(model) and model._meta.label not in NOT_KEYED_BY_OWNER
    ]
    assert missing == [], f"give these an owner, or a reason in NOT_KEYED_BY_OWNER: {missing}"


def test_it_lists_only_real_exceptions():
    labels = {model._meta.label: model for model in our_models()}
    for label in NOT_KEYED_BY_OWNER:
        assert label in labels, f"{label} is gone: remove its exception"
        assert not keyed_by_owner(labels[label]), f"{label} has an owner now: remove its exception"
