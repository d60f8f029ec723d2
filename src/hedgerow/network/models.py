"""The network: contacts, what happened with them, and where the data came from.

Every row carries its owner, so each query can be scoped to one person (see access.py) and the
schema can later be distributed by owner.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q

from hedgerow.network.recording import current_run
from hedgerow.vocabulary import Answer, InteractionKind, UpdateKind

Owner = settings.AUTH_USER_MODEL

DEFAULT_CADENCE_DAYS = 75  # rule N8: every two to three months
MIN_CADENCE_DAYS = 30
MAX_CADENCE_DAYS = 180


def added_by_run() -> models.ForeignKey:
    """The import run that added the row, so undo removes exactly its rows (recording.py).

    No constraint and no index: a run is deleted only with its owner (and a preview, which adds
    nothing), and undo reads the owner's rows anyway; an index would slow every import down.
    """
    return models.ForeignKey(
        "ImportRun",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        blank=True,
        editable=False,
        default=current_run,
        related_name="+",
    )


class Tag(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    import_run = added_by_run()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="unique_owner_tag")]

    def __str__(self) -> str:
        return self.name


def next_due_on(
    last_interaction_on: date | None, *, core_since: date | None, cadence_days: int
) -> date | None:
    """Rule N8: when a core contact is due, `cadence_days` after the last interaction (or after
    they became core, with nothing logged since); for lists read without whole Contact rows."""
    anchor = last_interaction_on or core_since
    return None if anchor is None else anchor + timedelta(days=cadence_days)


class Contact(models.Model):
    # No index of its own: every index below starts with the owner. Fewer indexes, faster imports.
    owner = models.ForeignKey(
        Owner, on_delete=models.CASCADE, related_name="contacts", db_index=False
    )
    name = models.CharField(max_length=300, help_text="Display name, kept in step with the parts.")
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    credentials = models.CharField(max_length=100, blank=True, help_text="PhD, MBA, …")
    # The stable key for LinkedIn data: normalized https://www.linkedin.com/in/<slug>
    linkedin_url = models.CharField(max_length=300, blank=True)
    company = models.CharField(max_length=300, blank=True)
    position = models.CharField(max_length=300, blank=True)
    connected_on = models.DateField(null=True, blank=True)
    connected = models.BooleanField(default=False, help_text="Still a LinkedIn connection.")
    disconnected_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts")
    is_core = models.BooleanField(default=False)
    cadence_days = models.PositiveSmallIntegerField(default=DEFAULT_CADENCE_DAYS)
    core_since = models.DateField(null=True, blank=True)
    due_snoozed_until = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=30, blank=True, help_text="Where we first heard of them.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "linkedin_url"],
                condition=~Q(linkedin_url=""),
                name="unique_owner_linkedin_url",
            ),
            models.CheckConstraint(
                condition=Q(cadence_days__gte=MIN_CADENCE_DAYS)
                & Q(cadence_days__lte=MAX_CADENCE_DAYS),
                name="cadence_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "name"]),
            models.Index(fields=["owner", "company"]),
            # Partial: core contacts are few, and SQLite cannot use an index on a bare boolean.
            models.Index(fields=["owner"], condition=Q(is_core=True), name="contact_core_idx"),
            # Covers network growth by month (rule N11) without touching the table.
            models.Index(fields=["owner", "connected_on", "connected"], name="contact_growth_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def next_due_on(self, last_interaction_on: date | None) -> date | None:
        """Rule N8: a core contact is due `cadence_days` after the last interaction."""
        if not self.is_core:
            return None
        return next_due_on(
            last_interaction_on, core_since=self.core_since, cadence_days=self.cadence_days
        )

    def snooze(self, *, until: date) -> None:
        """Rule N8: not now; the due reminder comes back on `until`."""
        self.due_snoozed_until = until
        self.save(update_fields=["due_snoozed_until", "updated_at"])


class ContactEmail(models.Model):
    owner = models.ForeignKey(
        Owner, on_delete=models.CASCADE, db_index=False
    )  # see unique_owner_email
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="emails")
    email = models.CharField(max_length=254, help_text="Stored lower-case.")
    label = models.CharField(max_length=50, blank=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "email"], name="unique_owner_email")
        ]

    def __str__(self) -> str:
        return self.email


class ContactPhone(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)  # see the index
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=50, help_text="As written on the card.")
    key = models.CharField(max_length=20, help_text="identity.phone_key: its last nine digits.")
    label = models.CharField(max_length=50, blank=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["contact", "key"], name="unique_contact_phone")
        ]
        indexes = [models.Index(fields=["owner", "key"])]

    def __str__(self) -> str:
        return self.number


class Interaction(models.Model):
    Kind = InteractionKind

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", "From me"
        INCOMING = "incoming", "To me"
        MUTUAL = "mutual", "Together"

    # Interactions are the biggest table (hundreds of thousands of rows from one import), so
    # they carry only the indexes queries use: (contact, occurred_at) and the import key.
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="interactions", db_index=False
    )
    kind = models.CharField(max_length=20, choices=InteractionKind.choices())
    direction = models.CharField(max_length=20, choices=Direction.choices)
    occurred_at = models.DateTimeField()
    source = models.CharField(max_length=30, default="manual")
    # Identifies the record in its source, so importing the same file twice changes nothing.
    external_id = models.CharField(max_length=128, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    # How many people the message or meeting involved, the owner included (mail and calendar
    # imports): a small group is evidence of a real relationship (rule N10).
    participants = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["-occurred_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source", "external_id"],
                condition=~Q(external_id=""),
                name="unique_owner_interaction_source_id",
            )
        ]
        indexes = [models.Index(fields=["contact", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.contact_id} on {self.occurred_at:%Y-%m-%d}"


class ContactEvidence(models.Model):
    """What one contact's interactions (all but notes) add up to, for ranking people you may
    know (rule N10) without reading a million interactions each time: suggest.py.

    Kept by triggers on network_interaction (migration 0007), so every writer keeps it exact:
    importers' bulk inserts, a note logged in the web, a merge that moves interactions, an undo.
    """

    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)  # see the index
    total = models.IntegerField(default=0)
    sent = models.IntegerField(default=0)  # emails, messages and calls from the owner
    received = models.IntegerField(default=0)  # … and to the owner
    meetings = models.IntegerField(default=0)
    small = models.IntegerField(default=0)  # with at most SMALL_GROUP people (suggest.py)
    emails = models.IntegerField(default=0)
    first = models.DateTimeField(null=True)
    last = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "last"])]

    def __str__(self) -> str:
        return f"Evidence on {self.contact_id}: {self.total}"


class EvidenceRebuild(models.Model):
    """An owner whose inserted interactions the insert trigger of ContactEvidence leaves alone:
    an import marks its owner while it writes a batch, and adds the batch's evidence up in one
    statement before taking the mark away (evidence.py, migration 0010). So the row is never
    committed, and every other writer is counted by the triggers as always.
    """

    owner = models.OneToOneField(
        Owner, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Evidence being rebuilt for {self.owner_id}"


class Update(models.Model):
    """Rule N1: something changed for a contact, which is a reason to write to them."""

    Kind = UpdateKind

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=UpdateKind.choices())
    summary = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    detected_on = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=30, default="manual")
    external_id = models.CharField(max_length=128, blank=True)
    # Older than the import that found it by more than 30 days: history, not a Today action.
    history = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["-detected_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "external_id"],
                condition=~Q(external_id=""),
                name="unique_owner_update_id",
            )
        ]
        indexes = [models.Index(fields=["owner", "acknowledged_on", "detected_on"])]

    def __str__(self) -> str:
        return self.summary

    def settle(self, *, on: date) -> None:
        """Rule N1: the person acted on this update; it leaves Today."""
        self.acknowledged_on = on
        self.save(update_fields=["acknowledged_on"])

    def snooze(self, *, until: date) -> None:
        self.snoozed_until = until
        self.save(update_fields=["snoozed_until"])


class Invitation(models.Model):
    class Direction(models.TextChoices):
        OUTGOING = "outgoing", "Sent by me"
        INCOMING = "incoming", "Sent to me"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    name = models.CharField(max_length=300)
    linkedin_url = models.CharField(max_length=300, blank=True)
    direction = models.CharField(max_length=20, choices=Direction.choices)
    sent_at = models.DateTimeField()
    note = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    accepted_on = models.DateField(null=True, blank=True)
    # Rule N5: the warm reply after an acceptance, once it has been written (or set aside).
    replied_on = models.DateField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    # Accepted more than 30 days before the import that found it: history, not a Today action.
    history = models.BooleanField(default=False)
    source = models.CharField(max_length=30, default="linkedin")
    external_id = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "external_id"],
                condition=~Q(external_id=""),
                name="unique_owner_invitation_id",
            )
        ]
        indexes = [models.Index(fields=["owner", "direction", "status"])]

    def __str__(self) -> str:
        return f"Invitation {self.get_direction_display().lower()}: {self.name}"

    def settle(self, *, on: date) -> None:
        """Rule N5: the warm reply is written (or set aside); a reply already noted stays."""
        self.refresh_from_db(fields=["replied_on"])
        if self.replied_on is None:
            self.replied_on = on
            self.save(update_fields=["replied_on"])

    def snooze(self, *, until: date) -> None:
        self.snoozed_until = until
        self.save(update_fields=["snoozed_until"])


class AgendaAction(models.Model):
    """What the owner did about a person on Today (I already wrote, not now, skip), with the
    values it replaced: kept so it can be undone for a while, and so Today knows how many people
    it has already answered today (its daily queue, rule N6: a few notes, not a backlog)."""

    Kind = Answer

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)  # see the index
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Answer.choices())
    on = models.DateField(help_text="The day it was done, in the owner's time zone.")
    created_at = models.DateTimeField(auto_now_add=True)
    # "I already wrote": the interaction it logged, removed again by an undo.
    interaction = models.ForeignKey(
        Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    until = models.DateField(null=True, blank=True, help_text="Not now: back on this day.")
    # [["update", 12, "acknowledged_on", null], ...]: each field it changed, as it was before.
    previous = models.JSONField(default=list, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.contact_id} on {self.on}"


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        # Nothing written: the file waits for the owner to confirm what it would change.
        PREVIEW = "preview", "Waiting for your confirmation"
        UNDONE = "undone", "Undone"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    source = models.CharField(max_length=30)
    file_name = models.CharField(max_length=500)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the input.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    # [{"file": "Connections.csv", "line": 12, "message": "..."}]
    problems = models.JSONField(default=list, blank=True)
    # Sentences about what was merged or changed: "2 invitations were accepted …"
    notes = models.JSONField(default=list, blank=True)
    # How to undo it (see journal.py): the id range of the rows it created in each table, and
    # whose archive it was. The values it replaced are ImportChange rows.
    journal = models.JSONField(default=dict, blank=True)
    # A preview: why it waits, and the uploaded file kept until it is confirmed or cancelled.
    reasons = models.JSONField(default=list, blank=True)
    pending_file = models.CharField(max_length=500, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} import of {self.file_name}"


class ImportJob(models.Model):
    """An import started from the web, run by a worker (`hedgerow worker`) in the background: it
    waits in the queue, runs with progress the page shows, and ends with its run or a sentence."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for its turn"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Could not import"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    source = models.CharField(max_length=30)
    file_name = models.CharField(max_length=500)
    # The uploaded copy, removed when the job ends (a preview keeps it for its run).
    path = models.CharField(max_length=500)
    # Set when the job applies a preview its owner confirmed.
    confirms = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    # Progress in the importer's own units (bytes or rows): done of total.
    done = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)
    message = models.TextField(blank=True, help_text="Why it could not import, in one sentence.")
    run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    worker = models.CharField(max_length=300, blank=True, help_text='"host:pid" running it')
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "status"], name="importjob_owner_status")]

    def __str__(self) -> str:
        return f"{self.source} import of {self.file_name} ({self.status})"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ImportChange(models.Model):
    """A value an import run replaced on a row that existed before it, so undo can put it back."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="changes")
    model = models.CharField(max_length=100, help_text='"network.contact", "accounts.profile"')
    row_id = models.BigIntegerField()
    before = models.JSONField(help_text="{field: value before the run}")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.model} #{self.row_id} before run {self.run_id}"


class ReviewItem(models.Model):
    """An imported card that looks like an existing contact but is not certainly them."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="review_items")
    import_run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, default=current_run
    )
    source = models.CharField(max_length=30)
    candidate = models.JSONField(help_text="The incoming card's fields.")
    reason = models.CharField(max_length=300)
    score = models.FloatField(default=0)
    external_id = models.CharField(max_length=128)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=20, blank=True)  # merged | separate

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source", "external_id"], name="unique_owner_review_item"
            )
        ]

    def __str__(self) -> str:
        return f"Review: {self.candidate.get('name', '?')} vs {self.contact}"


class MailAddress(models.Model):
    """An address met in the owner's mail or calendar, and the contact it belongs to.

    `address` is the normalized key (addresses.address_key), so every spelling of one mailbox
    finds the same contact again on the next import or sync; `how` says how it was matched.
    """

    class How(models.TextChoices):
        EMAIL = "email", "Known email"
        NAME = "name", "Same name, and the mail domain fits the company"
        NEW = "new", "New contact"
        MERGED = "merged", "Merged from the review list"

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)
    address = models.CharField(max_length=254)
    name = models.CharField(max_length=300, blank=True)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="mail_addresses")
    how = models.CharField(max_length=20, choices=How.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    import_run = added_by_run()

    class Meta:
        ordering = ["address"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "address"], name="unique_owner_mail_address")
        ]

    def __str__(self) -> str:
        return self.address


class Suggestion(models.Model):
    """What the owner said about someone they may know (rule N10): dismissed or not now, and
    the week they were Today's suggestion."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    dismissed_on = models.DateField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    offered_week = models.DateField(null=True, blank=True, help_text="Monday of its Today week.")
    # The week's person's reason, kept so Today does not rebuild it on every visit (issue 13's
    # bench): what `weekly_suggestion` returns, and when it was worked out (suggest.py says
    # when it no longer holds).
    reason = models.JSONField(null=True, blank=True)
    reason_at = models.DateTimeField(null=True, blank=True)
    import_run = added_by_run()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "contact"], name="unique_owner_suggestion")
        ]
        indexes = [models.Index(fields=["owner", "offered_week"])]

    def __str__(self) -> str:
        return f"Suggestion of {self.contact_id}"


class ContactMerge(models.Model):
    """A merge from the review list, kept so it can be undone: the absorbed contact's fields
    and which of its rows moved."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    into = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    review_item = models.ForeignKey(
        ReviewItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    absorbed = models.JSONField(help_text="The merged-away contact's fields.")
    moved = models.JSONField(help_text='{"interactions": [ids], "emails": [ids], "addresses": []}')
    merged_at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"Merge of {self.absorbed.get('name', '?')} into {self.into_id}"


class ImapAccount(models.Model):
    """A mailbox `hedgerow sync imap` reads headers from; the password is never stored here."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField(default=993)
    username = models.CharField(max_length=255)
    security = models.CharField(max_length=10, default="ssl")  # ssl | starttls | none
    folders = models.JSONField(default=list, blank=True, help_text="[] means the whole mailbox.")
    last_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "host", "username"], name="unique_owner_imap_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}"


class ImapFolder(models.Model):
    """How far a folder has been read: UIDs only grow while UIDVALIDITY stays the same."""

    account = models.ForeignKey(ImapAccount, on_delete=models.CASCADE, related_name="states")
    name = models.CharField(max_length=500)
    uidvalidity = models.BigIntegerField()
    last_uid = models.BigIntegerField(default=0)
    import_run = added_by_run()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="unique_imap_folder")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.uidvalidity}:{self.last_uid})"
