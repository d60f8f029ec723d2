"""`hedgerow sync imap` against a real IMAP server (Debian's dovecot) started on loopback.

scripts/install-imap.sh (run by `make test`) installs dovecot; each test starts its own with a
generated mailbox on a free port and stops it afterwards.
"""

from __future__ import annotations

import imaplib
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from hedgerow.cli import main
from hedgerow.network.imap import PASSWORD_ENV, password_file
from hedgerow.network.models import ImapAccount, ImapFolder, Interaction

DOVECOT = "/usr/sbin/dovecot"
PASSWORD = "app-password-1234"  # any login with it gets a mailbox of its own
OWN = "alice@mail.example"


def message(n: int, sender: str, to: str, *, extra: str = "", date: bool = True) -> bytes:
    lines = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: Note {n}",
        f"Message-ID: <note-{n}@mail.example>",
    ]
    if date:
        lines.append(f"Date: Mon, {n % 27 + 1} Jun 2026 10:00:00 +0000")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\nHello, this body is never read.\r\n").encode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _mail_user() -> tuple[str, str]:
    """Dovecot never serves mail as root: as root, mail belongs to nobody."""
    if os.geteuid() == 0:
        return "nobody", "nogroup"
    me = pwd.getpwuid(os.geteuid()).pw_name
    return me, me


@pytest.fixture(scope="module")
def dovecot_server():
    if not os.access(DOVECOT, os.X_OK):
        pytest.skip("dovecot is not installed (scripts/install-imap.sh installs it)")
    user, group = _mail_user()
    # Not under pytest's tmp_path: the mail user must be able to reach the folder.
    root = Path(tempfile.mkdtemp(prefix="hedgerow-dovecot-"))
    root.chmod(0o755)
    (root / "run").mkdir()
    (root / "mail").mkdir()
    port = _free_port()
    config = root / "dovecot.conf"
    config.write_text(
        f"""protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/run
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
hostname = localhost
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
mail_location = maildir:{root}/mail/%u
first_valid_uid = 0
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  mailbox Archive {{
    auto = create
    special_use = \\Archive
  }}
  mailbox Junk {{
    auto = create
    special_use = \\Junk
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""
    )
    shutil.chown(root / "mail", user, group)
    # dovecot forks into the background: its output goes to a file, or the pipes would keep
    # this call waiting for as long as the daemon lives.
    errors = root / "start.err"
    with errors.open("w") as sink:
        started = subprocess.run(  # noqa: S603 - our own config, Debian's dovecot
            [DOVECOT, "-c", str(config)], stdout=sink, stderr=sink, stdin=subprocess.DEVNULL,
            check=False,
        )  # fmt: skip
    if started.returncode != 0:
        pytest.skip(f"dovecot would not start here: {errors.read_text().strip()[:200]}")
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield port
    finally:
        _stop(root)


def _stop(root: Path) -> None:
    """Stop the master process these tests started (by its pid)."""
    pid_file = root / "run" / "master.pid"
    if pid_file.exists():
        pid = int(pid_file.read_text().split()[0])
        try:
            os.kill(pid, signal.SIGTERM)
            for _ in range(20):  # it finishes on its own; no need to wait it out
                os.kill(pid, 0)
                time.sleep(0.05)
        except ProcessLookupError:
            pass
    shutil.rmtree(root, ignore_errors=True)


@dataclass(frozen=True)
class Mailbox:
    port: int
    login: str


@pytest.fixture
def dovecot(dovecot_server, request) -> Mailbox:
    """The server, and a login whose mailbox no other test has touched."""
    return Mailbox(dovecot_server, f"alice-{request.node.name[8:40]}")


def deliver(box: Mailbox, folder: str, *messages: bytes) -> None:
    client = imaplib.IMAP4("127.0.0.1", box.port)
    client.login(box.login, PASSWORD)
    for raw in messages:
        status, _ = client.append(folder, None, None, raw)
        assert status == "OK"
    client.logout()


def sync(box: Mailbox, *extra: str) -> list[str]:
    args = ["sync", "imap", "--host", "127.0.0.1", "--port", str(box.port), "--security", "none"]
    return [*args, "--login", box.login, "--me", OWN, "--json", *extra]


@pytest.fixture(autouse=True)
def home_of_its_own(settings, tmp_path):
    """Saved passwords live in HEDGEROW_HOME: each test gets its own."""
    settings.HOME = str(tmp_path / "home")


@pytest.fixture
def env_password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)


def run_json(args, capsys) -> dict:
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)[0]


def test_it_reads_new_mail_incrementally(owner, dovecot, env_password, capsys):
    deliver(
        dovecot,
        "INBOX",
        message(1, "Ana Ruiz <ana@acme.example>", OWN),
        message(2, "News <news@shop.example>", OWN, extra="List-Id: <deals.shop.example>"),
    )
    deliver(dovecot, "Archive", message(3, f"Alice <{OWN}>", "Bo Lee <bo@lee.example>"))
    deliver(dovecot, "Junk", message(4, "Winner <win@prize.example>", OWN))

    first = run_json(sync(dovecot), capsys)

    assert first["counts"]["messages_fetched"] == 3  # Junk is never read
    assert first["counts"]["interactions_created"] == 2
    assert first["counts"]["skipped_mailing_lists"] == 1
    directions = dict(Interaction.objects.values_list("contact__name", "direction"))
    assert directions == {"Ana Ruiz": "incoming", "Bo Lee": "outgoing"}

    second = run_json(sync(dovecot), capsys)
    assert second["counts"]["messages_fetched"] == 0

    deliver(dovecot, "INBOX", message(5, "Ana Ruiz <ana@acme.example>", OWN, date=False))
    # A later, periodic run needs no arguments: it syncs every saved account.
    assert main(["sync", "imap", "--json"]) == 0
    third = json.loads(capsys.readouterr().out)[0]
    assert third["counts"]["messages_fetched"] == 1
    assert third["counts"]["interactions_created"] == 1
    assert Interaction.objects.count() == 3
    states = dict(ImapFolder.objects.values_list("name", "last_uid"))
    assert states == {"INBOX": 3, "Archive": 1}


def test_it_reads_a_folder_again_when_the_server_renumbers_it(owner, dovecot, env_password, capsys):
    deliver(dovecot, "INBOX", message(1, "Ana Ruiz <ana@acme.example>", OWN))
    run_json(sync(dovecot), capsys)
    ImapFolder.objects.filter(name="INBOX").update(uidvalidity=1)

    again = run_json(sync(dovecot), capsys)

    assert again["counts"]["messages_fetched"] == 1
    assert again["counts"]["interactions_skipped_existing"] == 1
    assert Interaction.objects.count() == 1
    assert any("renumbered INBOX" in note for note in again["notes"])


def test_it_reads_only_the_folders_named(owner, dovecot, env_password, capsys):
    deliver(dovecot, "INBOX", message(1, "Ana Ruiz <ana@acme.example>", OWN))
    deliver(dovecot, "Archive", message(2, "Bo Lee <bo@lee.example>", OWN))

    result = run_json(sync(dovecot, "--folder", "Archive"), capsys)

    assert result["counts"]["messages_fetched"] == 1
    assert ImapAccount.objects.get().folders == ["Archive"]


def test_it_keeps_a_saved_password_readable_by_the_owner_alone(owner, dovecot, capsys, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: PASSWORD)
    deliver(dovecot, "INBOX", message(1, "Ana Ruiz <ana@acme.example>", OWN))

    result = run_json(sync(dovecot, "--save-password"), capsys)

    assert result["counts"]["interactions_created"] == 1
    path = password_file(ImapAccount.objects.get())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    assert main(["sync", "imap"]) == 2
    assert "can be read by others" in capsys.readouterr().err


def test_it_says_plainly_when_the_password_is_wrong(owner, dovecot, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "wrong")

    assert main(sync(dovecot)) == 2

    assert f"did not let {dovecot.login} in" in capsys.readouterr().err
    assert not Interaction.objects.exists()


def test_it_says_what_to_do_without_a_password(owner, capsys, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)

    assert main(["sync", "imap", "--host", "imap.example", "--login", "alice"]) == 2

    assert "set HEDGEROW_IMAP_PASSWORD" in capsys.readouterr().err


def test_it_never_mixes_up_two_owners_passwords(owner, outsider, tmp_path):
    ours = ImapAccount.objects.create(owner=owner, host="h", username="u")
    theirs = ImapAccount.objects.create(owner=outsider, host="h", username="u")
    assert password_file(ours) != password_file(theirs)


def test_it_is_silent_about_folders_it_skips(owner, dovecot, env_password, capsys):
    result = run_json(sync(dovecot), capsys)
    assert result["counts"]["messages_fetched"] == 0
    assert Path(password_file(ImapAccount.objects.get())).parent.name == "imap"


def test_it_undoes_a_sync_and_reads_the_same_mail_again_next_time(
    owner, dovecot, env_password, capsys
):
    deliver(dovecot, "INBOX", message(1, "Ana Ruiz <ana@acme.example>", OWN))
    run_json(sync(dovecot), capsys)
    deliver(dovecot, "INBOX", message(2, "Bo Lee <bo@lee.example>", OWN))
    second = run_json(sync(dovecot), capsys)
    assert second["counts"]["interactions_created"] == 1

    assert main(["import", "undo", str(second["run_id"])]) == 0
    capsys.readouterr()
    # The folder is back where the second sync found it, so nothing is lost for good.
    assert dict(ImapFolder.objects.values_list("name", "last_uid")) == {"INBOX": 1, "Archive": 0}
    assert list(Interaction.objects.values_list("contact__name", flat=True)) == ["Ana Ruiz"]

    again = run_json(sync(dovecot), capsys)

    assert again["counts"]["messages_fetched"] == 1
    assert again["counts"]["interactions_created"] == 1
    assert Interaction.objects.count() == 2


def test_it_undoes_a_first_sync_to_an_empty_history(owner, dovecot, env_password, capsys):
    deliver(dovecot, "INBOX", message(1, "Ana Ruiz <ana@acme.example>", OWN))
    first = run_json(sync(dovecot), capsys)

    assert main(["import", "undo", str(first["run_id"])]) == 0
    capsys.readouterr()
    assert not ImapFolder.objects.exists()
    assert not Interaction.objects.exists()

    again = run_json(sync(dovecot), capsys)
    assert again["counts"]["interactions_created"] == 1
