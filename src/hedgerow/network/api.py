"""JSON API for the network: the same services as the pages and the CLI, under /api/v1/."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hedgerow.lib.api_errors import refusal
from hedgerow.lib.api_fields import MAX_OFFSET, MAX_PAGE, Day, Input, Whole
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest
from hedgerow.network import access, search, services, suggest
from hedgerow.network.models import (
    MAX_CADENCE_DAYS,
    MIN_CADENCE_DAYS,
    Contact,
    ContactEmail,
    Interaction,
)
from hedgerow.vocabulary import InteractionKind

router = Router(tags=["network"])

SEARCH_NOTE_HEADER = "Hedgerow-Search-Note"


class ContactOut(Schema):
    id: int
    name: str
    emails: list[str]
    company: str
    position: str
    linkedin_url: str
    connected: bool
    core: bool
    cadence_days: int
    notes: str


class InteractionIn(Input):
    kind: InteractionKind
    on: Day | None = None
    direction: Interaction.Direction = Interaction.Direction.OUTGOING
    text: str = ""


class InteractionOut(Schema):
    id: int
    contact_id: int
    kind: str
    direction: str
    occurred_at: str
    warning: str | None


class CoreIn(Input):
    every: Whole | None = Field(None, ge=MIN_CADENCE_DAYS, le=MAX_CADENCE_DAYS)


class SnoozeIn(Input):
    days: Whole = Field(7, ge=1, le=services.MAX_SNOOZE_DAYS)


def contact_out(contact: Contact) -> ContactOut:
    return ContactOut(
        id=contact.pk,
        name=contact.name,
        emails=[e.email for e in contact.emails.all()],
        company=contact.company,
        position=contact.position,
        linkedin_url=contact.linkedin_url,
        connected=contact.connected,
        core=contact.is_core,
        cadence_days=contact.cadence_days,
        notes=contact.notes,
    )


@router.get(
    "/contacts",
    response=list[ContactOut],
    summary="Contacts, optionally matching q",
    openapi_extra={
        "responses": {
            200: {
                "description": "OK",
                "headers": {
                    SEARCH_NOTE_HEADER: {
                        "description": "Present when q had more words than are searched "
                        f"(the first {search.MAX_TERMS}), or longer ones: says so in one sentence.",
                        "schema": {"type": "string"},
                    }
                },
            }
        }
    },
)
def contacts(
    request: ApiRequest,
    response: HttpResponse,
    q: str = Query("", description=f"Words to find; the first {search.MAX_TERMS} are searched."),
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> list[ContactOut]:
    found = services.find_contacts(request.auth, q) if q else access.contacts_of(request.auth)
    if note := search.terms_of(q).note:
        response[SEARCH_NOTE_HEADER] = note
    found = found.prefetch_related(Prefetch("emails", queryset=ContactEmail.objects.order_by("id")))
    return [contact_out(c) for c in found.order_by("name", "id")[offset : offset + limit]]


@router.get("/contacts/{contact_id}", response=ContactOut)
def contact(request: ApiRequest, contact_id: int) -> ContactOut:
    return contact_out(access.contact_of(request.auth, contact_id))


@router.post("/contacts/{contact_id}/interactions", response={201: InteractionOut})
def log_interaction(
    request: ApiRequest, contact_id: int, payload: InteractionIn
) -> Status[InteractionOut]:
    found = access.contact_of(request.auth, contact_id)
    logged = services.log_interaction(
        contact=found,
        kind=payload.kind,
        on=payload.on,
        direction=payload.direction,
        text=payload.text,
    )
    interaction = logged.interaction
    return Status(
        201,
        InteractionOut(
            id=interaction.pk,
            contact_id=found.pk,
            kind=interaction.kind,
            direction=interaction.direction,
            occurred_at=interaction.occurred_at.isoformat(),
            warning=logged.warning,
        ),
    )


@router.put("/contacts/{contact_id}/core", response=ContactOut, summary="Make a core contact")
def make_core(request: ApiRequest, contact_id: int, payload: CoreIn) -> ContactOut:
    found = access.contact_of(request.auth, contact_id)
    try:
        services.set_core(contact=found, core=True, every=payload.every)
    except InvalidInput as error:
        raise refusal(error) from None
    return contact_out(found)


@router.delete("/contacts/{contact_id}/core", response=ContactOut)
def remove_core(request: ApiRequest, contact_id: int) -> ContactOut:
    found = access.contact_of(request.auth, contact_id)
    services.set_core(contact=found, core=False)
    return contact_out(found)


@router.post("/updates/{update_id}/done", response={204: None})
def update_done(request: ApiRequest, update_id: int) -> Status[None]:
    services.settle_item(target=access.update_of(request.auth, update_id))
    return Status(204, None)


@router.post("/updates/{update_id}/snooze", response={204: None})
def update_snooze(request: ApiRequest, update_id: int, payload: SnoozeIn) -> Status[None]:
    update = access.update_of(request.auth, update_id)
    try:
        services.snooze_item(target=update, days=payload.days)
    except InvalidInput as error:
        raise refusal(error) from None
    return Status(204, None)


@router.post("/invitations/{invitation_id}/replied", response={204: None})
def invitation_replied(request: ApiRequest, invitation_id: int) -> Status[None]:
    services.settle_item(target=access.invitation_of(request.auth, invitation_id))
    return Status(204, None)


# --- People you may know (rule N10) -----------------------------------------------------------


class SuggestionSnoozeIn(Input):
    days: Whole = Field(30, ge=1, le=365)


@router.get(
    "/suggestions",
    response=list[suggest.SuggestionJson],
    summary="People you may know, best first (as `hedgerow suggest --json`)",
)
def suggestions(
    request: ApiRequest, limit: int = Query(20, ge=1, le=MAX_PAGE), as_of: Day | None = None
) -> list[suggest.SuggestionJson]:
    found = suggest.suggestions(request.auth, as_of=as_of, limit=limit)
    return [item.as_json() for item in found]


@router.post("/suggestions/{contact_id}/dismiss", response={204: None})
def suggestion_dismiss(request: ApiRequest, contact_id: int) -> Status[None]:
    """Not someone to invite: never suggested again (the contact stays)."""
    suggest.dismiss_suggestion(contact=access.contact_of(request.auth, contact_id))
    return Status(204, None)


@router.post("/suggestions/{contact_id}/snooze", response={204: None})
def suggestion_snooze(
    request: ApiRequest, contact_id: int, payload: SuggestionSnoozeIn
) -> Status[None]:
    found = access.contact_of(request.auth, contact_id)
    try:
        suggest.snooze_suggestion(contact=found, days=payload.days)
    except services.InvalidInput as error:
        raise refusal(error) from None
    return Status(204, None)


# Lists of interactions, updates and invitations, and deleting: their own module, same router.
from hedgerow.network import api_lists  # noqa: E402, F401
