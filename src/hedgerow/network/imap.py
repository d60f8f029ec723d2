"""`hedgerow sync imap`: a mailbox kept current, headers only, a little at a time.

Each folder's UIDVALIDITY and the highest UID read are remembered (ImapFolder): UIDs only grow
while UIDVALIDITY stays the same, so a later run asks only for what is new. When the server
renumbers a folder (a new UIDVALIDITY), it is read again from the start and Message-IDs keep the
interactions from doubling. Only the header fields Hedgerow uses are fetched, never a body.

By default the whole mailbox is read: the folder the server marks as holding all mail (Gmail's
"All Mail", RFC 6154 \\All), else every folder but Junk, Trash and Drafts.

The password is never stored in the database: it comes from an environment variable, or from a
file in HEDGEROW_HOME readable by its owner alone (mode 0600), written by `--save-password`.
"""

from __future__ import annotations

import imaplib
import os
import re
import ssl
import stat
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hedgerow.lib.addresses import address_key
from hedgerow.network.importers.base import ImportSummary, UnusableInput, finish_run, start_run
from hedgerow.network.importers.mbox import BadMessage, Raw, envelope_of
from hedgerow.network.mail import (
    EMAIL_SOURCE,
    History,
    remember_addresses,
    settings_addresses,
)
from hedgerow.network.models import ImapAccount, ImapFolder

SOURCE = "imap"
PASSWORD_ENV = "HEDGEROW_IMAP_PASSWORD"  # noqa: S105 - the name of a variable, not a secret
FETCH_BATCH = 500
HEADER_FIELDS = (
    "FROM TO CC DATE MESSAGE-ID SUBJECT LIST-ID LIST-UNSUBSCRIBE LIST-POST PRECEDENCE "
    "AUTO-SUBMITTED X-AUTOREPLY X-AUTORESPOND CONTENT-TYPE"
)
SKIPPED_USES = {"\\junk", "\\trash", "\\drafts", "\\noselect", "\\nonexistent"}
SKIPPED_NAMES = {"junk", "spam", "trash", "bin", "deleted items", "deleted messages", "drafts"}
_LIST_LINE = re.compile(rb'\((?P<flags>[^)]*)\) (?P<sep>"[^"]*"|NIL) (?P<name>.+)$')
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_FETCH_UID = re.compile(rb"UID (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


class SyncProblem(Exception):
    """The mailbox cannot be reached or read; the message is one sentence for the person."""


# --- the password ---------------------------------------------------------------------------


def password_file(account: ImapAccount) -> Path:
    return Path(settings.HOME) / "imap" / f"account-{account.pk}.password"


def save_password(account: ImapAccount, password: str) -> Path:
    """Write the app password to a file only its owner can read (0600), nowhere else."""
    path = password_file(account)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(password)
    os.chmod(path, 0o600)
    return path


def read_password(account: ImapAccount, env: str = PASSWORD_ENV) -> str:
    if os.environ.get(env):
        return os.environ[env]
    path = password_file(account)
    if not path.is_file():
        raise SyncProblem(
            f"No password for {account}: set {env}, or run once with --save-password to keep "
            "it in your Hedgerow home (readable by you alone)."
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SyncProblem(
            f"{path} can be read by others (mode {mode:o}); run `chmod 600 {path}` first."
        )
    return path.read_text().strip()


# --- talking to the server ------------------------------------------------------------------


def connect(account: ImapAccount, password: str, timeout: float = 60) -> imaplib.IMAP4:
    try:
        if account.security == "ssl":
            client: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                account.host,
                account.port,
                ssl_context=ssl.create_default_context(),
                timeout=timeout,
            )
        else:
            client = imaplib.IMAP4(account.host, account.port, timeout=timeout)
            if account.security == "starttls":
                client.starttls(ssl.create_default_context())
        client.login(account.username, password)
    except (TimeoutError, OSError) as error:
        raise SyncProblem(f"Could not reach {account.host}:{account.port} ({error}).") from None
    except imaplib.IMAP4.error as error:
        reason = (
            error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
        )
        raise SyncProblem(f"{account.host} did not let {account.username} in ({reason}).") from None
    return client


def _decode_name(raw: bytes) -> str:
    name = raw.strip()
    if name.startswith(b'"') and name.endswith(b'"'):
        name = name[1:-1].replace(b'\\"', b'"').replace(b"\\\\", b"\\")
    return name.decode("utf-8", "replace")


def folders_to_read(client: imaplib.IMAP4, chosen: list[str]) -> list[str]:
    if chosen:
        return chosen
    status, lines = client.list()
    if status != "OK":
        raise SyncProblem("The server would not list its folders.")
    folders: list[tuple[str, set[str]]] = []
    for line in lines:
        if not isinstance(line, bytes):
            continue
        match = _LIST_LINE.match(line)
        if match:
            flags = {f.lower() for f in match.group("flags").decode().split()}
            folders.append((_decode_name(match.group("name")), flags))
    every = [name for name, flags in folders if "\\all" in flags]
    if every:
        return every[:1]
    return [
        name
        for name, flags in folders
        if not flags & SKIPPED_USES and name.rsplit("/", 1)[-1].lower() not in SKIPPED_NAMES
    ]


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Fetched:
    uid: int
    header: bytes
    internal_date: str


def new_messages(
    client: imaplib.IMAP4, folder: str, state: ImapFolder | None
) -> tuple[int, list[int]]:
    """(UIDVALIDITY, the UIDs above what was read before), the folder opened read-only."""
    status, _data = client.select(_quoted(folder), readonly=True)
    if status != "OK":
        raise SyncProblem(f"The folder {folder!r} could not be opened.")
    validity_lines = client.response("UIDVALIDITY")[1]
    validity = int(validity_lines[0]) if validity_lines and validity_lines[0] else 0
    last = state.last_uid if state is not None and state.uidvalidity == validity else 0
    status, data = client.uid("SEARCH", f"UID {last + 1}:*")
    if status != "OK":
        raise SyncProblem(f"The folder {folder!r} could not be searched.")
    uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
    return validity, uids


def fetch_headers(client: imaplib.IMAP4, uids: list[int]) -> list[Fetched]:
    found: list[Fetched] = []
    for start in range(0, len(uids), FETCH_BATCH):
        batch = ",".join(str(u) for u in uids[start : start + FETCH_BATCH])
        status, data = client.uid(
            "FETCH", batch, f"(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])"
        )
        if status != "OK":
            raise SyncProblem("The server would not send the messages' headers.")
        for part in data:
            if not isinstance(part, tuple):
                continue
            meta, header = part
            uid = _FETCH_UID.search(meta)
            when = _INTERNALDATE.search(meta)
            if uid:
                found.append(
                    Fetched(int(uid.group(1)), header, when.group(1).decode() if when else "")
                )
    return found


def _raw(fetched: Fetched) -> Raw:
    header = fetched.header
    if fetched.internal_date and not re.search(rb"(?im)^date:", header):
        # A message without Date: the server knows when it arrived.
        try:
            moment = datetime.strptime(fetched.internal_date.strip(), "%d-%b-%Y %H:%M:%S %z")
        except ValueError:
            moment = None
        if moment is not None:
            header = f"Date: {format_datetime(moment)}\r\n".encode() + header
    return Raw(line=fetched.uid, from_line=b"", header=header)


# --- the sync -------------------------------------------------------------------------------


@transaction.atomic
def sync_account(
    *, account: ImapAccount, password: str, me: list[str] | tuple[str, ...] = ()
) -> ImportSummary:
    """Read what is new in the account's folders; one transaction, state included."""
    own, _keep = settings_addresses(account.owner)
    given = {address_key(a) for a in [*me, account.username]} - {""}
    if given - own:  # kept in Settings, so a periodic run needs no --me
        remember_addresses(account.owner, given - own)
    own |= given
    if not own:
        raise UnusableInput(
            f"Hedgerow could not tell which address in {account} is yours: give it with --me."
        )
    label = f"{account.username}@{account.host}"
    summary = ImportSummary(source=SOURCE, file_name=label)
    client = connect(account, password)
    try:
        folders = folders_to_read(client, list(account.folders))
        run = start_run(owner=account.owner, source=SOURCE, file_name=label, digest="")
        history = History.start(
            owner_id=account.owner_id, own=own, source=EMAIL_SOURCE, summary=summary, run=run
        )
        for folder in folders:
            _sync_folder(client, account, folder, history, summary)
        history.finish()
    finally:
        with suppress(OSError, imaplib.IMAP4.error):
            client.logout()
    account.last_synced_at = timezone.now()
    account.save(update_fields=["last_synced_at"])
    finish_run(run, summary)
    return summary


def _sync_folder(
    client: imaplib.IMAP4,
    account: ImapAccount,
    folder: str,
    history: History,
    summary: ImportSummary,
) -> None:
    state = ImapFolder.objects.filter(account=account, name=folder).first()
    validity, uids = new_messages(client, folder, state)
    if state is not None and state.uidvalidity != validity:
        summary.notes.append(
            f"The server renumbered {folder}; it was read again, and nothing was counted twice."
        )
    summary.add("messages_fetched", len(uids))
    for fetched in fetch_headers(client, uids):
        try:
            envelope = envelope_of(_raw(fetched))
        except BadMessage as error:
            summary.problem(folder, fetched.uid, f"message UID {fetched.uid} skipped: {error}")
            summary.add("messages_skipped")
            continue
        history.add_message(envelope)
    last = max(uids, default=state.last_uid if state and state.uidvalidity == validity else 0)
    ImapFolder.objects.update_or_create(
        account=account, name=folder, defaults={"uidvalidity": validity, "last_uid": last}
    )
