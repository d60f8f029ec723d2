from django.urls import path

from hedgerow.goals import views

app_name = "goals"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("new/", views.new_goal, name="new"),
    path("check/", views.check_sentence, name="check"),
    path("export/", views.export_plan, name="export"),
    # The Uber Plan's five steps (rule G4).
    path("commitment/", views.commitment, name="commitment"),
    path("blockers/", views.blocker_add, name="blocker-add"),
    path("blockers/<int:pk>/remove/", views.blocker_remove, name="blocker-remove"),
    path("value/", views.value, name="value"),
    path("recon/", views.recon, name="recon"),
    path("recon/<int:pk>/remove/", views.recon_remove, name="recon-remove"),
    path("recon/<int:pk>/link/", views.recon_link, name="recon-link"),
    path("recon/<int:pk>/unlink/<int:contact_id>/", views.recon_unlink, name="recon-unlink"),
    path("strategy/", views.strategy, name="strategy"),
    path("strategy/adopt/", views.strategy_adopt, name="strategy-adopt"),
    path("strategy/<int:pk>/remove/", views.approach_remove, name="approach-remove"),
    path("execution/", views.execution, name="execution"),
    path("milestones/", views.milestone_add, name="milestone-add"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone-done"),
    path("milestones/<int:pk>/remove/", views.milestone_remove, name="milestone-remove"),
    path("actions/", views.action_add, name="action-add"),
    path("actions/<int:pk>/done/", views.action_done, name="action-done"),
    path("actions/<int:pk>/remove/", views.action_remove, name="action-remove"),
    # Fifty weeks (rule G6).
    path("checkin/", views.checkin, name="checkin"),
]
