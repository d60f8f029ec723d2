"""The practice pages (rules A1, A2, V1, C1). Each view: fetch through practice_access →
validate a small form → call one service → render or redirect. A failed form comes back bound,
with its errors and the typed text, and status 400."""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import urlencode

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hedgerow.practice import access
from hedgerow.practice import services as practice
from hedgerow.practice.forms import (
    AccomplishmentForm,
    AgesForm,
    AspirationForm,
    ImpulseForm,
    PitchForm,
    PracticeForm,
    RatingForm,
    ReflectionForm,
    SettleForm,
    TargetForm,
    UpdateRangeForm,
    default_range,
)
from hedgerow.practice.models import AspirationAtAge, Impulse, Pitch, Reflection

RECENT = 20  # rows listed under each form; enough to look back without scrolling forever


FormT = TypeVar("FormT", bound=Form)


def _failed(form: FormT, error: practice.InvalidInput) -> FormT:
    form.add_error(None, str(error))
    return form


# --- overview -------------------------------------------------------------------------------------


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    owner = request.user
    weeks = practice.weekly_ratios(owner=owner)
    context = {
        "nav": "practice",
        "aspiration": access.aspiration_of(owner),
        "open_impulses": access.impulses_of(owner).filter(outcome=Impulse.Outcome.OPEN).count(),
        "ratio": practice.overall_ratio(weeks),
        "target": practice.target_ratio(owner),
        "accomplishments": access.accomplishments_of(owner).count(),
        "sessions": access.practice_sessions_of(owner).count(),
        "pitches": access.pitches_of(owner).count(),
    }
    return render(request, "practice/overview.html", context)


# --- aspiration (A1) ------------------------------------------------------------------------------


@require_GET
def aspiration(request: HttpRequest) -> HttpResponse:
    return _aspiration_page(request)


def _aspiration_page(request: HttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    owner = request.user
    mine = access.aspiration_of(owner)
    birth_year = mine.birth_year if mine else None
    ages = practice.ages_to_show(birth_year=birth_year)
    answers = {row.age: row.text for row in access.aspirations_at_age_of(owner)}
    ratings = list(access.aspiration_ratings_of(owner))
    initial = {"aspiration": mine.aspiration, "strategy": mine.strategy} if mine else {}
    context = {
        "nav": "practice",
        "aspiration": mine,
        "age": practice.age_this_year(birth_year=birth_year),
        "ages": ages,
        "hidden_ages": [age for age in AspirationAtAge.AGES if age not in ages],
        "aspiration_form": forms.get("aspiration_form")
        or AspirationForm(initial={**initial, "birth_year": birth_year}),
        "reflection_form": forms.get("reflection_form") or ReflectionForm(),
        "rating_form": forms.get("rating_form") or RatingForm(),
        "ages_form": forms.get("ages_form")
        or AgesForm(ages=ages, initial={f"age_{age}": answers.get(age, "") for age in ages}),
        "latest": [
            (Reflection.Period(period).label, row)
            for period, row in practice.latest_reflections(owner).items()
        ],
        "reflections": access.reflections_of(owner)[:RECENT],
        "ratings": ratings[-RECENT:][::-1],
        "chart": practice.rating_chart(ratings),
    }
    return render(request, "practice/aspiration.html", context, status=status)


@require_POST
def aspiration_answers(request: HttpRequest) -> HttpResponse:
    form = AspirationForm(request.POST)
    if not form.is_valid():
        return _aspiration_page(request, status=400, aspiration_form=form)
    try:
        practice.save_aspiration(owner=request.user, **form.cleaned_data)
    except practice.InvalidInput as error:
        return _aspiration_page(request, status=400, aspiration_form=_failed(form, error))
    messages.success(request, "Saved. Come back and revise it whenever it shifts.")
    return redirect("practice:aspiration")


@require_POST
def reflection_add(request: HttpRequest) -> HttpResponse:
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        return _aspiration_page(request, status=400, reflection_form=form)
    data = form.cleaned_data
    practice.add_reflection(
        owner=request.user, period=data["period"], text=data["text"], on=data["written_on"]
    )
    messages.success(request, "Noted. Looking back like this is how the next step gets clearer.")
    return redirect("practice:aspiration")


@require_POST
def reflection_delete(request: HttpRequest, pk: int) -> HttpResponse:
    practice.delete_reflection(reflection=access.reflection_of(request.user, pk))
    messages.success(request, "That reflection is gone.")
    return redirect("practice:aspiration")


@require_POST
def rating_add(request: HttpRequest) -> HttpResponse:
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _aspiration_page(request, status=400, rating_form=form)
    practice.rate_aspiration(owner=request.user, **form.cleaned_data)
    messages.success(request, "Rating saved for today.")
    return redirect("practice:aspiration")


@require_POST
def ages_save(request: HttpRequest) -> HttpResponse:
    mine = access.aspiration_of(request.user)
    ages = practice.ages_to_show(birth_year=mine.birth_year if mine else None)
    form = AgesForm(request.POST, ages=ages)
    if not form.is_valid():
        return _aspiration_page(request, status=400, ages_form=form)
    practice.save_aspirations_at_ages(owner=request.user, texts=form.answers())
    messages.success(request, "Saved how your aspiration has changed over the years.")
    return redirect("practice:aspiration")


# --- action ratio (A2) ----------------------------------------------------------------------------


@require_GET
def impulses(request: HttpRequest) -> HttpResponse:
    return _impulses_page(request)


def _impulses_page(
    request: HttpRequest, status: int = 200, failed: SettleForm | None = None, **forms: Any
) -> HttpResponse:
    owner = request.user
    weeks = practice.weekly_ratios(owner=owner)
    target = practice.target_ratio(owner)
    open_ones = access.impulses_of(owner).filter(outcome=Impulse.Outcome.OPEN)
    decided = (
        access.impulses_of(owner)
        .exclude(outcome=Impulse.Outcome.OPEN)
        .order_by("-decided_at", "-id")[:RECENT]
    )

    def with_form(impulse: Impulse) -> tuple[Impulse, SettleForm]:
        if failed is not None and failed.impulse_id == impulse.pk:
            return impulse, failed
        return impulse, SettleForm(impulse_id=impulse.pk, initial=_settled_initial(impulse))

    context = {
        "nav": "practice",
        "capture_form": forms.get("capture_form") or ImpulseForm(),
        "target_form": forms.get("target_form")
        or TargetForm(initial={"percent": round(target * 100)}),
        "open": [with_form(impulse) for impulse in open_ones],
        "decided": [with_form(impulse) for impulse in decided],
        "weeks": weeks[::-1],
        "this_week": weeks[-1],
        "overall": practice.overall_ratio(weeks),
        "target": target,
        "chart": practice.ratio_chart(weeks, target),
    }
    return render(request, "practice/impulses.html", context, status=status)


def _settled_initial(impulse: Impulse) -> dict[str, str]:
    if impulse.outcome == Impulse.Outcome.OPEN:
        return {}
    right = {True: "yes", False: "no", None: ""}[impulse.was_right]
    return {
        "outcome": impulse.outcome,
        "substitute": impulse.substitute,
        "was_right": right,
        "note": impulse.note,
    }


@require_POST
def impulse_capture(request: HttpRequest) -> HttpResponse:
    form = ImpulseForm(request.POST)
    if not form.is_valid():
        return _impulses_page(request, status=400, capture_form=form)
    practice.capture_impulse(owner=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Caught it. Decide when you're ready.")
    return redirect("practice:impulses")


@require_POST
def impulse_settle(request: HttpRequest, pk: int) -> HttpResponse:
    impulse = access.impulse_of(request.user, pk)
    form = SettleForm(request.POST, impulse_id=impulse.pk)
    if not form.is_valid():
        return _impulses_page(request, status=400, failed=form)
    data = form.cleaned_data
    practice.settle_impulse(
        impulse=impulse,
        outcome=data["outcome"],
        substitute=data["substitute"],
        was_right=form.right(),
        note=data["note"],
    )
    messages.success(request, _settled_text(impulse))
    return redirect("practice:impulses")


def _settled_text(impulse: Impulse) -> str:
    if impulse.outcome == Impulse.Outcome.ACTED:
        return "You acted on it. That counts."
    if impulse.outcome == Impulse.Outcome.SUBSTITUTED:
        return "Noted honestly. Seeing the swap is the first step to acting next time."
    return "Noted. Not every impulse is worth acting on."


@require_POST
def target_set(request: HttpRequest) -> HttpResponse:
    form = TargetForm(request.POST)
    if not form.is_valid():
        return _impulses_page(request, status=400, target_form=form)
    practice.set_action_target(owner=request.user, ratio=form.cleaned_data["percent"] / 100)
    messages.success(request, f"Your target is {form.cleaned_data['percent']}%.")
    return redirect("practice:impulses")


# --- visibility (V1) ------------------------------------------------------------------------------


@require_GET
def visibility(request: HttpRequest) -> HttpResponse:
    return _visibility_page(request)


def _range_form(request: HttpRequest) -> UpdateRangeForm:
    if "start" in request.GET or "end" in request.GET:
        return UpdateRangeForm(request.GET)
    return UpdateRangeForm(default_range())


def _visibility_page(
    request: HttpRequest, status: int = 200, add_form: AccomplishmentForm | None = None
) -> HttpResponse:
    owner = request.user
    range_form = _range_form(request)
    update = None
    if range_form.is_valid():
        update = practice.compose_update(owner=owner, **range_form.cleaned_data)
    elif range_form.is_bound and request.method == "GET":
        status = 400
    context = {
        "nav": "practice",
        "add_form": add_form or AccomplishmentForm(),
        "range_form": range_form,
        "update": update,
        "range_query": _range_query(update),
        "accomplishments": access.accomplishments_of(owner)[:RECENT],
    }
    return render(request, "practice/visibility.html", context, status=status)


def _range_query(update: practice.VisibilityUpdate | None) -> str:
    if update is None:
        return ""
    return urlencode({"start": update.start.isoformat(), "end": update.end.isoformat()})


@require_POST
def accomplishment_add(request: HttpRequest) -> HttpResponse:
    form = AccomplishmentForm(request.POST)
    if not form.is_valid():
        return _visibility_page(request, status=400, add_form=form)
    data = form.cleaned_data
    practice.log_accomplishment(
        owner=request.user,
        what=data["what"],
        impact=data["impact"],
        beneficiaries=data["beneficiaries"],
        who_should_know=data["who_should_know"],
        on=data["happened_on"],
    )
    messages.success(request, "Logged. Letting people know is part of doing the work well.")
    return redirect("practice:visibility")


@require_POST
def accomplishment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    practice.delete_accomplishment(accomplishment=access.accomplishment_of(request.user, pk))
    messages.success(request, "Removed from your log.")
    return redirect("practice:visibility")


DOWNLOADS = {"md": "text/markdown", "txt": "text/plain"}


@require_GET
def update_download(request: HttpRequest, fmt: str) -> HttpResponse:
    form = UpdateRangeForm(request.GET)
    if not form.is_valid():
        return _visibility_page(request, status=400)
    update = practice.compose_update(owner=request.user, **form.cleaned_data)
    body = update.markdown if fmt == "md" else update.text
    response = HttpResponse(body, content_type=f"{DOWNLOADS[fmt]}; charset=utf-8")
    name = f"update-{update.start.isoformat()}-to-{update.end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- confidence through skills (C1) ---------------------------------------------------------------


@require_GET
def skills(request: HttpRequest) -> HttpResponse:
    return _skills_page(request)


def _skills_page(
    request: HttpRequest, status: int = 200, form: PracticeForm | None = None
) -> HttpResponse:
    owner = request.user
    context = {
        "nav": "practice",
        "form": form or PracticeForm(initial={"skill": request.GET.get("skill", "")}),
        "summaries": practice.summarize_skills(owner),
        "sessions": access.practice_sessions_of(owner)[:RECENT],
        "pitches": access.pitches_of(owner),
    }
    return render(request, "practice/skills.html", context, status=status)


@require_POST
def practice_add(request: HttpRequest) -> HttpResponse:
    form = PracticeForm(request.POST)
    if not form.is_valid():
        return _skills_page(request, status=400, form=form)
    data = form.cleaned_data
    session = practice.log_practice(
        owner=request.user,
        skill=data["skill"],
        situation=data["situation"],
        before=data["confidence_before"],
        after=data["confidence_after"],
        preparation=data["preparation"],
        notes=data["notes"],
        on=data["practised_on"],
    )
    messages.success(request, _practised_text(session.confidence_after - session.confidence_before))
    return redirect("practice:skills")


def _practised_text(gain: int) -> str:
    if gain > 0:
        return f"Logged. Your confidence rose by {gain}: practice pays."
    return "Logged. Every go counts, even the hard ones; the next one builds on it."


@require_http_methods(["GET", "POST"])
def pitch_new(request: HttpRequest) -> HttpResponse:
    return _pitch_page(request, None)


@require_http_methods(["GET", "POST"])
def pitch_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _pitch_page(request, access.pitch_of(request.user, pk))


def _pitch_page(request: HttpRequest, pitch: Pitch | None) -> HttpResponse:
    """The pitch builder: "Put together" drafts the text from the parts; "Save" keeps it."""
    if request.method == "GET":
        form = PitchForm(initial=_pitch_initial(pitch))
        return _render_pitch(request, pitch, form, text=pitch.text if pitch else "")
    form = PitchForm(request.POST)
    if not form.is_valid():
        return _render_pitch(request, pitch, form, status=400)
    data = form.cleaned_data
    if request.POST.get("action") == "assemble":
        parts = {name: data[name] for name in practice.PITCH_PARTS}
        draft = practice.assemble_pitch(**parts)
        form = PitchForm(initial={**data, "text": draft})
        return _render_pitch(request, pitch, form, text=draft)
    try:
        saved = practice.save_pitch(owner=request.user, pitch=pitch, **data)
    except practice.InvalidInput as error:
        return _render_pitch(request, pitch, _failed(form, error), status=400)
    messages.success(request, "Pitch saved. Say it aloud once or twice; it gets easier.")
    return redirect("practice:pitch", pk=saved.pk)


def _pitch_initial(pitch: Pitch | None) -> dict[str, str]:
    if pitch is None:
        return {}
    names = ("audience", *practice.PITCH_PARTS, "text")
    return {name: getattr(pitch, name) for name in names}


def _render_pitch(
    request: HttpRequest, pitch: Pitch | None, form: PitchForm, text: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "nav": "practice",
        "pitch": pitch,
        "form": form,
        "length": practice.spoken_length(text) if text else None,
        "limit": practice.ELEVATOR_SECONDS,
    }
    return render(request, "practice/pitch.html", context, status=status)


@require_POST
def pitch_delete(request: HttpRequest, pk: int) -> HttpResponse:
    practice.delete_pitch(pitch=access.pitch_of(request.user, pk))
    messages.success(request, "Pitch deleted.")
    return redirect("practice:skills")
