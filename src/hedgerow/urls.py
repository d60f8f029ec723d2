from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("hedgerow.network.urls")),
    path("accounts/", include("hedgerow.accounts.urls")),
    path("admin/", admin.site.urls),
]
