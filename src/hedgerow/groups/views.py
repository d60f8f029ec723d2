"""The group pages: your groups, a group's feed (rule G5), its members and invitations, joining by
link, and the email digest's settings. Each view: fetch through access.py -> validate a small
form -> call one service -> render or redirect. Replies and reactions answer htmx with the
check-in's responses; everything works without JavaScript."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hedgerow.goals.access import active_goal_of
from hedgerow.groups import access, assessment, feed, services
from hedgerow.groups.forms import (
    DigestForm,
    GroupForm,
    InviteForm,
    NudgeForm,
    PromptForm,
    ReactionForm,
    ReplyForm,
    RoleForm,
    ShareForm,
    ThresholdForm,
)
from hedgerow.groups.models import Invite, Membership, Reply
from hedgerow.lib.forms import first_error
from hedgerow.lib.http import AuthenticatedHttpRequest


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _feed_url(group_id: int, anchor: str = "") -> str:
    url = reverse("groups:feed", args=[group_id])
    return f"{url}#{anchor}" if anchor else url


def invite_url(request: HttpRequest, invite: Invite) -> str:
    return request.build_absolute_uri(reverse("groups:join", args=[invite.token]))


# --- your groups ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.create_group(creator=request.user, **form.cleaned_data)
        messages.success(request, f"{group.name} is ready. Invite people from Members.")
        return redirect("groups:members", group.pk)
    memberships = list(access.memberships_of(request.user).order_by("group__name"))
    rows = [(m, feed.unread_count(m)) for m in memberships]
    context = {"nav": "groups", "rows": rows, "form": form}
    return render(request, "groups/index.html", context, status=400 if form.is_bound else 200)


# --- the feed -------------------------------------------------------------------------------------


@require_GET
def group_feed(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    group = membership.group
    today = timezone.localdate()
    before = _moment(request.GET.get("before", ""))
    items = feed.feed_items(membership, limit=feed.PAGE_SIZE, before=before)
    context: dict[str, Any] = {
        "nav": "groups",
        "group": group,
        "membership": membership,
        "entries": [(item, ReplyForm(checkin_id=item.obj.pk)) for item in items],
        "reply_kinds": Reply.Kind.choices,
        "older": items[-1].at.isoformat() if len(items) == feed.PAGE_SIZE else None,
        "shared_goal": services.shared_goal(membership),
        "active_goal": active_goal_of(request.user),
        "nudges": access.nudges_for(request.user).filter(group=group, seen_at__isnull=True),
        "open_round": group.rounds.filter(closed_at__isnull=True).first(),
        "open_questions": group.questions.filter(decided_at__isnull=True)[:3],
    }
    if context["open_round"] is not None:
        context["answered"] = assessment.has_answered(
            rnd=context["open_round"], person=request.user
        )
    if membership.leads:
        context["week_rows"] = feed.week_rows(group, today)
        context["group_week"] = services.group_week(group, today)
        context["prompt_form"] = PromptForm(initial={"text": services.default_prompt(group, today)})
    if before is None:
        # The items above already carry their "new" marks; from now on they are seen.
        services.mark_seen(membership=membership)
    return render(request, "groups/feed.html", context)


def _moment(text: str) -> datetime | None:
    """The `before` of an older page of the feed; anything unreadable means the newest page."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else None


@require_POST
def share(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose to share your goal or to stop.")
    elif form.cleaned_data["share"] == "stop":
        services.stop_sharing(membership=membership)
        messages.success(request, "You no longer share your goal with this group.")
    else:
        goal = active_goal_of(request.user)
        if goal is None:
            messages.error(request, "You have no goal yet: write one under Goal first.")
        else:
            services.share_goal(membership=membership, goal=goal)
            messages.success(request, "Shared: the group sees your goal and weekly check-ins.")
    return redirect("groups:feed", group_id)


def _responses(request: HttpRequest, membership: Membership, checkin_id: int, **extra: Any):
    checkin = access.shared_checkin_of(membership.group, checkin_id)
    context = {
        "item": feed.checkin_item(membership, checkin),
        "group": membership.group,
        "membership": membership,
        "reply_form": extra.pop("form", None) or ReplyForm(checkin_id=checkin.pk),
        "reply_kinds": Reply.Kind.choices,
        **extra,
    }
    # 200 even when the reply needs another look: htmx swaps only successful answers in.
    return render(request, "groups/_responses.html", context)


@require_POST
def reply(request: AuthenticatedHttpRequest, group_id: int, checkin_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    checkin = access.shared_checkin_of(membership.group, checkin_id)
    form = ReplyForm(request.POST, checkin_id=checkin.pk)
    if not form.is_valid():
        if _is_htmx(request):
            return _responses(request, membership, checkin.pk, form=form)
        messages.error(request, first_error(form))
        return redirect(_feed_url(group_id, f"checkin-{checkin.pk}"))
    services.reply_to_checkin(membership=membership, checkin=checkin, **form.cleaned_data)
    if _is_htmx(request):
        return _responses(request, membership, checkin.pk, status_text="Your reply is posted.")
    messages.success(request, "Your reply is posted.")
    return redirect(_feed_url(group_id, f"checkin-{checkin.pk}"))


@require_POST
def react(request: AuthenticatedHttpRequest, group_id: int, checkin_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    checkin = access.shared_checkin_of(membership.group, checkin_id)
    form = ReactionForm(request.POST)
    try:
        kind = form.data.get("kind", "")
        services.toggle_reaction(membership=membership, checkin=checkin, kind=kind)
    except services.InvalidInput as error:
        messages.error(request, str(error))
    if _is_htmx(request):
        return _responses(request, membership, checkin.pk)
    return redirect(_feed_url(group_id, f"checkin-{checkin.pk}"))


@require_POST
def reply_delete(request: AuthenticatedHttpRequest, group_id: int, reply_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    found = access.reply_written_by(request.user, membership.group, reply_id)
    checkin_id = found.checkin_id
    services.delete_reply(reply=found)
    messages.success(request, "Your reply is removed.")
    return redirect(_feed_url(group_id, f"checkin-{checkin_id}"))


@require_POST
def prompt(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    form = PromptForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
    else:
        services.post_prompt(membership=membership, text=form.cleaned_data["text"])
        messages.success(request, "Your prompt is on the group's page.")
    return redirect("groups:feed", group_id)


@require_POST
def nudge(request: AuthenticatedHttpRequest, group_id: int, member_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    member = access.member_of(membership.group, member_id)
    form = NudgeForm(request.POST)
    text = form.data.get("text", "") if form.is_valid() else ""
    try:
        services.nudge_member(membership=membership, member=member, text=text)
    except services.InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"A gentle nudge is on its way to {feed.display_name(member.owner)}."
        )
    return redirect(_feed_url(group_id, "this-week"))


@require_POST
def nudge_seen(request: AuthenticatedHttpRequest, group_id: int, nudge_id: int) -> HttpResponse:
    access.membership_of(request.user, group_id)
    services.dismiss_nudge(nudge=access.nudge_for(request.user, nudge_id))
    return redirect("groups:feed", group_id)


# --- members and invitations ----------------------------------------------------------------------


def _members_page(
    request: HttpRequest, membership: Membership, status: int = 200, **extra: Any
) -> HttpResponse:
    group = membership.group
    context: dict[str, Any] = {
        "nav": "groups",
        "group": group,
        "membership": membership,
        "members": access.members_of(group),
        **extra,
    }
    if membership.leads:
        now = timezone.now()
        invites = access.invites_of(group).filter(revoked_at__isnull=True, expires_at__gt=now)
        context["invites"] = [(invite, invite_url(request, invite)) for invite in invites]
        context.setdefault("invite_form", InviteForm())
    return render(request, "groups/members.html", context, status=status)


@require_GET
def members(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    return _members_page(request, access.membership_of(request.user, group_id))


@require_POST
def invite_create(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, membership, status=400, invite_form=form)
    invite = services.create_invite(membership=membership, **form.cleaned_data)
    messages.success(request, "A new invitation link is ready: copy it and send it.")
    return redirect(f"{reverse('groups:members', args=[group_id])}#invite-{invite.pk}")


@require_POST
def invite_revoke(request: AuthenticatedHttpRequest, group_id: int, invite_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    invite = access.invite_of(membership.group, invite_id)
    services.revoke_invite(membership=membership, invite=invite)
    messages.success(request, "That link no longer works.")
    return redirect("groups:members", group_id)


@require_POST
def member_role(request: AuthenticatedHttpRequest, group_id: int, member_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    member = access.member_of(membership.group, member_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose coach, facilitator or member.")
        return redirect("groups:members", group_id)
    try:
        services.set_role(membership=membership, member=member, role=form.cleaned_data["role"])
    except services.InvalidInput as error:
        messages.error(request, str(error))
    else:
        name = feed.display_name(member.owner)
        messages.success(request, f"{name} is now {member.get_role_display().lower()}.")
    return redirect("groups:members", group_id)


@require_POST
def member_remove(request: AuthenticatedHttpRequest, group_id: int, member_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    member = access.member_of(membership.group, member_id)
    try:
        services.remove_member(membership=membership, member=member)
    except services.InvalidInput as error:
        messages.error(request, str(error))
    else:
        name = feed.display_name(member.owner)
        messages.success(request, f"{name} is no longer in {membership.group.name}.")
    return redirect("groups:members", group_id)


@require_http_methods(["GET", "POST"])
def leave(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    if request.method == "POST":
        try:
            services.leave_group(membership=membership)
        except services.InvalidInput as error:
            messages.error(request, str(error))
            return redirect("groups:members", group_id)
        messages.success(request, f"You have left {membership.group.name}.")
        return redirect("groups:index")
    context = {"nav": "groups", "group": membership.group, "membership": membership}
    return render(request, "groups/leave.html", context)


@require_http_methods(["GET", "POST"])
def join(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    invite = access.usable_invite(token)
    if invite is None:
        return render(request, "groups/join_gone.html", {"nav": "groups"}, status=404)
    existing = access.memberships_of(request.user).filter(group=invite.group).first()
    if existing is not None:
        messages.info(request, f"You are already in {invite.group.name}.")
        return redirect("groups:feed", invite.group_id)
    if request.method == "POST":
        membership = services.accept_invite(invite=invite, person=request.user)
        messages.success(request, f"Welcome to {membership.group.name}.")
        return redirect("groups:feed", membership.group_id)
    context = {
        "nav": "groups",
        "invite": invite,
        "inviter": feed.display_name(invite.created_by),
        "members": invite.group.memberships.count(),
    }
    return render(request, "groups/join.html", context)


# --- settings -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def group_settings(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    group = membership.group
    initial = {"name": group.name, "purpose": group.purpose, "start_date": group.start_date}
    form = GroupForm(request.POST or None, initial=initial)
    threshold_form = ThresholdForm(initial={"threshold": group.results_threshold})
    if request.method == "POST" and form.is_valid():
        services.update_group(membership=membership, **form.cleaned_data)
        messages.success(request, "Saved.")
        return redirect("groups:settings", group_id)
    context = {
        "nav": "groups",
        "group": group,
        "membership": membership,
        "form": form,
        "threshold_form": threshold_form,
    }
    return render(request, "groups/settings.html", context, status=400 if form.is_bound else 200)


@require_POST
def threshold(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    form = ThresholdForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("groups:settings", group_id)
    try:
        services.raise_threshold(membership=membership, threshold=form.cleaned_data["threshold"])
    except services.InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Saved: results now need more answers before they show.")
    return redirect("groups:settings", group_id)


@require_http_methods(["GET", "POST"])
def digest_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    setting = services.digest_setting_of(request.user)
    initial = {"email": request.user.email, "frequency": setting.frequency}
    form = DigestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_digest_setting(person=request.user, **form.cleaned_data)
        messages.success(request, "Saved your email digest settings.")
        return redirect("groups:digest")
    context = {"nav": "groups", "form": form}
    return render(request, "groups/digest.html", context, status=400 if form.is_bound else 200)
