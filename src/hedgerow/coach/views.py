"""The composer: a draft to make your own, checked by the coach as you type, then marked sent.

It opens from a Today item (the note answers it and settles it) or from a contact page (choose
the occasion). Each view: fetch through access functions, validate the small form, call one
service, render or redirect. The live check is htmx; without JavaScript the "Check" button posts
the same form and the whole page comes back with the coach's report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hedgerow.coach import services
from hedgerow.coach.checks import CheckResult, Report, check_note
from hedgerow.coach.drafts import Draft, check_context, write_draft
from hedgerow.coach.forms import MAX_NOTE_CHARS, NoteForm
from hedgerow.lib.dates import day_text
from hedgerow.lib.errors import InvalidInput
from hedgerow.network import access
from hedgerow.network.agenda import last_interaction_on
from hedgerow.network.models import Contact, Invitation, Update
from hedgerow.network.services import AgendaTarget, contact_for_item
from hedgerow.vocabulary import OCCASION_FOR_AGENDA

OCCASION_TITLES = {
    "acknowledgement": "Acknowledge an update",
    "invitation": "A personal invitation",
    "follow-up": "A warm reply after they accepted",
    "keep-in-touch": "Keep in touch",
}
OCCASION_HINTS = {
    "acknowledgement": "Name what caught your eye, keep it about them, and end with a question.",
    "invitation": "Recall something concrete you shared, and ask what they do now and how they "
    "enjoy it. Send it only when both feel true.",
    "follow-up": "Thank them, keep it short, and suggest catching up over coffee, a call or email.",
    "keep-in-touch": "A light hello: ask how they are and what they are working on.",
}
CHECK_TITLES = {
    "length": "Length",
    "brevity": "Brevity",
    "about-them": "About them",
    "specific": "Specific",
    "closing-ask": "Closing question",
    "invitation-parts": "Invitation parts",
    "catch-up": "Catching up",
    "no-ask": "No ask",
    "not-boilerplate": "In your own words",
    "recipient-test": "Recipient test",
    "placeholders": "Placeholders",
    "repeated-words": "Repeated words",
    "spelling": "Spelling",
    "spacing": "Spacing",
}


@dataclass(frozen=True)
class Composing:
    """Who the note is for, the occasion, and the Today item it answers (if any)."""

    contact: Contact
    occasion: str
    target: AgendaTarget | None
    kind: str | None  # the Today section it came from, or None from the contact page

    def url(self, name: str) -> str:
        suffix = "" if name == "compose" else f"-{name}"
        if self.kind is not None:
            target_pk = self.contact.pk if self.kind == "due" else self.target_pk
            return reverse(f"coach:item{suffix}", args=[self.kind, target_pk])
        return reverse(f"coach:contact{suffix}", args=[self.contact.pk, self.occasion])

    @property
    def target_pk(self) -> int | None:
        return self.target.pk if self.target is not None else None


def _composing(request: HttpRequest, pk: int, kind: str | None, occasion: str | None) -> Composing:
    if kind is not None:
        target = access.agenda_item_of(request.user, kind, pk)
        try:
            contact = contact_for_item(target)
        except InvalidInput:
            raise Http404("This invitation is not linked to a contact.") from None
        return Composing(contact, OCCASION_FOR_AGENDA[kind], target, kind)
    assert occasion is not None  # the URL gives one or the other
    contact = access.contact_of(request.user, pk)
    found = services.target_for(contact=contact, occasion=occasion)
    return Composing(contact, occasion, found, None)


def _prompt(composing: Composing, draft: Draft) -> str:
    """What the note answers, in words: the update, the acceptance or the time since you spoke;
    never the work line again (that row is above it)."""
    target = composing.target
    if isinstance(target, Update):
        summary = target.summary.rstrip(".")
        if target.kind != Update.Kind.POST:  # a post's summary says what it was already
            summary = f"{Update.Kind.label_of(target.kind)}: {summary}"
        return f"{summary} (noticed {day_text(target.detected_on)})."
    if isinstance(target, Invitation) and target.accepted_on is not None:
        return f"They accepted your invitation on {day_text(target.accepted_on)}."
    if composing.occasion == "keep-in-touch":
        last = last_interaction_on(composing.contact)
        since = f"last in touch {day_text(last)}" if last else "nothing logged with them yet"
        return f"Keeping in touch: {since}."
    if composing.occasion == "invitation" and draft.about:
        return f"What you shared: {draft.about}."
    return ""


def _draft(composing: Composing, shift: int = 0) -> Draft:
    update = composing.target if isinstance(composing.target, Update) else None
    return write_draft(
        contact=composing.contact, occasion=composing.occasion, update=update, shift=shift
    )


def _check(composing: Composing, text: str) -> Report:
    update = composing.target if isinstance(composing.target, Update) else None
    context = check_context(contact=composing.contact, occasion=composing.occasion, update=update)
    return check_note(
        text, composing.occasion, to=context.to, about=context.about, names=context.names
    )


def _shift(request: HttpRequest) -> int:
    try:
        return max(0, min(int(request.GET.get("phrasing", "0")), 99))
    except ValueError:
        return 0


def _checks_context(
    composing: Composing, report: Report, chosen: Iterable[str] = ()
) -> dict[str, Any]:
    order = {(False, True): 0, (False, False): 1}
    checks = sorted(report["checks"], key=lambda c: order.get((c["ok"], c["required"]), 2))
    set_aside = services.set_aside_ids(report, chosen)  # "I know, send anyway"
    blocking = sum(1 for c in report["checks"] if c["required"] and not c["ok"])
    labelled = [_labelled(check, set_aside) for check in checks]
    return {
        "report": report,
        "checks": labelled,
        # What needs a look comes first; what passes folds into one line.
        "failing": [check for check in labelled if not check["ok"]],
        "passing": [check for check in labelled if check["ok"]],
        "blocking": blocking - len(set_aside),
        "set_aside": len(set_aside),
        "ready": report["ready"] or blocking == len(set_aside),
        "invitation": composing.occasion == "invitation",
        "check_url": composing.url("check"),
    }


def _labelled(check: CheckResult, set_aside: frozenset[str] = frozenset()) -> dict[str, Any]:
    title = CHECK_TITLES.get(check["id"], check["id"].replace("-", " ").capitalize())
    return {**check, "title": title, "set_aside": check["id"] in set_aside}


def _chosen(request: HttpRequest) -> list[str]:
    return request.POST.getlist("set_aside")


def _page(
    request: HttpRequest,
    composing: Composing,
    *,
    form: NoteForm,
    draft: Draft,
    text: str,
    status: int = 200,
    chosen: Iterable[str] = (),
) -> HttpResponse:
    contact = composing.contact
    first_email = contact.emails.order_by("id").values_list("email", flat=True).first()
    context = {
        "nav": "today" if composing.kind else "contacts",
        "composing": composing,
        "contact": contact,
        "occasion_title": OCCASION_TITLES[composing.occasion],
        "prompt": _prompt(composing, draft),
        "hint": OCCASION_HINTS[composing.occasion],
        "form": form,
        "draft": draft,
        "next_phrasing": draft.shift + 1,
        "first_email": first_email,
        "conversation": services.conversation_with(contact=contact),
        "quota": services.invitation_quota(owner=request.user)
        if composing.occasion == "invitation"
        else None,
        "check_url": composing.url("check"),
        "send_url": composing.url("send"),
        "compose_url": composing.url("compose"),
        **_checks_context(composing, _check(composing, text), chosen),
    }
    return render(request, "coach/compose.html", context, status=status)


@require_GET
def compose(
    request: HttpRequest, pk: int, kind: str | None = None, occasion: str | None = None
) -> HttpResponse:
    composing = _composing(request, pk, kind, occasion)
    draft = _draft(composing, _shift(request))
    form = NoteForm(initial={"text": draft.text})
    return _page(request, composing, form=form, draft=draft, text=draft.text)


@require_POST
def check(
    request: HttpRequest, pk: int, kind: str | None = None, occasion: str | None = None
) -> HttpResponse:
    """The coach's report on what is in the box: a fragment for htmx, the page otherwise."""
    composing = _composing(request, pk, kind, occasion)
    text = request.POST.get("text", "")[:MAX_NOTE_CHARS]
    if request.headers.get("HX-Request") == "true":
        report = _check(composing, text)
        context = _checks_context(composing, report, _chosen(request))
        return render(request, "coach/_checks.html", context)
    draft = _draft(composing)
    form = NoteForm(request.POST)
    return _page(request, composing, form=form, draft=draft, text=text, chosen=_chosen(request))


@require_POST
def send(
    request: HttpRequest, pk: int, kind: str | None = None, occasion: str | None = None
) -> HttpResponse:
    composing = _composing(request, pk, kind, occasion)
    form = NoteForm(request.POST)
    text = request.POST.get("text", "")
    if not form.is_valid():
        return _page(request, composing, form=form, draft=_draft(composing), text=text, status=400)
    try:
        sent = services.mark_sent(
            contact=composing.contact,
            occasion=composing.occasion,
            text=form.cleaned_data["text"],
            target=composing.target,
        )
    except InvalidInput as error:
        form.add_error("text", str(error).removeprefix("text: "))
        return _page(request, composing, form=form, draft=_draft(composing), text=text, status=400)
    set_aside = services.set_aside_ids(
        _check(composing, form.cleaned_data["text"]), _chosen(request)
    )
    services.record_set_asides(check_ids=set_aside)
    # "undo <id>": the message offers Undo for the answer (templates/base.html).
    undo = f"undo {sent.action.pk}" if sent.action is not None else ""
    messages.success(request, sent.confirmation, extra_tags=undo)
    if sent.warning:
        messages.warning(request, sent.warning)  # rule N6
    if sent.quota is not None:
        messages.info(request, sent.quota.advice or f"That's {sent.quota.summary}.")
    return redirect("today:today")
