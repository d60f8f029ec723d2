"""The goal pages: the overview, the Uber Plan's five steps (rule G4) and the weekly check-in
(rule G6). Each view: fetch through access.py -> validate a small form -> call one service ->
render or redirect. Only the live goal check answers htmx; everything works without JavaScript."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hedgerow.goals import access, export, services, suggest, weeks
from hedgerow.goals.forms import (
    ApproachForm,
    BlockerForm,
    CheckInForm,
    CheckSentenceForm,
    CommitmentForm,
    DoneForm,
    LinkForm,
    MilestoneForm,
    NewGoalForm,
    NextActionForm,
    ReconForm,
    ValueForm,
)
from hedgerow.goals.models import PLAN_WEEKS, Goal, ReconItem
from hedgerow.goals.sentence import check_goal
from hedgerow.lib.dates import day_text
from hedgerow.lib.forms import first_error
from hedgerow.network.access import contact_of


def _steps_context(goal: Goal | None, current: str) -> dict[str, Any]:
    return {"nav": "goal", "goal": goal, "steps": services.plan_steps(goal), "current": current}


def _no_goal_yet(request: HttpRequest) -> HttpResponse:
    messages.info(request, "Start with step 1: your goal in one sentence.")
    return redirect("goals:commitment")


# --- overview -------------------------------------------------------------------------------------


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    context = _steps_context(goal, "")
    if goal is not None:
        summary = weeks.plan_status(goal, timezone.localdate())
        context |= {
            "summary": summary,
            "status_label": weeks.STATUS_LABELS.get(summary["status"] or ""),
            "check": check_goal(goal.sentence),
            "due_on": _due_on(summary),
            "next_on": summary["next_checkin_on"],
            "charts": weeks.progress_charts(summary) if summary["checkins"] else [],
            "next_actions": goal.next_actions.filter(done_on__isnull=True)[:5],
        }
    return render(request, "goals/overview.html", context)


def _due_on(summary: weeks.PlanStatus) -> date | None:
    due = summary["checkin_due"]
    return due["due_on"] if due else None


@require_GET
def export_plan(request: HttpRequest) -> HttpResponse:
    """The goal, its five steps and every check-in as a Markdown file to keep; `?all=1` adds the
    archived goals."""
    include_archived = request.GET.get("all") == "1"
    goals = list(export.goals_to_export(request.user, include_archived=include_archived))
    if not goals:
        raise Http404("No goal yet.")
    today = timezone.localdate()
    response = HttpResponse(
        export.export_markdown(goals, today=today), content_type="text/markdown; charset=utf-8"
    )
    filename = export.export_filename(today)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- step 1, Commitment ---------------------------------------------------------------------------


def _commitment_page(
    request: HttpRequest, goal: Goal | None, form: CommitmentForm, status: int = 200, **extra: Any
) -> HttpResponse:
    sentence = form.data.get("sentence") if form.is_bound else (goal and goal.sentence)
    context = _steps_context(goal, "commitment") | {
        "form": form,
        "check": check_goal(sentence) if sentence else None,
        "adopt": True,  # the check's what-only sentence can be taken in one click (rule G3)
        "blocker_form": extra.pop("blocker_form", None) or BlockerForm(),
        "blockers": goal.blockers.all() if goal else [],
        **extra,
    }
    return render(request, "goals/commitment.html", context, status=status)


@require_http_methods(["GET", "POST"])
def commitment(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if request.method == "GET":
        return _commitment_page(request, goal, CommitmentForm(initial=_commitment_initial(goal)))
    form = CommitmentForm(request.POST)
    if "check" in request.POST or not form.is_valid():
        # The no-JavaScript "Check" button: show what the check says, save nothing yet.
        status = 200 if "check" in request.POST else 400
        return _commitment_page(request, goal, form, status=status)
    data = form.cleaned_data
    if goal is None:
        goal = services.start_goal(owner=request.user, **data)
    else:
        services.revise_commitment(goal=goal, **data)
    if "adopt_what" in request.POST and check_goal(goal.sentence)["how"]:
        # Rule G3, accepted: the goal keeps its what; the how goes to Strategy.
        services.adopt_goal_what(goal=goal)
        messages.success(
            request,
            f"Your goal now says what: \u201c{goal.sentence}\u201d. The how is in Strategy.",
        )
        return redirect("goals:commitment")
    messages.success(request, "Saved your commitment.")
    return redirect("goals:commitment")


def _commitment_initial(goal: Goal | None) -> dict[str, Any]:
    if goal is None:
        return {}
    return {"sentence": goal.sentence, "why_now": goal.why_now, "start_date": goal.start_date}


@require_POST
def check_sentence(request: HttpRequest) -> HttpResponse:
    """The live goal check (rule G1) as the person types; htmx swaps this fragment in."""
    form = CheckSentenceForm(request.POST)
    sentence = form.data.get("sentence", "")
    check = check_goal(sentence) if sentence.strip() else None
    return render(request, "goals/_check.html", {"check": check, "adopt": True})


@require_http_methods(["GET", "POST"])
def new_goal(request: HttpRequest) -> HttpResponse:
    current = access.active_goal_of(request.user)
    form = NewGoalForm(request.POST or None, has_current=current is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data.pop("confirm", None)
        services.start_goal(owner=request.user, replace=True, **data)
        messages.success(request, "Your new goal is set. The earlier one is archived, kept.")
        return redirect("goals:commitment")
    status = 400 if form.is_bound else 200
    context = {"nav": "goal", "form": form, "current": current}
    if form.data.get("sentence"):
        context["check"] = check_goal(form.data["sentence"])
    return render(request, "goals/new.html", context, status=status)


@require_POST
def blocker_add(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_or_404(request.user)
    form = BlockerForm(request.POST)
    if not form.is_valid():
        page_form = CommitmentForm(initial=_commitment_initial(goal))
        return _commitment_page(request, goal, page_form, status=400, blocker_form=form)
    blocker = services.add_blocker(goal=goal, text=form.cleaned_data["text"])
    messages.success(request, f"Noted: {blocker.get_kind_display().lower()}.")
    return redirect(f"{reverse('goals:commitment')}#blockers")


@require_POST
def blocker_remove(request: HttpRequest, pk: int) -> HttpResponse:
    services.remove_blocker(blocker=access.blocker_of(request.user, pk))
    messages.success(request, "Removed.")
    return redirect(f"{reverse('goals:commitment')}#blockers")


# --- step 2, Value proposition --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def value(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if goal is None:
        return _no_goal_yet(request)
    initial = {"value": goal.value, "value_for": goal.value_for}
    form = ValueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.revise_value(goal=goal, **form.cleaned_data)
        messages.success(request, "Saved your value proposition.")
        return redirect("goals:value")
    context = _steps_context(goal, "value") | {"form": form}
    return render(request, "goals/value.html", context, status=400 if form.is_bound else 200)


# --- step 3, Reconnaissance -----------------------------------------------------------------------


def _recon_rows(request: HttpRequest, goal: Goal) -> list[dict[str, Any]]:
    rows = []
    for item in goal.recon_items.prefetch_related("contacts"):
        reasons = suggest.explain_linked(item)
        rows.append(
            {
                "item": item,
                "linked": [(c, reasons.get(c.pk, "")) for c in item.contacts.all()],
                "suggestions": suggest.suggest_contacts(owner=request.user, item=item),
            }
        )
    return rows


@require_http_methods(["GET", "POST"])
def recon(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if goal is None:
        return _no_goal_yet(request)
    form = ReconForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_recon_item(goal=goal, **form.cleaned_data)
        messages.success(request, "Added.")
        return redirect("goals:recon")
    context = _steps_context(goal, "recon") | {
        "form": form,
        "rows": _recon_rows(request, goal),
        "kinds": ReconItem.Kind,
    }
    return render(request, "goals/recon.html", context, status=400 if form.is_bound else 200)


@require_POST
def recon_remove(request: HttpRequest, pk: int) -> HttpResponse:
    services.remove_recon_item(item=access.recon_item_of(request.user, pk))
    messages.success(request, "Removed.")
    return redirect("goals:recon")


@require_POST
def recon_link(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.recon_item_of(request.user, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("goals:recon")
    person = contact_of(request.user, form.cleaned_data["contact"])
    services.link_contact(item=item, contact=person)
    messages.success(request, f"Linked {person.name}.")
    return redirect(f"{reverse('goals:recon')}#recon-{item.pk}")


@require_POST
def recon_unlink(request: HttpRequest, pk: int, contact_id: int) -> HttpResponse:
    item = access.recon_item_of(request.user, pk)
    person = contact_of(request.user, contact_id)
    services.unlink_contact(item=item, contact=person)
    messages.success(request, f"Unlinked {person.name}.")
    return redirect(f"{reverse('goals:recon')}#recon-{item.pk}")


# --- step 4, Strategy -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def strategy(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if goal is None:
        return _no_goal_yet(request)
    form = ApproachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_approach(goal=goal, text=form.cleaned_data["text"])
        messages.success(request, "Added.")
        return redirect("goals:strategy")
    context = _steps_context(goal, "strategy") | {
        "form": form,
        "approaches": goal.approaches.all(),
        "offer_lifted": services.lifted_how_offered(goal),
        "recon_count": goal.recon_items.count(),
    }
    return render(request, "goals/strategy.html", context, status=400 if form.is_bound else 200)


@require_POST
def strategy_adopt(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_or_404(request.user)
    try:
        services.adopt_lifted_how(goal=goal)
    except services.InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Added as an approach.")
    return redirect("goals:strategy")


@require_POST
def approach_remove(request: HttpRequest, pk: int) -> HttpResponse:
    services.remove_approach(approach=access.approach_of(request.user, pk))
    messages.success(request, "Removed.")
    return redirect("goals:strategy")


# --- step 5, Execution ----------------------------------------------------------------------------


def _execution_page(request: HttpRequest, goal: Goal, status: int = 200, **forms: Any):
    context = _steps_context(goal, "execution") | {
        "milestones": goal.milestones.all(),
        "actions": goal.next_actions.all(),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(),
        "action_form": forms.get("action_form") or NextActionForm(),
        "today": timezone.localdate(),
    }
    return render(request, "goals/execution.html", context, status=status)


@require_GET
def execution(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if goal is None:
        return _no_goal_yet(request)
    return _execution_page(request, goal)


@require_POST
def milestone_add(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_or_404(request.user)
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        return _execution_page(request, goal, status=400, milestone_form=form)
    services.add_milestone(goal=goal, **form.cleaned_data)
    messages.success(request, "Milestone added.")
    return redirect("goals:execution")


@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = access.milestone_of(request.user, pk)
    form = DoneForm(request.POST)
    done = form.is_valid() and form.cleaned_data["done"]
    services.mark_milestone(milestone=milestone, done=done)
    messages.success(request, "Well done." if done else "Marked as not done yet.")
    return redirect("goals:execution")


@require_POST
def milestone_remove(request: HttpRequest, pk: int) -> HttpResponse:
    services.remove_milestone(milestone=access.milestone_of(request.user, pk))
    messages.success(request, "Removed.")
    return redirect("goals:execution")


@require_POST
def action_add(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_or_404(request.user)
    form = NextActionForm(request.POST)
    if not form.is_valid():
        return _execution_page(request, goal, status=400, action_form=form)
    services.add_next_action(goal=goal, text=form.cleaned_data["text"])
    messages.success(request, "Next action added.")
    return redirect("goals:execution")


@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.next_action_of(request.user, pk)
    form = DoneForm(request.POST)
    done = form.is_valid() and form.cleaned_data["done"]
    services.mark_next_action(action=action, done=done)
    messages.success(request, "Done, one step further." if done else "Back on the list.")
    return redirect("goals:execution")


@require_POST
def action_remove(request: HttpRequest, pk: int) -> HttpResponse:
    services.remove_next_action(action=access.next_action_of(request.user, pk))
    messages.success(request, "Removed.")
    return redirect("goals:execution")


# --- the weekly check-in (G6) ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    goal = access.active_goal_of(request.user)
    if goal is None:
        return _no_goal_yet(request)
    today = timezone.localdate()
    summary = weeks.plan_status(goal, today)
    ready = goal.start_date is not None and summary["week"] >= 1
    form = CheckInForm(request.POST or None, week_now=summary["week"])
    if request.method == "POST" and not ready:
        form.add_error(None, _not_started(goal))
    elif request.method == "POST" and form.is_valid():
        try:
            recorded = services.record_checkin(goal=goal, today=today, **form.cleaned_data)
        except services.InvalidInput as error:
            form.add_error(None, str(error))
        else:
            verb = "Recorded" if recorded.created else "Revised"
            messages.success(request, f"{verb} your check-in for week {recorded.checkin.week}.")
            return redirect("goals:checkin")
    elif request.method == "GET":
        _prefill(form, goal, summary)
    context = _steps_context(goal, "checkin") | {
        "form": form,
        "ready": ready,
        "summary": summary,
        "status_label": weeks.STATUS_LABELS.get(summary["status"] or ""),
        "charts": weeks.progress_charts(summary) if summary["checkins"] else [],
        "recent": list(reversed(goal.checkins.order_by("-week")[:5])),
    }
    return render(request, "goals/checkin.html", context, status=400 if form.is_bound else 200)


def _not_started(goal: Goal) -> str:
    if goal.start_date is None:
        return "Your goal has no start date yet; set one in the Commitment step first."
    return f"Your fifty weeks start on {day_text(goal.start_date)}; check in from then on."


def _prefill(form: CheckInForm, goal: Goal, summary: weeks.PlanStatus) -> None:
    """Revising a week starts from what was written; a new week starts from last week's scores."""
    week = min(max(summary["week"], 1), PLAN_WEEKS)
    existing = goal.checkins.filter(week=week).first()
    if existing is not None:
        form.initial.update(
            {
                "did": existing.did,
                "learned": existing.learned,
                "obstacles": existing.obstacles,
                "next_actions": existing.next_actions,
                "progress": existing.progress,
                "confidence": existing.confidence,
            }
        )
    elif summary["progress"] is not None:
        form.initial.update({"progress": summary["progress"], "confidence": summary["confidence"]})
