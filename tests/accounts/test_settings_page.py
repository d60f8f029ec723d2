from __future__ import annotations

import re

from hedgerow.accounts.models import ApiToken, Profile


def test_it_turns_on_keeping_message_text(owner_client, owner):
    response = owner_client.post(
        "/accounts/settings/", {"linkedin_url": "", "store_message_bodies": "on"}
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=owner).store_message_bodies is True


def test_it_creates_a_key_and_shows_it_once(owner_client, owner):
    response = owner_client.post("/accounts/settings/keys/", {"name": "calendar"}, follow=True)

    key = re.search(r"hr_[\w-]+", response.content.decode()).group(0)
    assert (
        owner_client.get("/api/v1/today", headers={"Authorization": f"Bearer {key}"}).status_code
        == 200
    )
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "calendar" in page and key not in page


def test_it_does_not_revoke_someone_elses_key(client, owner, outsider):
    from hedgerow.accounts.services import create_api_token

    theirs, _ = create_api_token(owner=outsider, name="theirs")
    client.force_login(owner)

    response = client.post(f"/accounts/settings/keys/{theirs.pk}/revoke/")

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=theirs.pk).exists()


def test_it_ties_each_hint_to_its_field(owner_client):
    page = owner_client.get("/accounts/settings/").content.decode()

    for name in ("linkedin_url", "store_message_bodies", "invitation_notes_per_month"):
        assert f'aria-describedby="id_{name}_helptext"' in page
        assert f'id="id_{name}_helptext"' in page


def test_it_sets_how_many_people_today_holds_each_day(owner_client, owner):
    response = owner_client.post("/accounts/settings/", {"daily_queue": "12"})
    assert response.status_code == 302
    assert Profile.objects.get(user=owner).daily_queue == 12

    for wrong in ("2", "21", "many"):
        refused = owner_client.post("/accounts/settings/", {"daily_queue": wrong})
        assert refused.status_code == 400
        assert "People on Today each day: give a number from 3 to 20." in refused.content.decode()
    assert Profile.objects.get(user=owner).daily_queue == 12
