"""The arrows between apps point one way (docs/architecture.md): a new arrow fails here first."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "hedgerow"
BASE = {"lib", "vocabulary"}
# Each app and what it may import besides itself. Lower layers never import higher ones.
ALLOWED = {
    "lib": set(),
    "vocabulary": set(),
    "accounts": BASE,
    "network": BASE | {"accounts"},
    "coach": BASE | {"accounts", "network"},
    "goals": BASE | {"accounts", "network"},
    "practice": BASE | {"accounts"},
    "groups": BASE | {"accounts", "network", "goals"},
    "today": BASE | {"accounts", "network", "goals", "groups", "coach"},
    # Reminders where people already look: the day's queue and the week's check-in, by email
    # and calendar, composed like Today.
    "reminders": BASE | {"accounts", "network", "goals", "groups", "coach", "today"},
    # Your data out and kept safe: it reads every app's own rows, so it sits above them all.
    "portability": BASE
    | {"accounts", "network", "goals", "groups", "coach", "practice", "today", "reminders"},
}
FACES = {"cli", "api", "urls", "settings", "wsgi", "__main__", "__init__"}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module == "hedgerow":
            names = [f"hedgerow.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("hedgerow.")}
    return found


def arrows() -> list[tuple[str, str, Path]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        app = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        found += [(app, target, relative) for target in imported_apps(path) if target != app]
    return found


def test_it_keeps_every_arrow_between_apps_pointing_down():
    wrong = [
        f"{path}: {app} imports {target}"
        for app, target, path in arrows()
        if app not in FACES and target not in ALLOWED.get(app, set())
    ]

    assert wrong == [], "arrows that point the wrong way (see docs/architecture.md)"


def test_it_knows_every_app():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps - set(ALLOWED) == set(), "a new app: add it to ALLOWED and docs/architecture.md"
