"""Import without the `hedgerow` CLI: `python -m bench.direct setup|import USER [ARCHIVE]`.

Only for checkouts whose CLI has no `import` command; the bench prefers the real command.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedgerow.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from hedgerow.accounts.services import add_person

    action, username, *rest = argv
    if action == "setup":
        call_command("migrate", interactive=False, verbosity=0)
        add_person(username=username)
        return 0
    from hedgerow.network.importers.linkedin import import_linkedin

    user = get_user_model().objects.get(username=username)
    print(import_linkedin(owner=user, path=Path(rest[0])).as_json()["counts"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
