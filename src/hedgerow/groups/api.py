"""Groups in the JSON API at /api/v1/: groups and invitations, the feed and sharing (rule G5),
Great Groups rounds (rule T1). The same services and shapes as the pages and the CLI; a group
someone is not in is never found (404), a lead's action asked by a member is refused (403)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from ninja import Query, Router, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field, create_model
from typing_extensions import TypedDict  # pydantic (the API) needs this one on 3.11

from hedgerow.goals.access import active_goal_of, goals_of
from hedgerow.groups import access, assessment, feed, services
from hedgerow.groups.models import Membership
from hedgerow.lib.api_errors import refusal
from hedgerow.lib.api_fields import Day, Input, Whole, words
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest

router = Router(tags=["groups"])


@contextmanager
def plain_errors() -> Iterator[None]:
    """The services' refusals as HTTP answers with the same plain sentence."""
    try:
        yield
    except assessment.AlreadyAnswered as error:
        raise HttpError(409, str(error)) from None
    except InvalidInput as error:
        raise refusal(error) from None
    except PermissionDenied as error:
        message = str(error) or "Only the group's coach or facilitator can do that."
        raise HttpError(403, message) from None


def lead_of(request: ApiRequest, group_id: int) -> Membership:
    with plain_errors():
        return access.lead_membership_of(request.auth, group_id)


# --- groups and invitations -----------------------------------------------------------------------


class GroupIn(Input):
    name: str = words(max_length=services.NAME_MAX)
    purpose: str = Field("", max_length=services.TEXT_MAX)
    start_date: Day | None = None


class Created(TypedDict):
    id: int


class GroupCreated(TypedDict):
    id: int
    name: str


class InviteIn(Input):
    role: Literal["coach", "facilitator", "member"] = "member"  # Membership.Role
    days: Whole = Field(services.INVITE_DAYS, ge=1, le=services.INVITE_MAX_DAYS)


class InviteOut(TypedDict):
    token: str
    url: str
    role: str
    expires_at: str


class Joined(TypedDict):
    group: feed.GroupJson


@router.get("/groups", response=list[feed.GroupJson], summary="Your groups, with what is new")
def groups(request: ApiRequest) -> list[feed.GroupJson]:
    memberships = access.memberships_of(request.auth).order_by("group__name", "group_id")
    return [feed.group_json(m) for m in memberships]


@router.post("/groups", response={201: GroupCreated}, summary="Start a group; you are its coach")
def create_group(request: ApiRequest, payload: GroupIn) -> Status[GroupCreated]:
    with plain_errors():
        group = services.create_group(creator=request.auth, **payload.dict())
    return Status(201, {"id": group.pk, "name": group.name})


@router.post(
    "/groups/{group_id}/invites",
    response={201: InviteOut},
    summary="An invitation link (as `group invite`)",
)
def create_invite(
    request: ApiRequest, group_id: int, payload: InviteIn | None = None
) -> Status[InviteOut]:
    membership = lead_of(request, group_id)
    given = payload or InviteIn()  # type: ignore[call-arg]
    with plain_errors():
        invite = services.create_invite(membership=membership, role=given.role, days=given.days)
    path = reverse("groups:join", args=[invite.token])
    return Status(
        201,
        {
            "token": invite.token,
            "url": request.build_absolute_uri(path),
            "role": invite.role,
            "expires_at": invite.expires_at.isoformat(),
        },
    )


@router.post(
    "/invites/{token}/accept", response=Joined, summary="Join a group by its invitation token"
)
def accept_invite(request: ApiRequest, token: str) -> Joined:
    with plain_errors():
        membership = services.accept_invite(invite=access.usable_invite(token), person=request.auth)
    return {"group": feed.group_json(membership)}


# --- the feed and sharing -------------------------------------------------------------------------


class ShareIn(Input):
    goal_id: Whole | None = None


class ShareOut(TypedDict):
    group_id: int
    goal_id: int | None
    sentence: str | None


class ReplyIn(Input):
    kind: Literal["encouragement", "insight", "suggestion"]  # CheckinReply.Kind
    text: str = words(max_length=services.TEXT_MAX)


@router.get(
    "/groups/{group_id}/members",
    response=list[feed.MemberJson],
    summary="Who is in the group (as `group members --json`)",
)
def members(request: ApiRequest, group_id: int) -> list[feed.MemberJson]:
    membership = access.membership_of(request.auth, group_id)
    return [feed.member_json(member) for member in access.members_of(membership.group)]


@router.delete(
    "/groups/{group_id}/members/{member_id}",
    response={204: None},
    summary="Take someone out of a group you coach (as `group remove`)",
)
def remove_member(request: ApiRequest, group_id: int, member_id: int) -> Status[None]:
    membership = lead_of(request, group_id)
    member = access.member_of(membership.group, member_id)
    with plain_errors():
        services.remove_member(membership=membership, member=member)
    return Status(204, None)


@router.get(
    "/groups/{group_id}/feed", response=feed.FeedJson, summary="The feed (as `group feed --json`)"
)
def group_feed(
    request: ApiRequest, group_id: int, limit: int = Query(feed.FEED_SIZE, ge=1, le=200)
) -> feed.FeedJson:
    membership = access.membership_of(request.auth, group_id)
    return feed.feed_json(membership, limit=limit)


@router.put(
    "/groups/{group_id}/share",
    response=ShareOut,
    summary="Share a goal's check-ins with the group (default: your active goal)",
)
def share(request: ApiRequest, group_id: int, payload: ShareIn | None = None) -> ShareOut:
    membership = access.membership_of(request.auth, group_id)
    goal_id = payload.goal_id if payload else None
    goal = goals_of(request.auth).filter(pk=goal_id).first() if goal_id else None
    goal = goal if goal_id else active_goal_of(request.auth)
    if goal is None:
        raise HttpError(404, "You have no such goal: write one under Goal, step 1, first.")
    services.share_goal(membership=membership, goal=goal)
    return {"group_id": group_id, "goal_id": goal.pk, "sentence": goal.sentence}


@router.delete("/groups/{group_id}/share", response={204: None}, summary="Stop sharing")
def stop_sharing(request: ApiRequest, group_id: int) -> Status[None]:
    services.stop_sharing(membership=access.membership_of(request.auth, group_id))
    return Status(204, None)


@router.post(
    "/groups/{group_id}/checkins/{checkin_id}/replies",
    response={201: feed.ReplyJson},
    summary="Encouragement, an insight or a suggestion on a shared check-in",
)
def reply(
    request: ApiRequest, group_id: int, checkin_id: int, payload: ReplyIn
) -> Status[feed.ReplyJson]:
    membership = access.membership_of(request.auth, group_id)
    checkin = access.shared_checkin_of(membership.group, checkin_id)
    with plain_errors():
        created = services.reply_to_checkin(
            membership=membership, checkin=checkin, kind=payload.kind, text=payload.text
        )
    return Status(201, feed.reply_json(created))


# --- Great Groups rounds (T1) ---------------------------------------------------------------------


# Every element 1-15 rated 1-5 (rule T1), as assessment.answer_round checks.
Ratings = create_model(  # type: ignore[call-overload]
    "Ratings",
    __config__=ConfigDict(extra="forbid"),
    **{f"element_{n}": (Whole, Field(alias=str(n), ge=1, le=5)) for n in range(1, 16)},
)


class ResponseIn(Input):
    ratings: Ratings  # type: ignore[valid-type]
    comment: str = Field("", max_length=assessment.COMMENT_MAX)


class Answered(TypedDict):
    round_id: int
    responses: int


@router.post("/groups/{group_id}/rounds", response={201: Created}, summary="Open a round")
def open_round(request: ApiRequest, group_id: int) -> Status[Created]:
    membership = lead_of(request, group_id)
    with plain_errors():
        rnd = assessment.open_round(membership=membership)
    return Status(201, {"id": rnd.pk})


@router.post(
    "/rounds/{round_id}/responses",
    response={201: Answered},
    summary="Your anonymous answer: ratings 1-5 for elements 1-15; a second one is 409",
)
def answer(request: ApiRequest, round_id: int, payload: ResponseIn) -> Status[Answered]:
    rnd = access.round_of(request.auth, round_id)
    with plain_errors():
        count = assessment.answer_round(
            rnd=rnd,
            person=request.auth,
            ratings=payload.ratings.model_dump(by_alias=True),  # type: ignore[attr-defined]
            comment=payload.comment,
        )
    return Status(201, {"round_id": rnd.pk, "responses": count})


@router.get(
    "/rounds/{round_id}/results",
    response=assessment.RoundResults,
    summary="Totals only, and only once they protect everyone (see docs/groups.md)",
)
def results(request: ApiRequest, round_id: int) -> assessment.RoundResults:
    return assessment.results_of(access.round_of(request.auth, round_id))


@router.post("/rounds/{round_id}/close", response=assessment.RoundResults, summary="Close a round")
def close(request: ApiRequest, round_id: int) -> assessment.RoundResults:
    rnd = access.round_of(request.auth, round_id)
    membership = lead_of(request, rnd.group_id)
    with plain_errors():
        rnd = assessment.close_round(membership=membership, rnd=rnd)
    return assessment.results_of(rnd)
