from django.contrib import admin
from django.urls import include, path

from hedgerow.api import api, exempt_from_login_redirect

api_patterns, api_app, api_namespace = api.urls
exempt_from_login_redirect(api_patterns)

urlpatterns = [
    path("", include("hedgerow.today.urls")),
    path("", include("hedgerow.network.urls")),
    path("coach/", include("hedgerow.coach.urls")),
    path("goal/", include("hedgerow.goals.urls")),
    path("practice/", include("hedgerow.practice.urls")),
    path("groups/", include("hedgerow.groups.urls")),
    path("accounts/", include("hedgerow.accounts.urls")),
    path("api/v1/", include((api_patterns, api_app), namespace=api_namespace)),
    path("admin/", admin.site.urls),
]
