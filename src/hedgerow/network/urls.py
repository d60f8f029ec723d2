from django.urls import path

from hedgerow.network import views

app_name = "network"

urlpatterns = [
    path("network/", views.network_page, name="network"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/<int:pk>/", views.contact, name="contact"),
    path("contacts/<int:pk>/heard/", views.contact_heard, name="contact-heard"),
    path("contacts/<int:pk>/update/", views.contact_update, name="contact-update"),
    path("contacts/<int:pk>/core/", views.contact_core, name="contact-core"),
    path("contacts/<int:pk>/notes/", views.contact_notes, name="contact-notes"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact-delete"),
    path("interactions/<int:pk>/delete/", views.interaction_delete, name="interaction-delete"),
    path("people-you-may-know/", views.suggestions, name="suggestions"),
    path(
        "people-you-may-know/<int:pk>/dismiss/", views.suggestion_dismiss, name="suggestion-dismiss"
    ),
    path("people-you-may-know/<int:pk>/snooze/", views.suggestion_snooze, name="suggestion-snooze"),
    path(
        "people-you-may-know/<int:pk>/restore/", views.suggestion_restore, name="suggestion-restore"
    ),
    path("import/", views.import_page, name="import"),
    path("import/<int:run_id>/", views.import_run, name="import-run"),
    path("import/jobs/<int:job_id>/", views.import_job, name="import-job"),
    path(
        "import/jobs/<int:job_id>/progress/", views.import_job_progress, name="import-job-progress"
    ),
    path("import/<int:run_id>/confirm/", views.import_confirm, name="import-confirm"),
    path("import/<int:run_id>/cancel/", views.import_cancel, name="import-cancel"),
    path("import/<int:run_id>/undo/", views.import_undo, name="import-undo"),
    path("import/<int:run_id>/delete/", views.import_delete, name="import-delete"),
    path("import/review/", views.review, name="review"),
    path("import/review/<int:pk>/", views.review_resolve, name="review-resolve"),
    path("import/review/merges/<int:pk>/undo/", views.merge_undo, name="merge-undo"),
]
