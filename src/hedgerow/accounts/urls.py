from django.contrib.auth import views as auth_views
from django.urls import path

from hedgerow.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("link/<uidb64>/<token>/", views.sign_in_by_link, name="link"),
    path("password/", views.set_password, name="password"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/delete/", views.delete_account_page, name="delete"),
    path("settings/keys/", views.add_token, name="add-token"),
    path("settings/keys/<int:token_id>/revoke/", views.revoke_token, name="revoke-token"),
]
