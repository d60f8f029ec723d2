"""Small LinkedIn exports in the real format, built in tests: an earlier and a later one, so a
second import shows a new position (rule N1) and an accepted invitation (rule N5)."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it."\r\n'
    "\r\n"
)
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
INVITATIONS_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
ME = "https://www.linkedin.com/in/alice-example"
ANA = "https://www.linkedin.com/in/ana-ruiz"
BO = "https://www.linkedin.com/in/bo-chen"
DANA = "https://www.linkedin.com/in/dana-fox"


def connections(*, later: bool) -> str:
    rows = [
        f"Ana,Ruiz,{ANA},,Lumen,Designer,15 Jan 2024",
        f'Bo,Chen,{BO},bo@example.org,"Orbit, Inc.",Engineer,02 Mar 2025',
        "Cleo,Park,https://www.linkedin.com/in/cleo-park,,Atlas,Writer,someday",
    ]
    if later:
        rows[0] = f"Ana,Ruiz,{ANA},,Northwind,Head of Design,15 Jan 2024"
        # Accepted a few days ago: older acceptances are history, not a Today action (issue 9).
        accepted = timezone.localdate() - timedelta(days=3)
        rows.append(f"Dana,Fox,{DANA},,Fieldwork,Researcher,{accepted:%d %b %Y}")
    return PREAMBLE + CONNECTIONS_HEADER + "".join(row + "\r\n" for row in rows)


def invitations() -> str:
    row = (
        'Alice Example,Dana Fox,"3/1/26, 9:15 AM","We met at the Fieldwork meetup; '
        f'how is the research going?",OUTGOING,{ME},{DANA}'
    )
    return INVITATIONS_HEADER + row + "\r\n"


def linkedin_zip(folder: Path, *, later: bool = False) -> Path:
    """A .zip laid out like LinkedIn's: the files inside a sub-folder."""
    path = folder / ("Later_LinkedInDataExport.zip" if later else "Basic_LinkedInDataExport.zip")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("export/Connections.csv", connections(later=later))
        archive.writestr("export/Invitations.csv", invitations())
    return path
