"""Leaders ask (rule L1): the group's questions, answering and voting, and the leader's decision
with the spread of answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hedgerow.groups import access, leaders
from hedgerow.groups.forms import DecisionForm, IdeaForm, QuestionForm
from hedgerow.groups.models import Membership, Question
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def questions(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    form = QuestionForm(request.POST or None) if membership.leads else None
    if request.method == "POST":
        access.lead_membership_of(request.user, group_id)
        if form is not None and form.is_valid():
            question = leaders.ask_question(membership=membership, text=form.cleaned_data["text"])
            messages.success(request, "Your question is with the group.")
            return redirect("groups:question", question.pk)
    group = membership.group
    context = {
        "nav": "groups",
        "group": group,
        "membership": membership,
        "form": form,
        "questions": group.questions.select_related("owner").all(),
    }
    status = 400 if form is not None and form.is_bound else 200
    return render(request, "groups/questions.html", context, status=status)


def _question_page(
    request: AuthenticatedHttpRequest, question: Question, status: int = 200, **forms: Any
) -> HttpResponse:
    membership = access.membership_of(request.user, question.group_id)
    context: dict[str, Any] = {
        "nav": "groups",
        "group": question.group,
        "membership": membership,
        "question": question,
        "ideas": leaders.ideas_for(question),
        "my_votes": leaders.my_votes(membership, question),
        "spread": leaders.spread_of(question),
        "idea_form": forms.get("idea_form") or IdeaForm(),
    }
    if membership.leads:
        initial = {"decision": question.decision, "why": question.decision_why}
        context["decision_form"] = forms.get("decision_form") or DecisionForm(initial=initial)
    return render(request, "groups/question.html", context, status=status)


def _membership(request: AuthenticatedHttpRequest, question: Question) -> Membership:
    return access.membership_of(request.user, question.group_id)


@require_GET
def question_detail(request: AuthenticatedHttpRequest, question_id: int) -> HttpResponse:
    return _question_page(request, access.question_of(request.user, question_id))


@require_POST
def idea_add(request: AuthenticatedHttpRequest, question_id: int) -> HttpResponse:
    question = access.question_of(request.user, question_id)
    form = IdeaForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, status=400, idea_form=form)
    try:
        leaders.submit_idea(
            membership=_membership(request, question), question=question, **form.cleaned_data
        )
    except InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Thank you: your answer is with the group.")
    return redirect(f"{reverse('groups:question', args=[question.pk])}#answers")


@require_POST
def vote(request: AuthenticatedHttpRequest, idea_id: int) -> HttpResponse:
    idea = access.idea_of(request.user, idea_id)
    question = idea.question
    try:
        voted = leaders.toggle_vote(membership=_membership(request, question), idea=idea)
    except InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Vote counted." if voted else "Vote taken back.")
    return redirect(f"{reverse('groups:question', args=[question.pk])}#idea-{idea.pk}")


@require_POST
def decide(request: AuthenticatedHttpRequest, question_id: int) -> HttpResponse:
    question = access.question_of(request.user, question_id)
    membership = access.lead_membership_of(request.user, question.group_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, status=400, decision_form=form)
    leaders.record_decision(
        membership=membership,
        question=question,
        decision=form.cleaned_data["decision"],
        why=form.cleaned_data["why"],
    )
    messages.success(request, "Your decision is shared with the group.")
    return redirect("groups:question", question.pk)
