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
