from django.contrib import admin

from hedgerow.coach.models import SetAside


@admin.register(SetAside)
class SetAsideAdmin(admin.ModelAdmin):
    """Where the coach is too strict: how often each check was set aside on this machine."""

    list_display = ("check_id", "count", "last_at")
    readonly_fields = ("check_id", "count", "last_at")

    def has_add_permission(self, request) -> bool:
        return False
