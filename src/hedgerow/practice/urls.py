from django.urls import path

from hedgerow.practice import views

app_name = "practice"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("aspiration/", views.aspiration, name="aspiration"),
    path("aspiration/answers/", views.aspiration_answers, name="aspiration-answers"),
    path("aspiration/reflections/", views.reflection_add, name="reflection-add"),
    path(
        "aspiration/reflections/<int:pk>/delete/",
        views.reflection_delete,
        name="reflection-delete",
    ),
    path("aspiration/ratings/", views.rating_add, name="rating-add"),
    path("aspiration/ages/", views.ages_save, name="ages-save"),
    path("impulses/", views.impulses, name="impulses"),
    path("impulses/capture/", views.impulse_capture, name="impulse-capture"),
    path("impulses/<int:pk>/settle/", views.impulse_settle, name="impulse-settle"),
    path("impulses/target/", views.target_set, name="target"),
    path("visibility/", views.visibility, name="visibility"),
    path("visibility/add/", views.accomplishment_add, name="accomplishment-add"),
    path(
        "visibility/<int:pk>/delete/",
        views.accomplishment_delete,
        name="accomplishment-delete",
    ),
    path("visibility/update.md", views.update_download, {"fmt": "md"}, name="update-md"),
    path("visibility/update.txt", views.update_download, {"fmt": "txt"}, name="update-txt"),
    path("skills/", views.skills, name="skills"),
    path("skills/log/", views.practice_add, name="practice-add"),
    path("pitches/new/", views.pitch_new, name="pitch-new"),
    path("pitches/<int:pk>/", views.pitch_edit, name="pitch"),
    path("pitches/<int:pk>/delete/", views.pitch_delete, name="pitch-delete"),
]
