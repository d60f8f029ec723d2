"""What the coach remembers on this machine: how often each check was set aside.

"I know, send anyway": a person may set a failed check aside for one note (the coach advises,
the person decides). Counting which checks people set aside, per check, shows the team where the
coach is too strict. Only the count is kept, on this machine: no note, no person, no contact.
"""

from __future__ import annotations

from django.db import models


class SetAside(models.Model):
    check_id = models.CharField(max_length=40, unique=True)
    count = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-count", "check_id"]
        verbose_name = "check set aside"
        verbose_name_plural = "checks set aside"

    def __str__(self) -> str:
        return f"{self.check_id}: {self.count}"
