from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from hedgerow.api import api, exempt_from_login_redirect

api_patterns, api_app, api_namespace = api.urls
exempt_from_login_redirect(api_patterns)


def _redirect(to: str, *, permanent: bool = False):
    """A signed-out visitor may follow these too: they lead to public pages."""
    return login_not_required(RedirectView.as_view(url=to, permanent=permanent))


urlpatterns = [
    path("", include("hedgerow.today.urls")),
    path("", include("hedgerow.network.urls")),
    path("coach/", include("hedgerow.coach.urls")),
    path("goal/", include("hedgerow.goals.urls")),
    path("practice/", include("hedgerow.practice.urls")),
    path("groups/", include("hedgerow.groups.urls")),
    path("accounts/", include("hedgerow.accounts.urls")),
    path("accounts/", include("hedgerow.portability.urls")),
    path("", include("hedgerow.reminders.urls")),
    # The API's own address leads to its documentation (the OpenAPI page).
    path("api/v1/", _redirect("/api/v1/docs")),
    path("api/v1/", include((api_patterns, api_app), namespace=api_namespace)),
    path("admin/", admin.site.urls),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", _redirect(static("hedgerow/favicon.svg"), permanent=True)),
]
