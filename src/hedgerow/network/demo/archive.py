"""Writing a demo network as LinkedIn's export archive, quirks included (see the package doc)."""

from __future__ import annotations

import base64
import csv
import io
import random
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    pass

from hedgerow.network.demo.words import (
    COMPANIES,
    CREDENTIALS,
    EMOJI,
    GROUP_TITLES,
    INCOMING_NOTES,
    INCOMING_OPENERS,
    MAIL_DOMAINS,
    NOTES,
    OPENERS,
    RECRUITER_MESSAGES,
    RECRUITER_TITLES,
    REGIONS,
    REPLIES,
    SUBJECTS,
    TITLES,
)

CONNECTIONS_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connected members who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
CONNECTIONS_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
INVITATIONS_HEADER = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
]
MESSAGES_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "IS MESSAGE DRAFT",
]
POSITIONS_HEADER = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
PROFILE_HEADER = [
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
]
ARCHIVE_FILES = (
    "Connections.csv",
    "Invitations.csv",
    "messages.csv",
    "Positions.csv",
    "Profile.csv",
)


# --- the network ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    url: str
    email: str = ""
    company: str = ""
    position: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass(frozen=True)
class Invite:
    person: Person
    outgoing: bool
    sent_at: datetime
    note: str = ""


@dataclass(frozen=True)
class MessageEpoch:
    """The messages of one stretch of time, drawn from their own seed.

    A later export writes the earlier epochs again unchanged, then its own, so the messages of an
    earlier export reappear byte for byte, as they do in LinkedIn's exports.
    """

    start: date
    end: date
    count: int
    partners: tuple[Person, ...]
    salt: str


@dataclass(frozen=True)
class Changes:
    """How a later export differs from the one before it."""

    new_positions: int = 12
    accepted: int = 5
    removed: int = 3
    added: int = 6
    new_pending: int = 3


@dataclass(frozen=True)
class DemoNetwork:
    seed: int
    exported_on: date
    owner: Person
    connections: tuple[Person, ...]
    invitations: tuple[Invite, ...]
    epochs: tuple[MessageEpoch, ...]
    strangers: tuple[Person, ...] = field(default=())

    @classmethod
    def generate(
        cls,
        *,
        connections: int,
        messages: int,
        seed: int,
        exported_on: date,
        invitations: int | None = None,
    ) -> DemoNetwork:
        """`invitations`: how many (four in five sent, the rest received); by default a few
        dozen, as a person who invites now and then has."""
        rng = random.Random(f"{seed}:network")
        people = _People(rng)
        owner = people.owner()
        drawn = (people.connection(i, exported_on=exported_on) for i in range(connections))
        # Newest first, as LinkedIn lists them.
        connected = tuple(sorted(drawn, key=lambda p: p.connected_on or exported_on, reverse=True))
        strangers = tuple(people.recruiter() for _ in range(max(5, connections // 40)))
        pending = min(60, 3 + connections // 40)
        incoming = min(40, 2 + connections // 80)
        if invitations is not None:
            pending, incoming = invitations - invitations // 5, invitations // 5
        invites = tuple(
            sorted(
                [people.invite(owner, exported_on, outgoing=True) for _ in range(pending)]
                + [people.invite(owner, exported_on, outgoing=False) for _ in range(incoming)],
                key=lambda inv: inv.sent_at,
                reverse=True,
            )
        )
        start = exported_on - timedelta(days=4 * 365)
        epoch = MessageEpoch(start, exported_on, messages, connected + strangers, salt="0")
        return cls(seed, exported_on, owner, connected, invites, (epoch,), strangers)

    def evolve(self, *, exported_on: date, changes: Changes | None = None) -> DemoNetwork:
        """The same person's export on a later day: see `Changes`."""
        changes = changes or Changes()
        if exported_on <= self.exported_on:
            raise ValueError("A later export needs a later date.")
        rng = random.Random(f"{self.seed}:evolve:{exported_on.isoformat()}")
        people = _People(rng, taken={p.url for p in self.everyone()})
        since = self.exported_on + timedelta(days=1)
        connections = list(self.connections)

        touched: set[str] = set()
        for i in _sample_indexes(rng, len(connections), changes.new_positions):
            connections[i] = people.moved(connections[i])
            touched.add(connections[i].url)
        stable = [i for i, p in enumerate(connections) if p.url not in touched]
        gone = {connections[i].url for i in _sample(rng, stable, changes.removed)}
        connections = [p for p in connections if p.url not in gone]

        invitations = list(self.invitations)
        waiting = self.pending_outgoing()
        new_people: list[Person] = []
        for inv in _sample(rng, waiting, changes.accepted):
            first_day = max(since, inv.sent_at.date() + timedelta(days=1))
            new_people.append(
                replace(inv.person, connected_on=_day_between(rng, first_day, exported_on))
            )
        for _ in range(changes.added):
            person = people.connection(0, exported_on=exported_on)
            new_people.append(replace(person, connected_on=_day_between(rng, since, exported_on)))
        invitations += [
            people.invite(self.owner, exported_on, outgoing=True, since=since)
            for _ in range(changes.new_pending)
        ]
        touched |= {p.url for p in new_people}
        connections = sorted(
            connections + new_people, key=lambda p: p.connected_on or since, reverse=True
        )

        # New messages avoid the people who just changed, so their news and their acceptance
        # still wait for a note on Today (rules N1, N5).
        partners = tuple(p for p in connections if p.url not in touched) + self.strangers
        days = (exported_on - self.exported_on).days
        per_day = self.epochs[0].count / max(1, (self.epochs[0].end - self.epochs[0].start).days)
        epoch = MessageEpoch(
            since, exported_on, max(10, round(per_day * days)), partners, exported_on.isoformat()
        )
        return replace(
            self,
            exported_on=exported_on,
            connections=tuple(connections),
            invitations=tuple(sorted(invitations, key=lambda inv: inv.sent_at, reverse=True)),
            epochs=(*self.epochs, epoch),
        )

    def everyone(self) -> Iterator[Person]:
        yield self.owner
        yield from self.connections
        yield from self.strangers
        yield from (inv.person for inv in self.invitations)

    def pending_outgoing(self) -> list[Invite]:
        """Invitations I sent whose invitee is not (yet) among the connections."""
        connected = {p.url for p in self.connections}
        return [inv for inv in self.invitations if inv.outgoing and inv.person.url not in connected]

    def write(self, path: Path) -> Path:
        """Write the export as a .zip (when `path` ends in .zip) or as an unpacked folder."""
        folder = f"Complete_LinkedInDataExport_{self.exported_on:%m-%d-%Y}"
        with _archive(path, folder, self.exported_on) as open_member:
            with open_member("Connections.csv", bom=True) as out:
                out.write(CONNECTIONS_PREAMBLE)
                _write_connections(csv.writer(out), self.connections)
            with open_member("Invitations.csv") as out:
                _write_invitations(csv.writer(out), self.owner, self.invitations)
            with open_member("messages.csv") as out:
                _write_messages(csv.writer(out), self)
            with open_member("Positions.csv") as out:
                _write_positions(csv.writer(out))
            with open_member("Profile.csv") as out:
                _write_profile(csv.writer(out), self.owner)
        return path


def write_linkedin_archive(
    path: Path, *, connections: int, messages: int, seed: int, exported_on: date
) -> Path:
    """A LinkedIn export with this many connections and messages; see DemoNetwork for more."""
    network = DemoNetwork.generate(
        connections=connections, messages=messages, seed=seed, exported_on=exported_on
    )
    return network.write(path)


def _sample(rng: random.Random, items: Sequence, k: int) -> list:
    return rng.sample(list(items), min(k, len(items)))


def _sample_indexes(rng: random.Random, n: int, k: int) -> list[int]:
    return rng.sample(range(n), min(k, n))


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


class _People:
    """Draws people, one at a time, from the name, company and title pools."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self.rng = rng
        self.taken = taken if taken is not None else set()
        self.weights = [region.weight for region in REGIONS]

    def _name_part(self, part: str | tuple[str, str], latin: bool) -> tuple[str, str]:
        if isinstance(part, str):
            return part, _ascii(part)
        native, roman = part
        return (roman.capitalize() if latin else native), roman

    def _url(self, first: str, last: str) -> str:
        while True:
            slug = "-".join(p for p in (first, last, f"{self.rng.getrandbits(28):07x}") if p)
            url = f"https://www.linkedin.com/in/{slug}"
            if url not in self.taken:
                self.taken.add(url)
                return url

    def person(self, index: int = 0) -> Person:
        rng = self.rng
        region = rng.choices(REGIONS, self.weights)[0]
        # Half the people with non-Latin names write them in Latin letters on LinkedIn.
        latin = rng.random() < 0.5
        first, first_slug = self._name_part(rng.choice(region.firsts), latin)
        last, last_slug = self._name_part(rng.choice(region.lasts), latin)
        if index % 47 == 3:
            last = f"{last}, {rng.choice(CREDENTIALS)}"
        if index % 211 == 5:
            last = f"{last} {rng.choice(EMOJI)}"
        email = ""
        if rng.random() < 0.08:
            email = f"{first_slug}.{last_slug}@{rng.choice(MAIL_DOMAINS)}"
        company = rng.choice(COMPANIES) if rng.random() > 0.03 else ""
        return Person(
            first=first,
            last=last,
            url=self._url(first_slug, last_slug),
            email=email,
            company=company,
            position=rng.choice(TITLES) if company else "",
        )

    def owner(self) -> Person:
        return Person("Alex", "Moreau", self._url("alex", "moreau"), "alex.moreau@proton.me")

    def connection(self, index: int, *, exported_on: date) -> Person:
        # Networks grow faster over time: the density of connection dates rises linearly
        # over ten years (sqrt of a uniform draw).
        span = 10 * 365
        days_ago = round(span * (1 - self.rng.random() ** 0.5))
        return replace(self.person(index), connected_on=exported_on - timedelta(days=days_ago))

    def recruiter(self) -> Person:
        person = self.person()
        return replace(person, position=self.rng.choice(RECRUITER_TITLES))

    def moved(self, person: Person) -> Person:
        # A move is news worth a note only when it is to an employer, not to "Freelance".
        companies = [c for c in COMPANIES[:-2] if c != person.company]
        return replace(person, company=self.rng.choice(companies), position=self.rng.choice(TITLES))

    def invite(
        self, owner: Person, exported_on: date, *, outgoing: bool, since: date | None = None
    ) -> Invite:
        rng = self.rng
        person = self.person()
        first_day = since or exported_on - timedelta(days=120 if outgoing else 60)
        day = _day_between(rng, first_day, exported_on)
        sent_at = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), tzinfo=UTC)
        note = ""
        if outgoing and rng.random() < 0.6:
            note = rng.choice(NOTES).format(first=person.first, company=person.company or "ACME")
        elif not outgoing and rng.random() < 0.4:
            note = rng.choice(INCOMING_NOTES)
        return Invite(person=person, outgoing=outgoing, sent_at=sent_at, note=note)


# --- writing -------------------------------------------------------------------------------------


class RowWriter(Protocol):
    """What csv.writer returns (its class has no public name before Python 3.12)."""

    def writerow(self, row: Iterable[Any], /) -> Any: ...

    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None: ...


OpenMember = Callable[..., AbstractContextManager[IO[str]]]


@contextmanager
def _archive(path: Path, folder: str, exported_on: date) -> Iterator[OpenMember]:
    """Yield `open_member(name, bom=False)` writing CRLF CSV text into a zip or a folder."""
    if path.suffix.lower() == ".zip":
        path.parent.mkdir(parents=True, exist_ok=True)
        # Fixed timestamps and modes keep the zip's bytes a function of the seed alone.
        stamp = (exported_on.year, exported_on.month, exported_on.day, 9, 0, 0)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:

            @contextmanager
            def open_zip(name: str, bom: bool = False) -> Iterator[IO[str]]:
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with zf.open(info, "w") as raw, _text(raw, bom) as out:
                    yield out

            yield open_zip
    else:
        target = path / folder
        target.mkdir(parents=True, exist_ok=True)

        @contextmanager
        def open_file(name: str, bom: bool = False) -> Iterator[IO[str]]:
            with (target / name).open("wb") as raw, _text(raw, bom) as out:
                yield out

        yield open_file


@contextmanager
def _text(raw: IO[bytes], bom: bool) -> Iterator[IO[str]]:
    encoding = "utf-8-sig" if bom else "utf-8"
    # newline="" keeps the csv module's CRLF as written; detaching leaves closing to the caller.
    out = io.TextIOWrapper(raw, encoding=encoding, newline="")
    try:
        yield out
        out.flush()
    finally:
        out.detach()


# English month names whatever the locale, as LinkedIn writes them.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _linkedin_day(day: date) -> str:
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def _invitation_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment:%y}, {hour}:{moment.minute:02d} {half}"


def _write_connections(writer: RowWriter, connections: Sequence[Person]) -> None:
    writer.writerow(CONNECTIONS_HEADER)
    for i, p in enumerate(connections):
        if i == 7:
            # Real exports carry the odd row of nothing but commas.
            writer.writerow([""] * len(CONNECTIONS_HEADER))
        connected_on = _linkedin_day(p.connected_on) if p.connected_on else ""
        writer.writerow([p.first, p.last, p.url, p.email, p.company, p.position, connected_on])


def _write_invitations(writer: RowWriter, owner: Person, invitations: Sequence[Invite]) -> None:
    writer.writerow(INVITATIONS_HEADER)
    for inv in invitations:
        sender, receiver = (owner, inv.person) if inv.outgoing else (inv.person, owner)
        writer.writerow(
            [
                sender.name,
                receiver.name,
                _invitation_time(inv.sent_at),
                inv.note,
                "OUTGOING" if inv.outgoing else "INCOMING",
                sender.url,
                receiver.url,
            ]
        )


def _write_positions(writer: RowWriter) -> None:
    writer.writerow(POSITIONS_HEADER)
    writer.writerows(
        [
            [
                "Copperleaf Software",
                "Head of Product",
                "Leading product for the collaboration suite, from research to launch.\n"
                "Grew the team from 3 to 11.",
                "Lisbon, Portugal",
                "Mar 2021",
                "",
            ],
            [
                "Lumen Labs",
                "Senior Product Manager",
                "Data tools, billing",
                "Paris, France",
                "Sep 2017",
                "Feb 2021",
            ],
            ["Meridian Bank", "Product Analyst", "", "Madrid, Spain", "Jan 2014", "Aug 2017"],
            ["Riverbend University", "Research Assistant", "", "", "2012", "2013"],
        ]
    )


def _write_profile(writer: RowWriter, owner: Person) -> None:
    writer.writerow(PROFILE_HEADER)
    writer.writerow(
        [
            owner.first,
            owner.last,
            "",
            "",
            "",
            "Head of Product at Copperleaf | tools for teams that write things down",
            "I build calm software for busy teams.\nBefore that: data tools, banking, research.",
            "Software Development",
            "",
            "Lisbon, Portugal",
            "",
            "[PERSONAL:https://alexmoreau.example]",
            "",
        ]
    )


def _write_messages(writer: RowWriter, network: DemoNetwork) -> None:
    writer.writerow(MESSAGES_HEADER)
    for epoch in network.epochs:
        writer.writerows(_epoch_messages(epoch, network.owner, network.seed))


def _epoch_messages(epoch: MessageEpoch, owner: Person, seed: int) -> Iterator[list[str]]:
    rng = random.Random(f"{seed}:messages:{epoch.salt}")
    partners = list(epoch.partners)
    rng.shuffle(partners)
    start = datetime.combine(epoch.start, time(0), tzinfo=UTC).timestamp()
    # Messages stop the day before the export, so none lies in the export day's future.
    end = datetime.combine(epoch.end, time(0), tzinfo=UTC).timestamp()
    written = 0
    while written < epoch.count:
        # A few people get most of the messages, as in real inboxes.
        group = [partners[int(len(partners) * rng.random() ** 3)]]
        if rng.random() < 0.04:
            group += [rng.choice(partners) for _ in range(rng.randint(1, 3))]
        size = min(epoch.count - written, 1 + int(rng.expovariate(1 / 4)))
        written += size
        yield from _conversation(rng, owner, group, size, start, end)


def _conversation(
    rng: random.Random,
    owner: Person,
    group: list[Person],
    size: int,
    start: float,
    end: float,
) -> Iterator[list[str]]:
    partner = group[0]
    earliest = start
    if partner.connected_on:
        earliest = max(
            start, datetime.combine(partner.connected_on, time(8), tzinfo=UTC).timestamp()
        )
    earliest = min(earliest, end)
    gaps = [_reply_gap(rng) for _ in range(size - 1)]
    if sum(gaps) > end - earliest:
        gaps = [gap * (end - earliest) / sum(gaps) for gap in gaps]
    moment = rng.uniform(earliest, end - sum(gaps))
    conversation_id = "2-" + base64.b64encode(rng.getrandbits(240).to_bytes(30, "big")).decode()
    title = rng.choice(GROUP_TITLES) if len(group) > 1 else ""
    recruiter = partner.position in RECRUITER_TITLES
    subject = rng.choice(SUBJECTS) if recruiter or rng.random() < 0.03 else ""
    from_owner = not recruiter and rng.random() < 0.55
    for n in range(size):
        sender = owner if from_owner else rng.choice(group)
        recipients = group if from_owner else [owner, *(p for p in group if p is not sender)]
        text = _message_text(
            rng, owner, partner, sender is owner, first=n == 0, recruiter=recruiter
        )
        draft = from_owner and n == size - 1 and rng.random() < 0.02
        when = datetime.fromtimestamp(moment, tz=UTC)
        yield [
            conversation_id,
            title,
            sender.name,
            sender.url,
            ";".join(p.name for p in recipients),
            ";".join(p.url for p in recipients),
            f"{when:%Y-%m-%d %H:%M:%S} UTC",
            subject,
            text,
            "DRAFT" if draft else "INBOX",
            "Yes" if draft else "No",
        ]
        moment += gaps[n] if n < len(gaps) else 0
        if rng.random() < 0.7:
            from_owner = not from_owner


def _reply_gap(rng: random.Random) -> float:
    """Seconds until the next message: mostly within hours, sometimes weeks later."""
    return rng.expovariate(1 / 7200) if rng.random() < 0.8 else rng.uniform(1, 30) * 86400


def _message_text(
    rng: random.Random, owner: Person, partner: Person, mine: bool, *, first: bool, recruiter: bool
) -> str:
    if recruiter and not mine:
        template = rng.choice(RECRUITER_MESSAGES)
    elif first:
        template = rng.choice(OPENERS if mine else INCOMING_OPENERS)
    else:
        template = rng.choice(REPLIES)
    text = template.format(
        first=partner.first if mine else owner.first,
        company=partner.company or "the new place",
        first_owner=owner.first,
    )
    if rng.random() < 0.003:
        # Some exports arrive double-encoded ("Ã©" for "é"); importers must repair it.
        text = (text + " Très bien, à bientôt.").encode("utf-8").decode("latin-1")
    return text
