"""One settings file, driven by the environment (see docs/deployment.md).

HEDGEROW_HOME          folder for the database, uploads and secret key
HEDGEROW_DATABASE_URL  use this database instead of the embedded SQLite file
HEDGEROW_SECRET_KEY    else one is generated once into HEDGEROW_HOME
HEDGEROW_DEBUG         "1" for Django's debug pages (never in production)
HEDGEROW_TIME_ZONE     the zone "today" is counted in (default: UTC)
HEDGEROW_ALLOWED_HOSTS comma-separated host names the server answers to
HEDGEROW_HTTPS         "1" behind a TLS-terminating proxy: secure cookies, HSTS, HTTPS redirect
HEDGEROW_HSTS_PRELOAD  "1" to add HSTS preload (only if you will list the domain for preloading)
HEDGEROW_BASE_URL      the address people open, for links in emails and the CLI
HEDGEROW_SMTP_HOST     send email (group digests) through this SMTP server; else to files
HEDGEROW_SMTP_PORT, HEDGEROW_SMTP_USER, HEDGEROW_SMTP_PASSWORD, HEDGEROW_SMTP_STARTTLS,
HEDGEROW_FROM_EMAIL    the rest of the SMTP settings
HEDGEROW_REDIS_URL     queue background imports in Redis (RQ) instead of the database
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
import platformdirs


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def hedgerow_home() -> Path:
    home = Path(os.environ.get("HEDGEROW_HOME") or platformdirs.user_data_dir("hedgerow"))
    # Only its owner may look inside: the database, uploads and secret key are personal.
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home


def private_database_file(path: Path) -> Path:
    """Create the SQLite file owner-only (0600) before SQLite does with the usual 0644; SQLite
    gives its -wal and -shm files the same mode as the database."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    return path


def secret_key(home: Path) -> str:
    if os.environ.get("HEDGEROW_SECRET_KEY"):
        return os.environ["HEDGEROW_SECRET_KEY"]
    key_file = home / "secret_key"
    if not key_file.exists():
        # Written once with owner-only permissions so sessions survive restarts; written whole,
        # then linked into place, so processes starting together (server and worker, test
        # workers) never read a half-written file and all agree on the first key.
        draft = home / f".secret_key.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text().strip()


PACKAGE_DIR = Path(__file__).resolve().parent
# django-ninja's API docs page and its scripts, served from the package (no CDN). Found without
# importing ninja, so commands that never serve the API don't pay for loading it.
_ninja = importlib.util.find_spec("ninja")
NINJA_DIR = Path(next(iter(_ninja.submodule_search_locations or []))) if _ninja else PACKAGE_DIR
HOME = hedgerow_home()
SECRET_KEY = secret_key(HOME)
DEBUG = env_bool("HEDGEROW_DEBUG")
# Django's test runner adds "testserver" for tests; production never answers to it.
ALLOWED_HOSTS = env_list("HEDGEROW_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("HEDGEROW_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "hedgerow.accounts",
    "hedgerow.network",
    "hedgerow.coach",
    "hedgerow.goals",
    "hedgerow.practice",
    "hedgerow.groups",
    "hedgerow.today",
    "hedgerow.reminders",
    "hedgerow.portability",
    # Background imports through Django's Tasks API (the backport until Django 6).
    "django_tasks",
    *(["django_rq", "django_tasks_rq"] if os.environ.get("HEDGEROW_REDIS_URL") else []),
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hedgerow.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs sign-in unless its view opts out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hedgerow.urls"
WSGI_APPLICATION = "hedgerow.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_settings() -> dict[str, Any]:
    url = os.environ.get("HEDGEROW_DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": private_database_file(HOME / "hedgerow.sqlite3"),
        "OPTIONS": {
            # WAL lets the web server read while an import writes; writers wait, not fail.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_settings()}


def task_settings() -> dict[str, Any]:
    """Imports started from the web wait in a queue that `hedgerow worker` empties: a table in
    the database by default (nothing else to run), Redis when HEDGEROW_REDIS_URL names one."""
    if os.environ.get("HEDGEROW_REDIS_URL"):
        return {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


TASKS = task_settings()
RQ_QUEUES = {"default": {"URL": os.environ.get("HEDGEROW_REDIS_URL", "redis://localhost:6379/0")}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "today:today"
LOGOUT_REDIRECT_URL = "accounts:login"
# A one-time sign-in link stays valid for a day, or until it is used.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("HEDGEROW_TIME_ZONE", "UTC")
USE_I18N = True
# One date style in every template, "7 Nov 2026" (hedgerow/lib/formats/en/formats.py).
FORMAT_MODULE_PATH = ["hedgerow.lib.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static", NINJA_DIR / "static"]
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it even when it serves from the finders
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the package's static folders, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = HOME / "uploads"
# Uploaded files and their folders: owner-only, like the database.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# A form's fields (not its files) may hold this much; an upload past FILE_UPLOAD_MAX_MEMORY_SIZE
# is streamed to a temporary file, never held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_HANDLERS = [
    "hedgerow.lib.uploads.CappedUploadHandler",  # drops a file past the cap below as it arrives
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# The biggest file the Import page takes (a full LinkedIn archive with years of messages is
# 50-200 MB); bigger files, such as a whole Gmail mbox, go through `hedgerow import` or IMAP.
HEDGEROW_MAX_UPLOAD_BYTES = env_int("HEDGEROW_MAX_UPLOAD_MB", 300) * 1024 * 1024
# What one import may hold: lines, cells, records, archives (network/importers/limits.py has the
# full list and the defaults; docs/user-guide.md says them in words). Past a cap, a record is a
# listed problem and a file one sentence, so hostile input never takes the server's memory.
HEDGEROW_IMPORT_LIMITS = {
    "zip_total_bytes": env_int("HEDGEROW_IMPORT_MAX_ARCHIVE_MB", 2048) * 1024 * 1024,
    "calendar_bytes": env_int("HEDGEROW_IMPORT_MAX_CALENDAR_MB", 64) * 1024 * 1024,
}

# Behind a TLS-terminating proxy: cookies only over HTTPS, and trust the proxy's scheme header.
# Also: HSTS (browsers keep to HTTPS for a year), and plain-HTTP requests are sent to HTTPS.
HEDGEROW_BEHIND_PROXY = env_bool("HEDGEROW_HTTPS")
if HEDGEROW_BEHIND_PROXY:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is a promise only the domain's owner can make (hstspreload.org), so it is
    # their choice: HEDGEROW_HSTS_PRELOAD=1.
    SECURE_HSTS_PRELOAD = env_bool("HEDGEROW_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Email (group digests): SMTP when a server is named, otherwise written to files in the home
# folder, so nothing is lost and nothing is sent by surprise.
BASE_URL = os.environ.get("HEDGEROW_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("HEDGEROW_FROM_EMAIL", "Hedgerow <hedgerow@localhost>")
if os.environ.get("HEDGEROW_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["HEDGEROW_SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("HEDGEROW_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("HEDGEROW_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("HEDGEROW_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("HEDGEROW_SMTP_STARTTLS", default=True)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = HOME / "outbox"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HEDGEROW_LOG_LEVEL", "WARNING")},
    # Sign-ins and failed tries (accounts/throttle.py): names and addresses, never secrets.
    "loggers": {"hedgerow.security": {"level": "INFO"}},
}
