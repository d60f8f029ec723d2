"""JSON API: a person's interactions, updates and invitations, paged like GET /api/v1/contacts,
and deleting a contact, an interaction or an import. Registered on the network router."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import QuerySet
from ninja import Query, Schema, Status
from ninja.errors import HttpError

from hedgerow.lib.api_errors import ErrorOut
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest
from hedgerow.network import access, removal
from hedgerow.network.api import MAX_OFFSET, MAX_PAGE, router
from hedgerow.network.models import Interaction, Invitation, Update

# The same paging as /contacts: `limit` rows (1 to 1000) after `offset`; out of range is a 422.
LIMIT = Query(100, ge=1, le=MAX_PAGE)
OFFSET = Query(0, ge=0, le=MAX_OFFSET)
CONTACT = Query(None, description="Only this contact's (one of yours; another id is a 404).")


def page(found: QuerySet, limit: int, offset: int) -> QuerySet:
    return found[offset : offset + limit]


class InteractionRow(Schema):
    id: int
    contact_id: int
    kind: str
    direction: str
    occurred_at: datetime
    source: str
    subject: str
    text: str


class UpdateRow(Schema):
    id: int
    contact_id: int
    kind: str
    summary: str
    url: str
    detected_on: date
    acknowledged_on: date | None
    snoozed_until: date | None
    history: bool
    source: str


class InvitationRow(Schema):
    id: int
    contact_id: int | None
    name: str
    linkedin_url: str
    direction: str
    status: str
    sent_at: datetime
    accepted_on: date | None
    replied_on: date | None
    note: str
    history: bool


@router.get(
    "/interactions",
    response=list[InteractionRow],
    summary="Interactions, newest first; contact_id keeps one contact's",
)
def interactions(
    request: ApiRequest, contact_id: int | None = CONTACT, limit: int = LIMIT, offset: int = OFFSET
) -> list[Interaction]:
    found = access.interactions_of(request.auth)
    if contact_id is not None:
        found = found.filter(contact_id=access.contact_of(request.auth, contact_id).pk)
    return list(page(found.order_by("-occurred_at", "-id"), limit, offset))


@router.get(
    "/updates", response=list[UpdateRow], summary="Updates, newest first; contact_id keeps one's"
)
def updates(
    request: ApiRequest, contact_id: int | None = CONTACT, limit: int = LIMIT, offset: int = OFFSET
) -> list[Update]:
    found = access.updates_of(request.auth)
    if contact_id is not None:
        found = found.filter(contact_id=access.contact_of(request.auth, contact_id).pk)
    return list(page(found.order_by("-detected_on", "-id"), limit, offset))


@router.get(
    "/invitations",
    response=list[InvitationRow],
    summary="Invitations sent and received, newest first",
)
def invitations(request: ApiRequest, limit: int = LIMIT, offset: int = OFFSET) -> list[Invitation]:
    found = access.invitations_of(request.auth).order_by("-sent_at", "-id")
    return list(page(found, limit, offset))


@router.delete(
    "/contacts/{contact_id}",
    response={204: None},
    summary="Delete a contact and everything about them, for good",
)
def delete_contact(request: ApiRequest, contact_id: int) -> Status[None]:
    removal.delete_contact(contact=access.contact_of(request.auth, contact_id))
    return Status(204, None)


@router.delete("/interactions/{interaction_id}", response={204: None})
def delete_interaction(request: ApiRequest, interaction_id: int) -> Status[None]:
    removal.delete_interaction(interaction=access.interaction_of(request.auth, interaction_id))
    return Status(204, None)


class ImportDeleted(Schema):
    run_id: int
    removed: dict[str, int]


@router.delete(
    "/imports/{run_id}",
    response={200: ImportDeleted, 409: ErrorOut},
    summary="Delete an import: undo what it brought in, then forget it",
)
def delete_import(request: ApiRequest, run_id: int) -> ImportDeleted:
    run = access.import_run_of(request.auth, run_id)
    try:
        undone = removal.delete_import_run(run=run)
    except InvalidInput as error:
        raise HttpError(409, str(error)) from None
    return ImportDeleted(run_id=run_id, removed=undone.removed if undone else {})
