"""Creating people and letting them in."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from hedgerow.accounts.models import Profile


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
