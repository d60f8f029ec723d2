"""Creating people and letting them in."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from hedgerow.accounts.models import ApiToken, Profile


class PersonExists(ValueError):
    pass


@transaction.atomic
def add_person(*, username: str, is_owner: bool = False) -> User:
    """A new person with no password yet: they sign in once by link, then choose one."""
    users = get_user_model()
    if users.objects.filter(username__iexact=username).exists():
        raise PersonExists(f"There is already someone called {username!r}.")
    user = users(username=username, is_staff=is_owner, is_superuser=is_owner)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user)
    return user


def profile_of(user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def sign_in_path(user: User) -> str:
    """A one-time path: Django's token changes once the person has signed in."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:link", kwargs={"uidb64": uid, "token": token})


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_token(*, owner: User, name: str) -> tuple[ApiToken, str]:
    """A new API key; the caller shows the returned key once, we keep only its hash."""
    name = name.strip()[:100] or "API key"
    key = "hr_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner, name=name, prefix=key[:10], key_hash=_hash_key(key)
    )
    return token, key


def person_for_api_key(key: str) -> User | None:
    token = ApiToken.objects.select_related("owner").filter(key_hash=_hash_key(key)).first()
    if token is None or not token.owner.is_active:
        return None
    now = timezone.now()
    # Record use at most once a minute, so reads don't turn into writes.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.owner


def revoke_api_token(*, token: ApiToken) -> None:
    token.delete()
