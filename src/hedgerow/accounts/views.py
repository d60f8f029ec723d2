from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods

from hedgerow.accounts import access, services, throttle
from hedgerow.accounts.forms import ChangePasswordForm, ProfileForm, SignInForm
from hedgerow.accounts.services import create_api_token, profile_of, revoke_api_token
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import AuthenticatedHttpRequest

LINK_SIGN_IN = "hedgerow_signed_in_by_link"


def _user_from_link(uidb64: str, token: str):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


class SignInView(LoginView):
    """Django's sign-in page with our form: too many failures answer 429 and say how long to
    wait (accounts/throttle.py)."""

    form_class = SignInForm

    def form_invalid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_invalid(form)
        if form.throttled_for:
            response.status_code = 429
            response["Retry-After"] = str(form.throttled_for)
        return response


@login_not_required
def sign_in_by_link(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_from_link(uidb64, token)
    address = throttle.client_address(request)
    if user is None:
        throttle.log.warning("sign-in link refused (used or expired): address=%s", address)
        return render(request, "accounts/link_expired.html", status=400)
    throttle.log.info("sign-in by link: account=%r address=%s", user.get_username(), address)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # The one-time link proves who this is, so the next password they choose needs no old one
    # (how someone who forgot theirs gets back in).
    request.session[LINK_SIGN_IN] = True
    if not user.has_usable_password():
        messages.info(request, "Welcome! Choose a password so you can sign in again later.")
    else:
        messages.info(request, "You're signed in. Choose a new password if you've forgotten yours.")
    return redirect("accounts:password")


@require_http_methods(["GET", "POST"])
def set_password(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Choose a password. Changing one asks for the current one, unless the person just came in
    by a one-time link (which proved who they are)."""
    by_link = bool(request.session.get(LINK_SIGN_IN)) or not request.user.has_usable_password()
    form: SetPasswordForm | ChangePasswordForm
    if by_link:
        form = SetPasswordForm(request.user, request.POST or None)
    else:
        address = throttle.client_address(request)
        form = ChangePasswordForm(request.user, request.POST or None, address=address)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        request.session.pop(LINK_SIGN_IN, None)
        throttle.log.info("password changed: account=%r", user.get_username())
        messages.success(request, "Your password is set.")
        return redirect("today:today")
    status = 400 if request.method == "POST" else 200
    if getattr(form, "throttled_for", 0):
        status = 429
    context = {"form": form, "changing": not by_link}
    return render(request, "accounts/password.html", context, status=status)


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


@require_http_methods(["GET", "POST"])
def delete_account_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Asks for the password, says what goes and what stays in groups, then deletes for good."""
    error, status = "", 200
    if request.method == "POST":
        person = request.user
        try:
            services.check_password_to_delete(
                person=person,
                password=request.POST.get("password", ""),
                address=throttle.client_address(request),
            )
        except InvalidInput as problem:
            error, status = str(problem).removeprefix("password: ").capitalize(), 400
        except throttle.Throttled as paused:
            error, status = str(paused), 429
        else:
            logout(request)
            name = services.delete_account(person=person)
            messages.success(
                request, f"The account {name!r} and everything in it are deleted. Take care."
            )
            return redirect("accounts:login")
    context = {"nav": "settings", "error": error}
    return render(request, "accounts/delete.html", context, status=status)
