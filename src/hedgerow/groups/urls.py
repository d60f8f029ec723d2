from django.urls import path

from hedgerow.groups import question_views, round_views, views

app_name = "groups"

urlpatterns = [
    path("", views.index, name="index"),
    path("digest/", views.digest_settings, name="digest"),
    path("join/<str:token>/", views.join, name="join"),
    # A group's feed and peer support (rule G5).
    path("<int:group_id>/", views.group_feed, name="feed"),
    path("<int:group_id>/share/", views.share, name="share"),
    path("<int:group_id>/checkins/<int:checkin_id>/reply/", views.reply, name="reply"),
    path("<int:group_id>/checkins/<int:checkin_id>/react/", views.react, name="react"),
    path("<int:group_id>/replies/<int:reply_id>/delete/", views.reply_delete, name="reply-delete"),
    path("<int:group_id>/prompt/", views.prompt, name="prompt"),
    path("<int:group_id>/nudge/<int:member_id>/", views.nudge, name="nudge"),
    path("<int:group_id>/nudges/<int:nudge_id>/seen/", views.nudge_seen, name="nudge-seen"),
    # Members, invitations and the group's settings.
    path("<int:group_id>/members/", views.members, name="members"),
    path("<int:group_id>/members/<int:member_id>/role/", views.member_role, name="member-role"),
    path(
        "<int:group_id>/members/<int:member_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path("<int:group_id>/invites/", views.invite_create, name="invite-create"),
    path(
        "<int:group_id>/invites/<int:invite_id>/revoke/", views.invite_revoke, name="invite-revoke"
    ),
    path("<int:group_id>/leave/", views.leave, name="leave"),
    path("<int:group_id>/settings/", views.group_settings, name="settings"),
    path("<int:group_id>/settings/threshold/", views.threshold, name="threshold"),
    # The Great Groups assessment (rule T1).
    path("<int:group_id>/rounds/", round_views.rounds, name="rounds"),
    path("<int:group_id>/rounds/open/", round_views.round_open, name="round-open"),
    path("rounds/<int:round_id>/", round_views.round_detail, name="round"),
    path("rounds/<int:round_id>/answer/", round_views.round_answer, name="round-answer"),
    path("rounds/<int:round_id>/close/", round_views.round_close, name="round-close"),
    # Leaders ask (rule L1).
    path("<int:group_id>/questions/", question_views.questions, name="questions"),
    path("questions/<int:question_id>/", question_views.question_detail, name="question"),
    path("questions/<int:question_id>/answers/", question_views.idea_add, name="idea-add"),
    path("questions/<int:question_id>/decide/", question_views.decide, name="decide"),
    path("ideas/<int:idea_id>/vote/", question_views.vote, name="vote"),
]
