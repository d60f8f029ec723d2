from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import AuthenticatedHttpRequest
from hedgerow.reminders import access, services
from hedgerow.reminders.calendar import calendar_for


def _back() -> HttpResponse:
    return redirect(reverse("accounts:settings") + "#reminders")


@require_POST
def save_digest(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        weekday = services.parse_weekday(request.POST.get("digest_day", ""))
        setting = services.save_digest_setting(
            person=request.user, email=request.POST.get("email", ""), weekday=weekday
        )
    except InvalidInput as error:
        messages.error(request, str(error))
        return _back()
    if setting.digest_weekday is None:
        messages.success(request, "No weekly digest. Today is here whenever you want it.")
    else:
        messages.success(
            request,
            f"Your weekly digest comes every {setting.digest_day}, to {request.user.email}.",
        )
    return _back()


@require_POST
def new_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.new_calendar_address(person=request.user)
    messages.success(
        request, "Your calendar has a new address; any address you used before has stopped working."
    )
    return _back()


@require_POST
def revoke_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.revoke_calendar_address(person=request.user)
    messages.success(request, "Your calendar address is switched off; calendars get nothing more.")
    return _back()


@login_not_required
@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed calendar: no sign-in, the secret in the address is the key."""
    setting = access.setting_for_calendar(token)
    if setting is None:
        raise Http404("No calendar at this address.")
    response = HttpResponse(
        calendar_for(setting.owner), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="hedgerow.ics"'
    response["Cache-Control"] = "private, max-age=0"
    return response


@login_not_required
# The signed link is the proof; mail programs' one-click unsubscribe POSTs it (RFC 8058).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """A digest's footer link: a page with one button (mail scanners open links, so a GET
    changes nothing), or a one-click POST from the mail program."""
    setting = access.setting_for_unsubscribe(token)
    if setting is None:
        return render(request, "reminders/unsubscribe.html", {"broken": True}, status=404)
    if request.method == "POST":
        services.stop_digest(setting=setting)
        return render(request, "reminders/unsubscribe.html", {"done": True, "setting": setting})
    return render(request, "reminders/unsubscribe.html", {"setting": setting})
