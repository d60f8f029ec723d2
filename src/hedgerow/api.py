"""The JSON API at /api/v1/ with its OpenAPI document at /api/v1/openapi.json.

Scripts authenticate with `Authorization: Bearer <key>` (keys from `hedgerow token add NAME` or
the Settings page); the browser may use its signed-in session (with the CSRF token for writes).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI, Swagger
from ninja.security import HttpBearer, django_auth

from hedgerow.accounts import throttle
from hedgerow.accounts.services import person_for_api_key_from
from hedgerow.coach.api import router as coach_router
from hedgerow.goals.api import router as goals_router
from hedgerow.lib import api_errors
from hedgerow.network.api import router as network_router
from hedgerow.today.api import router as today_router


class ApiKey(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        return person_for_api_key_from(key=token, address=throttle.client_address(request))


class LocalSwagger(Swagger):
    """The docs page with ninja's own copy of Swagger UI, never a CDN (settings.py serves it)."""

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings), "api": api, "add_csrf": True}
        return render(request, self.template, context)


class HedgerowApi(NinjaAPI):
    """django-ninja's API whose document lists every refusal, in one shape (lib/api_errors.py)."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        # Any request with a key can be throttled (accounts/throttle.py), so every operation: 429.
        schema = super().get_openapi_schema(**kwargs)
        return api_errors.document_errors(schema, throttled=True)


api = HedgerowApi(
    title="Hedgerow API",
    version="1",
    description="Your network, your agenda: the same data as the web app and the CLI.",
    auth=[ApiKey(), django_auth],
    urls_namespace="api",
    docs=LocalSwagger(),
    parser=api_errors.ObjectParser(),
)
api_errors.install(api)


@api.exception_handler(throttle.Throttled)
def throttled(request: HttpRequest, error: throttle.Throttled) -> HttpResponse:
    """Too many wrong keys from this address (or for this account): wait, then try again."""
    response = api_errors.error_response(api, request, 429, str(error))
    response["Retry-After"] = str(error.retry_after)
    return response


api.add_router("/", "hedgerow.accounts.api.router")
api.add_router("/", network_router)
api.add_router("/", today_router)
api.add_router("/coach/", coach_router)
api.add_router("/goals/", goals_router)
api.add_router("/practice/", "hedgerow.practice.api.router")
api.add_router("/", "hedgerow.groups.api.router")


def exempt_from_login_redirect(patterns: list[URLPattern | URLResolver]) -> None:
    """API views answer 401 in JSON themselves instead of redirecting to the sign-in page. The
    docs page is for people, so it asks them to sign in first like every other page."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            exempt_from_login_redirect(pattern.url_patterns)
        elif pattern.name != "openapi-view":
            pattern.callback.__dict__["login_required"] = False
