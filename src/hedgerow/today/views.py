"""The Today page: a short queue of people to write to (N1, N5, N8, rule N6's few notes a day),
the goal's check-in when it is due (G6), and one calm line each for invitations and growth.

Answering someone (I already wrote, not now, skip) and taking it back (undo) answer htmx with the
queue as it now stands, and everyone else with a redirect and a message that offers Undo, so the
page works without JavaScript.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.forms import first_error
from hedgerow.network import access, agenda_actions
from hedgerow.network.agenda import connection_counts
from hedgerow.network.services import outreach_warnings
from hedgerow.network.suggest import weekly_suggestion
from hedgerow.today.forms import NotNowForm, WroteForm
from hedgerow.today.queue import Person, build_queue, sent_this_week

EVERYONE_PER_PAGE = 25  # "Show all": people per page


@require_GET
def today(request: HttpRequest) -> HttpResponse:
    context = _queue_context(request, request.GET)
    if context["everyone"] is None:
        context.update(_calm_lines(request))
    context["has_contacts"] = bool(context["people"]) or access.contacts_of(request.user).exists()
    return render(request, "today/today.html", context)


def _queue_context(request: HttpRequest, query: QueryDict) -> dict[str, Any]:
    """The queue (or a page of "Show all", when the query asks for it), ready to render."""
    as_of = timezone.localdate()
    showing_all = query.get("all") == "1"
    suggestion = weekly_suggestion(request.user, as_of)  # rule N10: one a week joins the queue
    queue = build_queue(request.user, as_of, suggestion=suggestion, everyone=showing_all)
    people, everyone = queue.people, None
    if showing_all:
        everyone = Paginator(queue.people, EVERYONE_PER_PAGE).get_page(query.get("page"))
        people = list(everyone.object_list)
    ids = [person.contact["id"] for person in people]
    # Rule N6: say it before the person writes, not only after.
    warnings = outreach_warnings(owner=request.user, contact_ids=ids, on=as_of)
    here = reverse("today:today") + (f"?{query.urlencode()}" if showing_all else "")
    done = not showing_all and not people
    return {
        "nav": "today",
        "as_of": as_of,
        "queue": queue,
        "people": [_row(person, warnings) for person in people],
        "everyone": everyone,
        "here": here,
        "done_for_today": done,
        "week": sent_this_week(request.user, as_of) if done else None,
    }


def _row(person: Person, warnings: dict[int, str]) -> dict[str, Any]:
    return {
        "person": person,
        "id": person.contact["id"],
        "initials": "".join(word[0] for word in person.contact["name"].split()[:2]).upper(),
        "warning": warnings.get(person.contact["id"]),
    }


def _calm_lines(request: HttpRequest) -> dict[str, Any]:
    """Rule N7 and N11: invitations waiting and the network's growth, one line each."""
    as_of = timezone.localdate()
    # The last twelve months, this one included: from the first of the month a year ago, plus one.
    year, month = divmod(as_of.year * 12 + as_of.month - 12, 12)
    counts = connection_counts(request.user, as_of, since=date(year, month + 1, 1))
    return {
        "pending": counts["pending_invitations"],
        "connections": counts["connections"],
        "joined_this_year": counts["joined_since"],
    }


# --- answers -------------------------------------------------------------------------------------


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/") else reverse("today:today")


def _answered(request: HttpRequest, done: agenda_actions.Done) -> HttpResponse:
    """What happened to whom, with Undo: the queue as it now stands (htmx), or a redirect."""
    undo = agenda_actions.can_undo(done.action)
    if _is_htmx(request):
        return _queue_fragment(request, done=done, can_undo=undo)
    messages.success(request, done.text, extra_tags=f"undo {done.action.pk}" if undo else "")
    if done.warning:
        messages.warning(request, done.warning)
    return redirect(_next_url(request))


def _not_answered(request: HttpRequest, error: str) -> HttpResponse:
    if _is_htmx(request):
        return _queue_fragment(request, error=error)
    messages.error(request, error)
    return redirect(_next_url(request))


def _queue_fragment(request: HttpRequest, **banner: Any) -> HttpResponse:
    """The queue section for the page the answer came from, with the answer's banner on top."""
    next_url = _next_url(request)
    query = QueryDict(next_url.partition("?")[2])
    context = {**_queue_context(request, query), **banner}
    return render(request, "today/_queue.html", context)


@require_POST
def wrote(request: HttpRequest, pk: int) -> HttpResponse:
    contact = access.contact_of(request.user, pk)
    form = WroteForm(request.POST)
    if not form.is_valid():
        return _not_answered(request, first_error(form))
    try:
        done = agenda_actions.wrote(contact=contact, **form.cleaned_data)
    except InvalidInput as error:
        return _not_answered(request, str(error).removeprefix("on: "))
    return _answered(request, done)


@require_POST
def not_now(request: HttpRequest, pk: int) -> HttpResponse:
    contact = access.contact_of(request.user, pk)
    form = NotNowForm(request.POST)
    if not form.is_valid():
        return _not_answered(request, first_error(form))
    try:
        done = agenda_actions.not_now(contact=contact, until=form.cleaned_data["until"])
    except InvalidInput as error:
        return _not_answered(request, str(error))
    return _answered(request, done)


@require_POST
def skip(request: HttpRequest, pk: int) -> HttpResponse:
    contact = access.contact_of(request.user, pk)
    try:
        done = agenda_actions.skip(contact=contact)
    except InvalidInput as error:
        return _not_answered(request, str(error))
    return _answered(request, done)


@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.agenda_action_of(request.user, pk)
    try:
        done = agenda_actions.undo(action=action)
    except InvalidInput as error:
        return _not_answered(request, str(error))
    if _is_htmx(request):
        return _queue_fragment(request, done=done, can_undo=False)
    messages.success(request, done.text)
    return redirect(_next_url(request))
