"""The one way views and commands reach a person's API keys: their own, or a 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from hedgerow.accounts.models import ApiToken


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(owner_id=user.pk)


def api_token_of(user: User, token_id: int) -> ApiToken:
    return get_object_or_404(api_tokens_of(user), pk=token_id)


def api_tokens_starting(user: User, prefix: str) -> list[ApiToken]:
    """The person's keys whose shown prefix starts so (`token revoke hr_ab…`)."""
    return list(api_tokens_of(user).filter(prefix__startswith=prefix.rstrip("…")))
