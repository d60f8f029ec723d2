"""The Great Groups pages (rule T1): a group's rounds and their trend, answering a round once,
and its results as a heatmap with the three weakest elements. No page shows one person's
answers: there are none to show (see assessment.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hedgerow.groups import access, assessment
from hedgerow.groups.elements import ELEMENT_BY_NUMBER, ELEMENTS, SCORE_LABELS, SCORES
from hedgerow.groups.forms import AnswerForm
from hedgerow.groups.models import Round
from hedgerow.lib.charts import Series, line_chart
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import AuthenticatedHttpRequest

HEAT_LEVELS = 5


@require_GET
def rounds(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.membership_of(request.user, group_id)
    group = membership.group
    trend = assessment.trends_of(group)
    context = {
        "nav": "groups",
        "group": group,
        "membership": membership,
        "rounds": [(r, assessment.results_of(r)) for r in group.rounds.all()],
        "trend": trend,
        "trend_rows": _trend_rows(trend),
        "chart": _trend_chart(trend) if len(trend) > 1 else None,
    }
    return render(request, "groups/rounds.html", context)


def _trend_rows(trend: list[assessment.TrendRound]) -> list[dict[str, Any]]:
    rows = []
    for element in ELEMENTS:
        means = [row["means"][str(element.number)] for row in trend]
        change = round(means[-1] - means[-2], 2) if len(means) > 1 else None
        rows.append({"element": element, "means": means, "change": change})
    return rows


def _trend_chart(trend: list[assessment.TrendRound]) -> Any:
    return line_chart(
        caption="Average of the fifteen elements, round by round (1 to 5).",
        labels=[f"Round {row['number']}" for row in trend],
        series=[Series("All fifteen elements", [row["overall"] for row in trend])],
        y_max=5,
        y_label="Average",
    )


@require_POST
def round_open(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    membership = access.lead_membership_of(request.user, group_id)
    try:
        rnd = assessment.open_round(membership=membership)
    except InvalidInput as error:
        messages.error(request, str(error))
        return redirect("groups:rounds", group_id)
    messages.success(request, f"Round {rnd.number} is open. Everyone in the group can answer now.")
    return redirect("groups:round", rnd.pk)


def _round_page(
    request: AuthenticatedHttpRequest, rnd: Round, form: AnswerForm | None = None, status=200
) -> HttpResponse:
    membership = access.membership_of(request.user, rnd.group_id)
    answered = assessment.has_answered(rnd=rnd, person=request.user)
    results = assessment.results_of(rnd)
    context: dict[str, Any] = {
        "nav": "groups",
        "group": rnd.group,
        "membership": membership,
        "round": rnd,
        "results": results,
        "answered": answered,
        "heat": _heat_rows(results),
        "scores": SCORES,
        "score_labels": SCORE_LABELS,
        "members": rnd.group.memberships.count(),
    }
    if rnd.is_open and not answered:
        ballot = assessment.ballot_for(rnd=rnd, person=request.user)
        context["form"] = form or AnswerForm(initial={"token": ballot.token})
    if rnd.is_open and membership.leads:
        context["close_check"] = assessment.release_check(rnd)
    return render(request, "groups/round.html", context, status=status)


def _heat_rows(results: assessment.RoundResults) -> list[dict[str, Any]]:
    """Each element's scores as shares of the answers, bucketed for the heatmap's shading."""
    rows = []
    for row in results["elements"]:
        total = sum(row["distribution"].values()) or 1
        cells = [
            {
                "score": score,
                "count": row["distribution"][str(score)],
                "level": round((HEAT_LEVELS - 1) * row["distribution"][str(score)] / total),
            }
            for score in SCORES
        ]
        rows.append(
            {"element": ELEMENT_BY_NUMBER[row["number"]], "mean": row["mean"], "cells": cells}
        )
    return rows


@require_GET
def round_detail(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    return _round_page(request, access.round_of(request.user, round_id))


@require_POST
def round_answer(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    rnd = access.round_of(request.user, round_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _round_page(request, rnd, form=form, status=400)
    try:
        assessment.answer_round(
            rnd=rnd,
            person=request.user,
            ratings=form.ratings(),
            comment=form.cleaned_data["comment"],
            token=form.cleaned_data["token"],
        )
    except assessment.AlreadyAnswered as error:
        messages.info(request, str(error))
    except InvalidInput as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Thank you. Your answer is in the round's totals, with no name on it: nobody, you "
            "included, can look it up.",
        )
    return redirect("groups:round", rnd.pk)


@require_POST
def round_close(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    rnd = access.round_of(request.user, round_id)
    membership = access.lead_membership_of(request.user, rnd.group_id)
    try:
        rnd = assessment.close_round(membership=membership, rnd=rnd)
    except InvalidInput as error:
        messages.error(request, str(error))
    else:
        shown = "Its results are below." if rnd.released else "Its results stay hidden."
        messages.success(request, f"Round {rnd.number} is closed. {shown}")
    return redirect("groups:round", rnd.pk)
