"""The network pages. Each view: fetch through access.py → validate a small form → call one
service → render or redirect. Actions answer htmx with a fragment and everyone else with a redirect,
so every page works without JavaScript."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar, cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hedgerow.accounts.services import profile_of
from hedgerow.lib.charts import bar_chart
from hedgerow.lib.dates import day_text, month_text
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.forms import first_error
from hedgerow.network import (
    access,
    agenda,
    background,
    journal,
    listing,
    removal,
    search,
    services,
    suggest,
)
from hedgerow.network.forms import (
    HEARD_KINDS,
    ContactFilterForm,
    CoreForm,
    HeardForm,
    ImportForm,
    NotesForm,
    RecordUpdateForm,
    ReviewForm,
    upload_too_big,
)
from hedgerow.network.mail_review import resolve_any_review_item, undo_merge
from hedgerow.network.models import Contact, ImportJob, ImportRun, Interaction
from hedgerow.network.timeline import contact_timeline
from hedgerow.vocabulary import InteractionKind

ImportRunOrJob = TypeVar("ImportRunOrJob", ImportRun, ImportJob)

CONTACTS_PER_PAGE = 50
TIMELINE_STEP = 50


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith("/") else default


# --- Your network: how it grew, and the invitations still waiting ------------------------------

PENDING_SHOWN = 200


@require_GET
def network_page(request: HttpRequest) -> HttpResponse:
    """Rule N11 (growth) and N7 (invitations wait, and that is normal): Today's two calm lines."""
    as_of = timezone.localdate()
    growth = agenda.network_growth(request.user, as_of)
    bars = agenda.growth_chart(growth, as_of, months=24)
    pending = agenda.pending_invitations(request.user, as_of)
    chart = bar_chart(
        caption="New connections per month, over the last 24 months.",
        labels=[bar["label"] for bar in bars],
        values=[bar["added"] for bar in bars],
        name="New connections",
        y_label="Month",
    )
    context = {
        "nav": "today",
        "network": growth,
        "bars": bars,
        "chart": chart,
        "joined_this_year": sum(bar["added"] for bar in bars[-12:]),
        # Rule N11: of the notes you sent, how many were answered, the last six months.
        "replies": [
            {**month, "label": month_text(date.fromisoformat(f"{month['month']}-01"))}
            for month in growth["replies"][-6:]
        ],
        "pending": pending[-PENDING_SHOWN:][::-1],
        "more_pending": max(0, len(pending) - PENDING_SHOWN),
        "pending_count": len(pending),
    }
    return render(request, "network/network.html", context)


# --- Contacts ------------------------------------------------------------------------------------


@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    everyone = access.contacts_of(request.user)
    form = ContactFilterForm(request.GET, tags=access.tags_of(request.user))
    found, show, sort, search_note = everyone, "", "name", ""
    if form.is_valid():
        data = form.cleaned_data
        connected = {"yes": True, "no": False}.get(data["connected"])
        found = services.filter_contacts(
            request.user,
            q=data["q"],
            company=data["company"],
            tag=data["tag"],
            connected=connected,
        )
        search_note = search.terms_of(data["q"]).note
        show = data["show"] or ("core" if data["core"] else "")
        sort = data["sort"] or "name"
    found = listing.shown(request.user, found, show, as_of)
    columns = ("id", "name", "company", "position", "connected_on", "connected", "is_core")
    paginator = Paginator(listing.in_order(found.only(*columns), sort), CONTACTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    last = listing.last_contact_on(request.user, [c.pk for c in page.object_list])
    counts = listing.show_counts(request.user, everyone, as_of)
    context = {
        "nav": "contacts",
        "form": form,
        "search_note": search_note,
        "page": page,
        "rows": [{"contact": c, "last_on": last.get(c.pk)} for c in page.object_list],
        "query": _query(request, page=None),
        "chips": [
            {
                "label": label,
                "count": counts[key],
                "current": key == show,
                "url": _query(request, page=None, show=key or None, core=None),
            }
            for key, label in listing.SHOWS.items()
        ],
        "columns": _sortable(request, sort),
        "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
        "has_contacts": counts[""] > 0,
    }
    return render(request, "network/contacts.html", context)


def _query(request: HttpRequest, **changes: str | None) -> str:
    """The list's query string with some parameters changed (None removes one)."""
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return query.urlencode()


def _sortable(request: HttpRequest, sort: str) -> dict[str, dict[str, str]]:
    """For each sortable column: its link (a click turns the order round) and aria-sort."""
    columns = {}
    for column, first in listing.SORTS.items():
        current = sort.lstrip("-") == column
        turned = sort[1:] if sort.startswith("-") else f"-{sort}"
        columns[column] = {
            "url": "?" + _query(request, page=None, sort=turned if current else first),
            "sort": ("descending" if sort.startswith("-") else "ascending") if current else "",
        }
    return columns


# --- One contact ---------------------------------------------------------------------------------


@require_GET
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    return _contact_page(request, access.contact_of(request.user, pk))


def _contact_page(
    request: HttpRequest, person: Contact, status: int = 200, **forms: Any
) -> HttpResponse:
    """The contact page; a failed form comes back bound, with its errors and the typed text."""
    try:
        limit = max(TIMELINE_STEP, min(int(request.GET.get("entries", "")), 5000))
    except ValueError:
        limit = TIMELINE_STEP
    entries, has_more = contact_timeline(person, limit)
    last_on = agenda.last_interaction_on(person)
    today_ = timezone.localdate()
    tags = list(person.tags.all())
    context = {
        "nav": "contacts",
        "contact": person,
        "emails": list(person.emails.all()),
        "phones": list(person.phones.all()),
        "tags": tags,
        "entries": entries,
        "more_entries": limit + TIMELINE_STEP if has_more else None,
        "last_on": last_on,
        "next_due": person.next_due_on(last_on),
        "warning": services.outreach_warning(contact=person, on=today_),
        # The compact menu beside Write, as on Today; how you were in touch is optional there.
        "as_of": today_,
        "kinds": InteractionKind.choices(),
        "heard_kinds": HEARD_KINDS,  # … and "They got in touch", in the same menu
        "update_form": forms.get("update_form") or RecordUpdateForm(),
        "core_form": forms.get("core_form")
        or CoreForm(initial={"is_core": person.is_core, "cadence_days": person.cadence_days}),
        "notes_form": forms.get("notes_form")
        or NotesForm(initial={"notes": person.notes, "tags": ", ".join(t.name for t in tags)}),
        # A form that came back with a problem opens its panel (update, core or notes).
        "open": next((name.removesuffix("_form") for name in forms), ""),
        "initials": "".join(word[0] for word in person.name.split()[:2]).upper(),
    }
    return render(request, "network/contact.html", context, status=status)


def _back_to(person: Contact) -> HttpResponse:
    return redirect("network:contact", pk=person.pk)


@require_POST
def contact_heard(request: HttpRequest, pk: int) -> HttpResponse:
    """They got in touch: logged as from them, by the same service as `hedgerow log --incoming`
    and the API. It counts as being in touch (rule N8), and a message, email or call from them
    answers your notes (N6, N11)."""
    person = access.contact_of(request.user, pk)
    form = HeardForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return _back_to(person)
    logged = services.log_interaction(
        contact=person, direction=Interaction.Direction.INCOMING, **form.cleaned_data
    )
    interaction = logged.interaction
    how = interaction.get_kind_display().lower()
    day = day_text(timezone.localdate(interaction.occurred_at))
    messages.success(request, f"Saved: {person.name} got in touch ({how}, {day}).")
    return _back_to(person)


@require_POST
def contact_update(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    form = RecordUpdateForm(request.POST)
    if not form.is_valid():
        return _contact_page(request, person, status=400, update_form=form)
    services.record_update(contact=person, **form.cleaned_data)
    messages.success(request, "Saved. It's on Today as a reason to write to them.")
    return _back_to(person)


@require_POST
def contact_core(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    form = CoreForm(request.POST)
    if not form.is_valid():
        return _contact_page(request, person, status=400, core_form=form)
    core = form.cleaned_data["is_core"]
    services.set_core(contact=person, core=core, every=form.cleaned_data["cadence_days"])
    text = f"{person.name} is a core contact." if core else f"{person.name} is no longer core."
    messages.success(request, text)
    return _back_to(person)


@require_POST
def contact_notes(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    form = NotesForm(request.POST)
    if not form.is_valid():
        return _contact_page(request, person, status=400, notes_form=form)
    services.edit_contact_notes(contact=person, **form.cleaned_data)
    messages.success(request, "Notes and tags saved.")
    return _back_to(person)


@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first, saying what goes with them; deleting is for good."""
    person = access.contact_of(request.user, pk)
    if request.method == "POST":
        name = removal.delete_contact(contact=person)
        messages.success(request, f"Deleted {name} and everything about them.")
        return redirect("network:contacts")
    context = {"nav": "contacts", "contact": person, "footprint": removal.footprint_of(person)}
    return render(request, "network/contact_delete.html", context)


@require_POST
def interaction_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = access.interaction_of(request.user, pk)
    person = interaction.contact
    removal.delete_interaction(interaction=interaction)
    messages.success(request, f"Deleted that {interaction.get_kind_display().lower()}.")
    return _back_to(person)


# --- Import --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    # LoginRequiredMiddleware lets only signed-in people this far.
    keep = profile_of(cast(User, request.user)).store_message_bodies
    form = ImportForm(
        request.POST or None, request.FILES or None, initial={"keep_message_text": keep}
    )
    refused = getattr(request, "upload_refused", 0)  # lib/uploads.py dropped it as it came
    if refused:
        form = ImportForm(initial={"keep_message_text": keep})
        return _import_page(request, form, upload_too_big(refused), status=413)
    error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = background.queue_import(
                owner=request.user,
                source=form.cleaned_data["source"],
                file_name=upload.name,
                chunks=upload.chunks(),
                keep_message_text=form.cleaned_data["keep_message_text"],
            )
        except InvalidInput as problem:
            error = str(problem)
        else:
            return redirect("network:import-job", job_id=job.pk)
    return _import_page(request, form, error, status=400 if request.method == "POST" else 200)


def _import_page(
    request: HttpRequest, form: ImportForm, error: str | None = None, *, status: int = 200
) -> HttpResponse:
    context = {
        "nav": "import",
        "form": form,
        "error": error,
        "jobs": _labelled(
            access.import_jobs_of(request.user).filter(
                status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
            )
        ),
        "runs": _labelled(access.import_runs_of(request.user)[:20]),
        "to_review": access.review_items_of(request.user).filter(resolved_at__isnull=True).count(),
    }
    return render(request, "network/import.html", context, status=status)


@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    """An import running in the background: its progress, then its summary (the run's page)."""
    job = background.give_up_if_abandoned(access.import_job_of(request.user, job_id))
    if job.status == ImportJob.Status.DONE and job.run_id:
        return redirect("network:import-run", run_id=job.run_id)
    context = {"nav": "import", "job": _labelled([job])[0], "poll": not job.finished}
    return render(request, "network/import_job.html", context)


@require_GET
def import_job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """What the job page polls (htmx): the progress bar, an error sentence, or, once the import
    is done, a redirect to its summary."""
    job = background.give_up_if_abandoned(access.import_job_of(request.user, job_id))
    if job.status == ImportJob.Status.DONE and job.run_id:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("network:import-run", args=[job.run_id])
        return response
    context = {"job": job, "poll": not job.finished}
    return render(request, "network/_import_progress.html", context)


SOURCE_LABELS = {
    "linkedin": "LinkedIn",
    "vcard": "vCard",
    "google-csv": "Google Contacts",
    "mbox": "Mail (mbox)",
    "ics": "Calendar",
    "imap": "Mail (IMAP)",
}


def _labelled(runs: Iterable[ImportRunOrJob]) -> list[ImportRunOrJob]:
    rows = list(runs)
    for run in rows:
        run.source_label = SOURCE_LABELS.get(run.source, run.source)  # type: ignore[attr-defined]
    return rows


PROBLEMS_SHOWN = 500


@require_GET
def import_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_of(request.user, run_id)
    problems = run.problems or []
    context = {
        "nav": "import",
        "run": run,
        "counts": _counts_in_words(run.counts or {}),
        "notes": run.notes,
        "problems": problems[:PROBLEMS_SHOWN],
        "more_problems": max(0, len(problems) - PROBLEMS_SHOWN),
        "to_review": access.review_items_of(request.user)
        .filter(import_run=run, resolved_at__isnull=True)
        .count(),
        "undo_blocked": _undo_blocked(run),
    }
    return render(request, "network/import_run.html", context)


def _undo_blocked(run: ImportRun) -> str:
    """Why this run cannot be undone now, or "" when it can."""
    try:
        journal.check_undoable(run)
    except InvalidInput as error:
        return str(error)
    return ""


@require_POST
def import_confirm(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_of(request.user, run_id)
    try:
        job = background.queue_confirmed_import(run=run)
    except InvalidInput as error:
        messages.error(request, str(error))
        return redirect("network:import")
    return redirect("network:import-job", job_id=job.pk)


@require_POST
def import_cancel(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_of(request.user, run_id)
    try:
        services.cancel_import(run=run)
    except InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Cancelled: nothing of that file was imported.")
    return redirect("network:import")


@require_http_methods(["GET", "POST"])
def import_undo(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.import_run_of(request.user, run_id)
    blocked = _undo_blocked(run)
    if request.method == "POST" and not blocked:
        undone = services.undo_import(run=run)
        removed = journal.in_words(undone.removed) or "nothing"
        messages.success(
            request,
            f"Undone. Removed {removed}; put back {undone.restored:,} changed rows. Your "
            "network is as it was before this import.",
        )
        return redirect("network:import-run", run_id=run.pk)
    context = {
        "nav": "import",
        "run": run,
        "blocked": blocked,
        "counts": _counts_in_words(run.counts or {}),
        "lost": journal.your_own_records_lost(run),
    }
    return render(request, "network/import_undo.html", context, status=400 if blocked else 200)


@require_http_methods(["GET", "POST"])
def import_delete(request: HttpRequest, run_id: int) -> HttpResponse:
    """Delete an import: undo what it brought in (if it still stands), then forget the run."""
    run = access.import_run_of(request.user, run_id)
    blocked = "" if run.status != ImportRun.Status.DONE else _undo_blocked(run)
    if blocked and not journal.keeps_journal(run):
        blocked = ""  # an import from before undo existed: only its record goes
    if request.method == "POST" and not blocked:
        try:
            undone = removal.delete_import_run(run=run)
        except InvalidInput as error:
            messages.error(request, str(error))
            return redirect("network:import-run", run_id=run.pk)
        removed = (
            f" Removed {journal.in_words(undone.removed)}." if undone and undone.removed else ""
        )
        messages.success(request, f"Deleted the import of {run.file_name}.{removed}")
        return redirect("network:import")
    context = {
        "nav": "import",
        "run": run,
        "blocked": blocked,
        "undoes": run.status == ImportRun.Status.DONE and journal.keeps_journal(run),
        "counts": _counts_in_words(run.counts or {}),
        "lost": journal.your_own_records_lost(run) if run.status == ImportRun.Status.DONE else 0,
    }
    return render(request, "network/import_delete.html", context, status=400 if blocked else 200)


def _counts_in_words(counts: dict[str, int]) -> list[str]:
    """{"contacts_created": 3} → ["3 contacts created"], "1 contact created"; zeros say nothing."""
    lines = []
    for key, n in sorted(counts.items()):
        if not n:
            continue
        words = key.split("_")
        if n == 1 and words[0].endswith("s") and not words[0].endswith("ss"):
            words[0] = words[0][:-1]
        lines.append(f"{n:,} {' '.join(words)}")
    return lines


@require_GET
def review(request: HttpRequest) -> HttpResponse:
    items = (
        access.review_items_of(request.user)
        .filter(resolved_at__isnull=True)
        .select_related("contact")
        .order_by("-score", "id")[:100]
    )
    rows = [{"item": item, "fields": _candidate_fields(item.candidate)} for item in items]
    merges = access.merges_of(request.user).filter(undone_at__isnull=True).select_related("into")
    context = {"nav": "import", "items": rows, "merges": merges[:20]}
    return render(request, "network/review.html", context)


@require_POST
def merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.merge_of(request.user, pk)
    restored = undo_merge(record=record)
    if restored is None:
        messages.info(request, "That merge was already undone.")
    else:
        messages.success(request, f"{restored.name} is a contact of their own again.")
    return redirect("network:review")


CANDIDATE_FIELDS = [
    ("name", "Name"),
    ("emails", "Email"),
    ("phones", "Phone"),
    ("company", "Company"),
    ("position", "Position"),
    ("linkedin_url", "LinkedIn"),
    ("tags", "Tags"),
    ("notes", "Notes"),
]


def _candidate_fields(candidate: dict[str, Any]) -> list[tuple[str, str]]:
    """An imported card's fields as label/text pairs, with where it came from."""
    fields = []
    for key, label in CANDIDATE_FIELDS:
        value = candidate.get(key)
        if isinstance(value, list):
            value = ", ".join(
                (v.get("email") or v.get("number") or "") if isinstance(v, dict) else str(v)
                for v in value
            )
        if value:
            fields.append((label, str(value)))
    if candidate.get("file"):
        line = f", line {candidate['line']}" if candidate.get("line") else ""
        fields.append(("From", f"{candidate['file']}{line}"))
    return fields


@require_POST
def review_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.review_item_of(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose “same person” or “different people”.")
        return redirect("network:review")
    merge = form.cleaned_data["decision"] == "merge"
    resolve_any_review_item(item=item, merge=merge)
    name = item.contact.name
    text = f"Merged into {name}." if merge else f"Kept apart from {name}."
    messages.success(request, text)
    return redirect("network:review")


# --- People you may know (rule N10) -----------------------------------------------------------

SUGGESTIONS_SHOWN = 50


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    found = suggest.suggestions(request.user, limit=SUGGESTIONS_SHOWN)
    rows = [
        {"suggested": item, "shared": suggest.shared_history(item.contact)} for item in found[:10]
    ] + [{"suggested": item, "shared": None} for item in found[10:]]
    set_aside = (
        access.suggestions_of(request.user)
        .filter(Q(dismissed_on__isnull=False) | Q(snoozed_until__gt=timezone.localdate()))
        .select_related("contact")
        .order_by("contact__name")
    )
    context = {"nav": "suggestions", "rows": rows, "set_aside": set_aside[:100]}
    return render(request, "network/suggestions.html", context)


def _back_to_suggestions(request: HttpRequest, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(_next_url(request, reverse("network:suggestions")))


@require_POST
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    suggest.dismiss_suggestion(contact=person)
    return _back_to_suggestions(request, f"{person.name} won't be suggested again.")


@require_POST
def suggestion_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    until = suggest.snooze_suggestion(contact=person)
    return _back_to_suggestions(
        request, f"Set aside. {person.name} may come back after {day_text(until)}."
    )


@require_POST
def suggestion_restore(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.contact_of(request.user, pk)
    suggest.restore_suggestion(contact=person)
    return _back_to_suggestions(request, f"{person.name} is among the people you may know again.")
