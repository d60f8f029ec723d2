from hedgerow.accounts.services import add_person, sign_in_path


def test_it_requires_sign_in_for_today(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_signs_in_once_by_link_then_asks_for_a_password(client, db):
    person = add_person(username="bo")
    path = sign_in_path(person)

    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/"

    response = client.post(
        "/accounts/password/",
        {"new_password1": "a-long-pass-phrase", "new_password2": "a-long-pass-phrase"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("a-long-pass-phrase")

    client.logout()
    response = client.get(path)
    assert response.status_code == 400
    assert b"already been used" in response.content


def test_it_asks_for_the_current_password_before_changing_it(client, owner):
    client.force_login(owner)

    page = client.get("/accounts/password/")
    assert b"Change your password" in page.content
    assert b'name="old_password"' in page.content

    wrong = client.post(
        "/accounts/password/",
        {
            "old_password": "not-it",
            "new_password1": "a-long-pass-phrase",
            "new_password2": "a-long-pass-phrase",
        },
    )
    assert wrong.status_code == 400
    owner.refresh_from_db()
    assert owner.check_password("password")

    right = client.post(
        "/accounts/password/",
        {
            "old_password": "password",
            "new_password1": "a-long-pass-phrase",
            "new_password2": "a-long-pass-phrase",
        },
    )
    assert right.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("a-long-pass-phrase")


def test_it_lets_someone_who_forgot_their_password_choose_one_after_a_link(client, owner):
    response = client.get(sign_in_path(owner))
    assert response["Location"] == "/accounts/password/"
    assert b'name="old_password"' not in client.get("/accounts/password/").content

    response = client.post(
        "/accounts/password/",
        {"new_password1": "a-long-pass-phrase", "new_password2": "a-long-pass-phrase"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("a-long-pass-phrase")
    # Once chosen, the next change asks for the current password again.
    assert b'name="old_password"' in client.get("/accounts/password/").content


def test_it_pauses_guessing_the_current_password(client, owner):
    from hedgerow.accounts import throttle

    client.force_login(owner)
    change = {"new_password1": "a-long-pass-phrase", "new_password2": "a-long-pass-phrase"}
    for _ in range(throttle.ACCOUNT_LIMIT):
        assert (
            client.post("/accounts/password/", {"old_password": "x", **change}).status_code == 400
        )

    paused = client.post("/accounts/password/", {"old_password": "password", **change})

    assert paused.status_code == 429
    assert "try again in 15 minutes" in paused.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("password")
