"""The goal pages: overview, the five steps (rule G4) and the weekly check-in (rule G6)."""

from datetime import date

import pytest

from hedgerow.goals import services
from hedgerow.goals.models import Approach, Blocker, CheckIn, Goal, Milestone, NextAction, ReconItem

pytestmark = pytest.mark.usefixtures("fixed_clock")
HTMX = {"HTTP_HX_REQUEST": "true"}
START = date(2026, 11, 9)  # NOW is in week 3


@pytest.fixture
def goal(owner):
    return services.start_goal(owner=owner, sentence="Publish my first novel.", start_date=START)


def html(response) -> str:
    return response.content.decode()


# --- overview and step 1 ------------------------------------------------------------------------


def test_it_invites_a_person_without_a_goal_to_write_one(owner_client):
    page = html(owner_client.get("/goal/"))
    assert "Write your goal" in page
    assert 'href="/goal/commitment/"' in page


def test_it_shows_the_goal_its_weeks_and_steps(owner_client, goal):
    page = html(owner_client.get("/goal/"))

    assert "Publish my first novel." in page
    assert "<strong>3</strong> week of 50" in page
    assert "<strong>48</strong> weeks to go" in page
    assert "Next check-in: Friday 27 Nov 2026." in page
    assert "Value proposition" in page


def test_it_starts_a_goal_from_step_one(owner, owner_client):
    response = owner_client.post(
        "/goal/commitment/",
        {"sentence": "Land a design role by taking evening classes.", "start_date": "2026-11-09"},
    )

    assert response.status_code == 302
    goal = Goal.objects.get(owner=owner)
    assert goal.sentence == "Land a design role by taking evening classes."
    assert goal.start_date == START
    assert not Approach.objects.filter(goal=goal).exists()


def test_it_offers_the_what_only_sentence_and_adopts_it_in_one_click(owner, owner_client):
    typed = {
        "sentence": "Land a design role by taking evening classes.",
        "start_date": "2026-11-09",
    }
    owner_client.post("/goal/commitment/", typed)
    page = html(owner_client.get("/goal/commitment/"))
    assert "Without the how, your goal reads: <q>Land a design role.</q>" in page
    assert 'name="adopt_what"' in page

    response = owner_client.post("/goal/commitment/", typed | {"adopt_what": "1"})

    assert response.status_code == 302
    goal = Goal.objects.get(owner=owner)
    assert goal.sentence == "Land a design role."
    assert Approach.objects.get(goal=goal).text == "taking evening classes"
    assert 'name="adopt_what"' not in html(owner_client.get("/goal/commitment/"))


def test_it_checks_the_sentence_without_saving_when_asked(owner, owner_client):
    response = owner_client.post("/goal/commitment/", {"sentence": "Be happier?", "check": "1"})

    assert response.status_code == 200
    assert "Not quite yet." in html(response)
    assert not Goal.objects.filter(owner=owner).exists()


def test_it_answers_the_live_check_with_a_fragment(owner_client):
    response = owner_client.post("/goal/check/", {"sentence": "Publish my first novel."}, **HTMX)

    assert response.status_code == 200
    assert "<html" not in html(response)
    assert "Clear." in html(response)
    assert 'data-check="observable"' in html(response)


def test_it_names_the_field_it_needs(owner_client):
    response = owner_client.post("/goal/commitment/", {"sentence": "", "start_date": "soon"})

    assert response.status_code == 400
    page = html(response)
    assert "Your goal, in one sentence: a few words are enough." in page
    assert "Give the date as YYYY-MM-DD" in page
    # The message is tied to the box, so a screen reader hears it on the field.
    assert 'id="goal_sentence_error"' in page
    assert 'goal-check goal_sentence_error" aria-invalid="true"' in page


def test_it_revises_the_commitment(owner_client, goal):
    owner_client.post(
        "/goal/commitment/",
        {"sentence": "Publish my first novel.", "why_now": "Turning forty", "start_date": ""},
    )

    goal.refresh_from_db()
    assert goal.why_now == "Turning forty"
    assert goal.start_date is None


def test_it_reads_a_blocker_and_answers_it(owner_client, goal):
    response = owner_client.post("/goal/blockers/", {"text": "I'd have to go back to school"})

    assert response.status_code == 302
    blocker = Blocker.objects.get(goal=goal)
    assert blocker.kind == "confidence"
    page = html(owner_client.get("/goal/commitment/"))
    assert "Confidence" in page
    assert blocker.response in page


def test_it_asks_for_the_words_of_a_blocker(owner_client, goal):
    response = owner_client.post("/goal/blockers/", {"text": "  "})

    assert response.status_code == 400
    assert "Write the “but…” you hear yourself say." in html(response)
    assert not Blocker.objects.exists()


def test_it_archives_the_current_goal_only_after_confirming(owner, owner_client, goal):
    refused = owner_client.post("/goal/new/", {"sentence": "Run a marathon."})
    assert refused.status_code == 400
    assert "Tick the box" in html(refused)

    owner_client.post("/goal/new/", {"sentence": "Run a marathon.", "confirm": "on"})

    goal.refresh_from_db()
    assert goal.archived_at is not None
    assert Goal.objects.get(owner=owner, archived_at__isnull=True).sentence == "Run a marathon."


def test_it_marks_the_current_step(owner_client, goal):
    page = html(owner_client.get("/goal/value/"))
    assert 'href="/goal/value/" aria-current="step"' in page
    assert 'href="/goal/commitment/" aria-current' not in page


# --- steps 2 to 5 -------------------------------------------------------------------------------


def test_it_sends_a_person_without_a_goal_to_step_one(owner_client):
    for url in ("/goal/value/", "/goal/recon/", "/goal/strategy/", "/goal/execution/"):
        assert owner_client.get(url)["Location"] == "/goal/commitment/"


def test_it_saves_the_value_proposition(owner_client, goal):
    owner_client.post("/goal/value/", {"value": "A story that stays", "value_for": "Readers"})

    goal.refresh_from_db()
    assert (goal.value, goal.value_for) == ("A story that stays", "Readers")


def test_it_adds_recon_items_and_suggests_people(owner, owner_client, goal, make_contact):
    ana = make_contact(owner, "Ana Ruiz", company="Penguin", position="Editor")
    owner_client.post(
        "/goal/recon/", {"kind": "obstacle", "side": "outside", "text": "No contact at Penguin"}
    )

    item = ReconItem.objects.get(goal=goal)
    page = html(owner_client.get("/goal/recon/"))
    assert "Ana Ruiz" in page
    assert "works at Penguin" in page

    owner_client.post(f"/goal/recon/{item.pk}/link/", {"contact": ana.pk})
    assert list(item.contacts.all()) == [ana]
    owner_client.post(f"/goal/recon/{item.pk}/unlink/{ana.pk}/")
    assert item.contacts.count() == 0
    owner_client.post(f"/goal/recon/{item.pk}/remove/")
    assert not ReconItem.objects.exists()


def test_it_offers_the_lifted_how_to_strategy(owner_client, goal):
    goal.lifted_how = "writing every morning"
    goal.save()

    assert "Add it as an approach" in html(owner_client.get("/goal/strategy/"))
    owner_client.post("/goal/strategy/adopt/")

    assert Approach.objects.get(goal=goal).from_goal_sentence
    assert "Add it as an approach" not in html(owner_client.get("/goal/strategy/"))


def test_it_adds_and_removes_approaches(owner_client, goal):
    owner_client.post("/goal/strategy/", {"text": "Join a writing group"})
    approach = Approach.objects.get(goal=goal)
    owner_client.post(f"/goal/strategy/{approach.pk}/remove/")
    assert not Approach.objects.exists()


def test_it_adds_milestones_and_next_actions_and_marks_them_done(owner_client, goal):
    owner_client.post("/goal/milestones/", {"title": "First draft", "due_on": "2027-03-01"})
    owner_client.post("/goal/actions/", {"text": "Outline chapter one"})
    milestone = Milestone.objects.get(goal=goal)
    action = NextAction.objects.get(goal=goal)

    owner_client.post(f"/goal/milestones/{milestone.pk}/done/", {"done": "on"})
    owner_client.post(f"/goal/actions/{action.pk}/done/", {"done": "on"})

    milestone.refresh_from_db()
    action.refresh_from_db()
    assert milestone.due_on == date(2027, 3, 1)
    assert milestone.done_on == action.done_on == date(2026, 11, 25)
    owner_client.post(f"/goal/milestones/{milestone.pk}/done/")
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_it_asks_for_a_milestone_date(owner_client, goal):
    response = owner_client.post("/goal/milestones/", {"title": "First draft"})
    assert response.status_code == 400
    assert "By when: give a date." in html(response)


# --- the weekly check-in ------------------------------------------------------------------------


def checkin(client, **changes):
    data = {"week": 3, "did": "Wrote 3 pages", "progress": 1, "confidence": 6} | changes
    return client.post("/goal/checkin/", data)


def test_it_records_a_checkin_and_shows_the_charts(owner_client, goal):
    checkin(owner_client, week=2, did="Plotted")
    response = checkin(owner_client)

    assert response["Location"] == "/goal/checkin/"
    assert list(CheckIn.objects.values_list("week", flat=True)) == [2, 3]
    page = html(owner_client.get("/goal/checkin/"))
    assert "<strong>2</strong> week streak" in page
    assert 'class="series-3 dashed"' in page  # the expected line
    assert "Confidence each week" in page


def test_it_revises_a_week_checked_in_twice(owner_client, goal):
    checkin(owner_client)
    checkin(owner_client, did="Wrote 5 pages", progress=2)

    only = CheckIn.objects.get(goal=goal)
    assert (only.did, only.progress) == ("Wrote 5 pages", 2)
    assert 'value="2"' in html(owner_client.get("/goal/checkin/"))  # prefilled to revise


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"progress": 12}, "Progress toward the goal, 0 to 10: choose a number from 0 to 10."),
        ({"confidence": ""}, "Confidence, 0 to 10: choose a number from 0 to 10."),
        ({"did": ""}, "What I did this week: a few words are enough."),
        ({"week": 4}, "Select a valid choice."),
    ],
)
def test_it_names_what_the_checkin_needs(owner_client, goal, changes, message):
    response = checkin(owner_client, **changes)

    assert response.status_code == 400
    assert message in html(response)
    assert not CheckIn.objects.exists()


def test_it_explains_that_checkins_need_a_start_date(owner, owner_client):
    services.start_goal(owner=owner, sentence="Publish my first novel.")

    response = checkin(owner_client, week=1)

    assert "no start date yet" in html(response)
    assert not CheckIn.objects.exists()


# --- privacy ------------------------------------------------------------------------------------


def test_it_hides_every_goal_row_from_others(client, outsider, goal, owner, make_contact):
    item = services.add_recon_item(goal=goal, kind="obstacle", side="inside", text="Doubt")
    ana = make_contact(owner, "Ana Ruiz")
    blocker = services.add_blocker(goal=goal, text="I don't have time")
    approach = services.add_approach(goal=goal, text="Mornings")
    milestone = services.add_milestone(goal=goal, title="Draft", due_on=None)
    action = services.add_next_action(goal=goal, text="Outline")
    client.force_login(outsider)

    for url in (
        f"/goal/blockers/{blocker.pk}/remove/",
        f"/goal/recon/{item.pk}/remove/",
        f"/goal/recon/{item.pk}/link/",
        f"/goal/recon/{item.pk}/unlink/{ana.pk}/",
        f"/goal/strategy/{approach.pk}/remove/",
        f"/goal/milestones/{milestone.pk}/done/",
        f"/goal/milestones/{milestone.pk}/remove/",
        f"/goal/actions/{action.pk}/done/",
        f"/goal/actions/{action.pk}/remove/",
        "/goal/blockers/",
        "/goal/strategy/adopt/",
        "/goal/milestones/",
        "/goal/actions/",
    ):
        assert client.post(url, {"contact": ana.pk, "text": "x", "done": "on"}).status_code == 404
    assert "Publish my first novel." not in html(client.get("/goal/"))
    assert client.get("/goal/checkin/").status_code == 302  # to their own step 1
    for model in (ReconItem, Blocker, Approach, Milestone, NextAction):
        assert model.objects.count() == 1
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_it_does_not_link_someone_elses_contact(owner_client, goal, outsider, make_contact):
    item = services.add_recon_item(goal=goal, kind="obstacle", side="inside", text="Doubt")
    stranger = make_contact(outsider, "Mo Stranger")

    assert (
        owner_client.post(f"/goal/recon/{item.pk}/link/", {"contact": stranger.pk}).status_code
        == 404
    )
    assert item.contacts.count() == 0


def test_it_asks_strangers_to_sign_in(client):
    assert "/accounts/login/" in client.get("/goal/")["Location"]


# --- Today --------------------------------------------------------------------------------------


def test_it_shows_the_due_checkin_on_today(owner, owner_client):
    services.start_goal(owner=owner, sentence="Run a marathon.", start_date=date(2026, 11, 21))

    page = html(owner_client.get("/"))

    assert "Week 1 of 50: your check-in" in page  # day 5 of week 1
    assert 'href="/goal/checkin/"' in page
    assert "Friday 27 Nov 2026" in page


def test_it_keeps_today_quiet_once_the_week_is_checked_in(owner, owner_client):
    goal = services.start_goal(
        owner=owner, sentence="Run a marathon.", start_date=date(2026, 11, 21)
    )
    services.record_checkin(goal=goal, did="Ran 5 km", progress=1, confidence=6)

    assert "your check-in" not in html(owner_client.get("/"))


def test_it_keeps_today_quiet_early_in_the_week(owner, owner_client, goal):
    assert "your check-in" not in html(owner_client.get("/"))  # day 3 of week 3
