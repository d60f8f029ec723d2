"""The coach's checks, one by one: each passes a good note and fails the fault it looks for."""

from __future__ import annotations

import pytest

from hedgerow.coach.checks import OCCASIONS, check_note

GOOD_ACK = (
    "Hi Maya, congratulations on becoming Head of Data at Lumen Health! "
    "How are you finding the first weeks?"
)
ABOUT_ACK = "new job: Head of Data at Lumen Health"
GOOD_INVITE = (
    "Priya, we worked together on the payments migration at Zenko. "
    "What are you working on these days?"
)
GOOD_FOLLOW_UP = (
    "Thanks for accepting, Priya! Could we grab a coffee soon? I'd love to hear your news."
)


def outcome(report, check_id):
    return next(check for check in report["checks"] if check["id"] == check_id)


def failing(report):
    return {check["id"] for check in report["checks"] if not check["ok"]}


def test_it_returns_the_contract_shape():
    report = check_note(GOOD_ACK, "acknowledgement", to="Maya Chen", about=ABOUT_ACK)
    assert set(report) == {"ready", "checks", "chars", "words"}
    assert report["ready"] is True
    assert report["chars"] == len(GOOD_ACK)
    assert report["words"] == len(GOOD_ACK.split())
    for check in report["checks"]:
        assert set(check) == {"id", "ok", "required", "message"}
        assert check["message"].strip()


def test_it_runs_the_occasion_checks_only_for_their_occasion():
    ids = {
        occasion: {check["id"] for check in check_note(GOOD_ACK, occasion)["checks"]}
        for occasion in OCCASIONS
    }
    assert "invitation-parts" in ids["invitation"]
    assert "invitation-parts" not in ids["acknowledgement"]
    assert "catch-up" in ids["follow-up"]
    assert "catch-up" not in ids["keep-in-touch"]


def test_it_rejects_an_unknown_occasion():
    with pytest.raises(ValueError, match="occasion must be one of"):
        check_note(GOOD_ACK, "thank-you")


def test_it_is_ready_when_only_advice_fails():
    report = check_note(
        "Hi Lucas, congrats on Helio Grid! Whats the stack like over there?",
        "acknowledgement",
        about="new job at Helio Grid",
    )
    assert failing(report) == {"spelling"}
    assert outcome(report, "spelling")["required"] is False
    assert report["ready"] is True


def test_it_blocks_an_invitation_over_300_characters():
    text = GOOD_INVITE + " It was a wonderful time and I remember it fondly." * 6
    report = check_note(text, "invitation")
    assert outcome(report, "length")["ok"] is False
    assert "300" in outcome(report, "length")["message"]
    assert report["ready"] is False


def test_it_advises_when_an_invitation_is_over_200_characters():
    text = (
        "Priya, we worked together on the payments migration at Zenko, and you kept everyone "
        "calm through every late-night cutover; I still think of it whenever a release goes "
        "sideways. What are you working on these days?"
    )
    assert 200 < len(text) <= 300
    report = check_note(text, "invitation")
    assert outcome(report, "length")["ok"] is True
    assert outcome(report, "brevity")["ok"] is False
    assert report["ready"] is True


def test_it_blocks_a_note_of_150_words():
    text = "Maya, " + "your news made my week and " * 30 + "how are you finding it?"
    report = check_note(text, "acknowledgement")
    assert outcome(report, "length")["ok"] is False
    assert report["ready"] is False


def test_it_fails_an_empty_note_with_a_plain_message():
    report = check_note("   ", "keep-in-touch")
    assert outcome(report, "length")["ok"] is False
    assert report["ready"] is False


def test_it_fails_a_note_about_the_writer():
    text = (
        "Hi Sam, I left my job in March, I moved to Leeds and I started a course. How is Boltwise?"
    )
    report = check_note(text, "acknowledgement", to="Sam Wright")
    assert outcome(report, "about-them")["ok"] is False
    assert "I, me or my" in outcome(report, "about-them")["message"]


def test_it_does_not_count_id_love_to_hear_as_self_talk():
    text = "I saw your post and I'd love to hear how the launch went. I hope it was fun!"
    assert outcome(check_note(text, "keep-in-touch"), "about-them")["ok"] is True


def test_it_fails_a_note_that_does_not_name_the_update():
    report = check_note("Pedro, great news! How is it going?", "acknowledgement", about=ABOUT_ACK)
    assert outcome(report, "specific")["ok"] is False
    assert ABOUT_ACK in outcome(report, "specific")["message"]


def test_it_says_plainly_when_there_was_nothing_to_compare_with():
    report = check_note("Tobias, congrats on the new chapter! How is it going?", "acknowledgement")
    specific = outcome(report, "specific")
    assert specific["ok"] is True
    assert "nothing to check" in specific["message"]


def test_it_accepts_a_request_to_hear_more_as_a_closing_ask():
    text = "Maya, congrats on Lumen Health! I'd love to hear how it's going."
    assert outcome(check_note(text, "acknowledgement"), "closing-ask")["ok"] is True


def test_it_accepts_a_question_without_a_question_mark():
    text = "Raj, the Tessellate release looks great. What was the hardest part to get right"
    assert outcome(check_note(text, "acknowledgement"), "closing-ask")["ok"] is True


def test_it_fails_a_note_that_ends_without_asking():
    text = "Pedro, I saw the news about Cinco Foods. Great to see it."
    assert outcome(check_note(text, "acknowledgement"), "closing-ask")["ok"] is False


def test_it_needs_both_invitation_parts():
    shared_only = check_note("Priya, we worked together on the Zenko migration.", "invitation")
    inquiry_only = check_note("Priya, what are you working on these days?", "invitation")
    assert outcome(check_note(GOOD_INVITE, "invitation"), "invitation-parts")["ok"] is True
    assert outcome(shared_only, "invitation-parts")["message"].startswith("Ask what")
    assert outcome(inquiry_only, "invitation-parts")["message"].startswith("Recall")


def test_it_needs_a_catch_up_in_a_follow_up():
    assert outcome(check_note(GOOD_FOLLOW_UP, "follow-up"), "catch-up")["ok"] is True
    report = check_note("Jack, thanks for accepting! How's teaching going?", "follow-up")
    assert outcome(report, "catch-up")["ok"] is False
    assert report["ready"] is False


@pytest.mark.parametrize(
    "text",
    [
        "Congrats Priya! Could you refer me for the open PM role at your company?",
        "Paul, could you put me in touch with your hiring manager? Thanks!",
        "Tom, congrats! Our platform helps sales teams cut admin - open to a quick demo?",
        "Helen, congrats! I'd love to hear about your challenges - our product fixes rotas.",
        "Elena, just following up again on my email - did you get a chance to look?",
        "Wei, did you see my last message? I need an answer by Friday.",
    ],
)
def test_it_fails_favours_pitches_pressure_and_nagging(text):
    report = check_note(text, "acknowledgement")
    assert outcome(report, "no-ask")["ok"] is False
    assert "\u201c" in outcome(report, "no-ask")["message"]  # it quotes the words


def test_it_lets_an_offer_of_help_through():
    text = "Nora, congrats on Altira! If you ever need a hand with hiring, I'm happy to help."
    assert outcome(check_note(text, "acknowledgement"), "no-ask")["ok"] is True


def test_it_fails_linkedins_default_invitation():
    text = "Hi Tom, I'd like to add you to my professional network on LinkedIn."
    report = check_note(text, "invitation")
    assert outcome(report, "not-boilerplate")["ok"] is False
    assert outcome(check_note(GOOD_INVITE, "invitation"), "not-boilerplate")["ok"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Chloe, surprisingly good time on your first marathon! How did you train?",
        "Ben, finally a promotion! How are you settling in?",
        "Mei, must be nice to just quit and travel. How is it?",
        "Arjun, my manager is useless and the team is a disaster. How are you?",
        "Sofia, CONGRATULATIONS on the CTO job! How is it going?",
        "Chloe, you never reply to my messages. How are you?",
    ],
)
def test_it_fails_what_would_not_feel_good_to_receive(text):
    assert outcome(check_note(text, "keep-in-touch"), "recipient-test")["ok"] is False


def test_it_takes_sympathy_for_sympathy():
    text = "Laura, the night shifts must be terrible, I know. How are you holding up?"
    assert outcome(check_note(text, "keep-in-touch"), "recipient-test")["ok"] is True


def test_it_fails_an_unfilled_placeholder():
    text = "Hi Sara, we worked on [something you worked on together]. What are you up to now?"
    report = check_note(text, "invitation", to="Sara")
    assert outcome(report, "placeholders")["ok"] is False
    assert outcome(report, "placeholders")["required"] is True
    assert "[something you worked on together]" in outcome(report, "placeholders")["message"]
    assert report["ready"] is False


def test_it_fails_a_word_typed_twice():
    text = "Fatima, the the slides were so clear. Are you giving the talk again?"
    report = check_note(text, "keep-in-touch")
    assert outcome(report, "repeated-words")["ok"] is False
    assert report["ready"] is False


def test_it_names_misspellings_and_suggests_a_fix():
    report = check_note("Sofia, we should definately meet. How are you?", "follow-up")
    message = outcome(report, "spelling")["message"]
    assert "definately" in message
    assert "definitely" in message


def test_it_accepts_the_names_it_is_given():
    text = "Ngozi, how is Zentrixa treating you?"
    assert outcome(check_note(text, "keep-in-touch"), "spelling")["ok"] is False
    report = check_note(text, "keep-in-touch", to="Ngozi Okeke", names=["Zentrixa"])
    assert outcome(report, "spelling")["ok"] is True


def test_it_accepts_british_spelling():
    text = "Aisha, your colour tokens are my favourite. How is the programme going?"
    assert outcome(check_note(text, "keep-in-touch"), "spelling")["ok"] is True


def test_it_flags_doubled_spaces_as_advice():
    report = check_note("Felix,  how are you doing ?", "keep-in-touch")
    assert outcome(report, "spacing")["ok"] is False
    assert outcome(report, "spacing")["required"] is False
