"""Request types views receive, so type checkers know who is asking."""

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """What views receive: LoginRequiredMiddleware guarantees a signed-in person."""

    user: User


class ApiRequest(HttpRequest):
    """What API views receive: the API's authentication sets `auth` to the person."""

    auth: User
