"""Request types views receive, so type checkers know who is asking."""

from django.contrib.auth import models as auth
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

# Whoever a request carries. Access functions take either: an anonymous visitor owns nothing, so
# every owner-scoped query finds nothing for them.
User = AbstractBaseUser | AnonymousUser


class AuthenticatedHttpRequest(HttpRequest):
    """What views receive: LoginRequiredMiddleware guarantees a signed-in person."""

    user: auth.User


class ApiRequest(HttpRequest):
    """What API views receive: the API's authentication sets `auth` to the person."""

    auth: auth.User
