from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """What views receive: LoginRequiredMiddleware guarantees a signed-in person."""

    user: User
