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

from hedgerow.accounts import throttle
from hedgerow.accounts.models import ApiToken, Profile
from hedgerow.lib.errors import InvalidInput


class PersonExists(ValueError):
    pass


@transaction.atomic
def add_person(*, username: str, admin: bool = False) -> User:
    """A new person with no password yet: they sign in once by link, then choose one.

    Administration (Django's /admin/, where one can set anyone's password) is a role given on
    purpose (`hedgerow user add NAME --admin`), never to whoever happens to come first."""
    users = get_user_model()
    if users.objects.filter(username__iexact=username).exists():
        raise PersonExists(f"There is already someone called {username!r}.")
    user = users(username=username, is_staff=admin, is_superuser=admin)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user)
    return user


def set_admin(*, person: User, admin: bool) -> None:
    """Give or take away administration (/admin/): both of Django's flags go together."""
    person.is_staff = person.is_superuser = admin
    person.save(update_fields=["is_staff", "is_superuser"])


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


def person_for_api_key_from(*, key: str, address: str) -> User | None:
    """The key's person, counting failures per address and per the account whose key prefix a
    wrong key starts with (accounts/throttle.py). Raises `throttle.Throttled` while paused: an
    address that failed too often waits whatever it sends; for an account, only wrong keys wait,
    since a real key cannot be guessed and a stranger must not be able to stop someone's scripts.
    """
    throttle.check("api-key", account=None, address=address)
    person = person_for_api_key(key)
    if person is not None:
        return person
    # A wrong key that starts like one of someone's keys is counted against that account too.
    prefix_owner = (
        ApiToken.objects.filter(prefix=key[:10]).values_list("owner__username", flat=True).first()
    )
    throttle.check("api-key", account=prefix_owner, address=address)
    throttle.record_failure("api-key", account=prefix_owner, address=address)
    return None


def revoke_api_token(*, token: ApiToken) -> None:
    token.delete()


# --- deleting an account --------------------------------------------------------------------------


def check_password_to_delete(*, person: User, password: str, address: str) -> None:
    """Deleting an account asks for its password. Wrong ones count as failed sign-ins (a
    computer left signed in must not become a way to guess it, or to delete someone)."""
    throttle.check("sign-in", account=person.get_username(), address=address)
    if not person.has_usable_password():
        raise InvalidInput(
            "password: choose a password first (Settings → Change your password), then come "
            "back to delete your account."
        )
    if not person.check_password(password or ""):
        throttle.record_failure("sign-in", account=person.get_username(), address=address)
        raise InvalidInput("password: that is not your password.")


@transaction.atomic
def delete_account(*, person: User) -> str:
    """The person and everything they own, in every app (each owned table cascades from the
    person; groups and uploads tidy up through pre_delete, see groups/departures.py). Returns
    their name, for the message."""
    name = person.get_username()
    person.delete()
    throttle.log.info("account deleted: account=%r", name)
    return name
