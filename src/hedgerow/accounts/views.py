from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods

from hedgerow.accounts import access
from hedgerow.accounts.forms import ProfileForm
from hedgerow.accounts.services import create_api_token, profile_of, revoke_api_token
from hedgerow.lib.http import AuthenticatedHttpRequest


def _user_from_link(uidb64: str, token: str):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


@login_not_required
def sign_in_by_link(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_from_link(uidb64, token)
    if user is None:
        return render(request, "accounts/link_expired.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if not user.has_usable_password():
        messages.info(request, "Welcome! Choose a password so you can sign in again later.")
        return redirect("accounts:password")
    return redirect("today:today")


@require_http_methods(["GET", "POST"])
def set_password(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, "Your password is set.")
        return redirect("today:today")
    return render(request, "accounts/password.html", {"form": form})


@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=profile_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("accounts:settings")
    tokens = access.api_tokens_of(request.user)
    context = {"form": form, "tokens": tokens, "nav": "settings"}
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/settings.html", context, status=status)


@require_http_methods(["POST"])
def add_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    token, key = create_api_token(owner=request.user, name=request.POST.get("name", ""))
    messages.success(
        request,
        f"Your new key for {token.name!r} is {key} — copy it now; it will not be shown again.",
    )
    return redirect("accounts:settings")


@require_http_methods(["POST"])
def revoke_token(request: AuthenticatedHttpRequest, token_id: int) -> HttpResponse:
    token = access.api_token_of(request.user, token_id)
    revoke_api_token(token=token)
    messages.success(request, f"Revoked the key {token.name!r}.")
    return redirect("accounts:settings")
