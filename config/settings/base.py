"""Settings shared by every environment."""

from __future__ import annotations

from datetime import timedelta

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from config.env import (
    BASE_DIR,
    env_bool,
    env_int,
    env_list,
    env_secret_file,
    env_str,
    mailers_from_env,
)

# Lets generic admin and queryset classes be subscripted at run time (django-stubs).
django_stubs_ext.monkeypatch()

SECRET_KEY = env_str("SERGUR_SECRET_KEY", "dev-only-insecure-key-change-me")
# Off unless asked for (SERGUR_DEBUG=1): a traceback or the URL list never reaches a visitor.
DEBUG = env_bool("SERGUR_DEBUG", False)
ALLOWED_HOSTS = env_list("SERGUR_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "sergur.common",
    "sergur.accounts",
    "sergur.registry",
    "sergur.cases",
    "sergur.portfolios",
    "sergur.imports",
    "sergur.transfers",
    "sergur.plpg",
    "sergur.selection",
    "sergur.assessments",
    "sergur.verification",
    "sergur.appeals",
    "sergur.notifications",
    "sergur.certificates",
    "sergur.allowance",
    "sergur.payments",
    "sergur.planner",
    "sergur.appraisal",
    "sergur.development",
    "sergur.kkg",
    "sergur.quality",
    "sergur.scoring",
    "sergur.privacy",
    "sergur.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every audit record written while serving a request carries its client address.
    "sergur.common.middleware.AuditAddressMiddleware",
    # Marks request.user verified when the session holds a confirmed second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions end after SERGUR_STAFF_IDLE_MINUTES without a request.
    "sergur.accounts.middleware.StaffIdleTimeoutMiddleware",
    # Staff without a verified second factor go to enrolment or verification first.
    "sergur.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "sergur.common.menu.main_menu",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'sergur.sqlite3'}"),
        conn_max_age=60,
    )
}
# The embedded SQLite default under simultaneous requests: write-ahead logging lets readers
# go on while one connection writes; IMMEDIATE transactions take the write lock at BEGIN (a
# deferred one that reads and then writes cannot wait for it and fails at once with "database
# is locked"); the busy timeout (seconds) makes each writer wait its turn instead.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
# PostgreSQL's JIT compiles a query whose estimated cost is high, and for a page's aggregates
# that compiling took seconds, more than running them (docs/quality-assurance.md, "Speed"):
# the web's short queries never repay it, so it is off for the application's connections.
POSTGRESQL_OPTIONS = {"options": "-c jit=off"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        **POSTGRESQL_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every sign-in before the password (docs/security.md).
AUTHENTICATION_BACKENDS = [
    "sergur.accounts.backends.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:list"
LOGOUT_REDIRECT_URL = "scoring:home"

# Indonesian first, English available.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates in one format, that of the rules core ("7 Dec 2026, 15:30"; config/formats).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
MEDIA_ROOT = BASE_DIR / "var" / "media"

# Uploads: small files stay in memory, anything larger streams to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# The scoring page: the largest portfolio file it accepts, uploaded or pasted (real files are
# tens of kilobytes); bytes past the cap are counted but never stored.
SERGUR_PORTFOLIO_MAX_BYTES = 1024 * 1024
# A folder of programme-year files (<year>.toml) beyond the shipped ones, as for `sergur`.
_years_dir = env_str("SERGUR_YEARS_DIR", "")
SERGUR_YEARS_DIRS = (BASE_DIR / _years_dir,) if _years_dir else ()

# Evidence files: PDF, JPEG or PNG, checked by content; larger files are refused unread.
SERGUR_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Images (evidence scans) of at most this many pixels, read from the header before any
# decoding: well below Pillow's decompression-bomb limit (about 89 million); an A4 page
# scanned at 600 dpi is about 35 million.
SERGUR_IMAGE_MAX_PIXELS = 40_000_000
# Teacher master-data imports (CSV/XLSX): files are streamed; larger ones are refused unread.
SERGUR_IMPORT_MAX_BYTES = 200 * 1024 * 1024
# The Ed25519 keys that sign receipts and other codes (PEM, PKCS#8; the first signs, the others
# only verify: sergur/common/signing.py, docs/security.md "Signing keys"). Production gives them
# in SERGUR_SIGNING_KEYS or in a file readable by its owner only, SERGUR_SIGNING_KEYS_FILE; the
# embedded default keeps them in SERGUR_SIGNING_KEY_FILE, made on first use when absent.
SERGUR_SIGNING_KEYS = env_str("SERGUR_SIGNING_KEYS", "") or env_secret_file(
    "SERGUR_SIGNING_KEYS_FILE"
)
# The PAdES signature of the certificate PDFs (docs/certificates.md): an ECDSA P-256 key and
# its X.509 certificate. The embedded default makes a self-signed pair in var/ on first use; a
# deployment points these at the key and certificate its certification authority issued.
SERGUR_PADES_KEY_FILE = env_str("SERGUR_PADES_KEY_FILE", str(BASE_DIR / "var" / "pades-key.pem"))
SERGUR_PADES_CERT_FILE = env_str("SERGUR_PADES_CERT_FILE", str(BASE_DIR / "var" / "pades-cert.pem"))
SERGUR_SIGNING_KEY_FILE = env_str(
    "SERGUR_SIGNING_KEY_FILE", str(BASE_DIR / "var" / "signing-key.pem")
)
# How long each kind of record is kept (sergur/rules/retention.toml, docs/privacy.md); a
# deployment may name its own file of the same form.
_retention_file = env_str("SERGUR_RETENTION_FILE", "")
SERGUR_RETENTION_FILE = BASE_DIR / _retention_file if _retention_file else None

# The shared cache: the sign-in lockout and the public lookup's throttle count here, so every
# process and every host sees the same counts. SERGUR_CACHE_URL=redis://host:6379/1 selects
# Redis (production); otherwise the cache is a table of the database (made by `migrate`).
_cache_url = env_str("SERGUR_CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "sergur_cache",
        }
    ),
    # Rendered parts of the portfolio pages, per process (sergur/common/fragments.py).
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "sergur-fragments",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 2048},
    },
}

# Sign-in (docs/security.md). The reverse proxies in front of the app: a comma-separated list
# of their addresses. Only when the request comes from one of them is the client address taken
# from X-Forwarded-For (the right-most address no trusted proxy added); with none set, the
# connection's own address (REMOTE_ADDR) counts and X-Forwarded-For is ignored.
SERGUR_TRUSTED_PROXIES = env_list("SERGUR_TRUSTED_PROXIES", [])
# Failed sign-ins before the account, and separately the client address, are locked out.
AXES_FAILURE_LIMIT = env_int("SERGUR_SIGNIN_FAILURE_LIMIT", 5, minimum=1)
# How long a lockout lasts, in minutes (it also resets the count).
SERGUR_SIGNIN_COOLOFF_MINUTES = env_int("SERGUR_SIGNIN_COOLOFF_MINUTES", 15, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=SERGUR_SIGNIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
AXES_LOCKOUT_CALLABLE = "sergur.accounts.views.signin_locked_out"
# A right password does not wipe the counts: otherwise one valid account would let an address
# go on guessing other accounts' passwords; the counts expire with the cool-off anyway.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "sergur.accounts.client.client_address"
# The lockout page says when to try again; the user's name is never written to the log.
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "password"]
# Password reset requests per client address, and per e-mail address, within the cool-off.
SERGUR_PASSWORD_RESET_LIMIT = env_int("SERGUR_PASSWORD_RESET_LIMIT", 5, minimum=1)
# A reset link is valid this long (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Second factor (TOTP, django-otp): required for every role but teachers (optional for them).
SERGUR_REQUIRE_2FA = env_bool("SERGUR_REQUIRE_2FA", True)
SERGUR_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "sergur"
# Sessions: a staff session ends after this many idle minutes; every session (a teacher's
# too) ends SESSION_COOKIE_AGE after sign-in, at most a working day, and when the browser
# closes.
SERGUR_STAFF_IDLE_MINUTES = env_int("SERGUR_STAFF_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = env_int("SERGUR_SESSION_HOURS", 8, minimum=1) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# The audit trail's records are also written as JSON lines (sergur.audit, no personal data)
# to standard error, for a log shipper to carry off the host (docs/audit.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "sergur.common.logs.JsonLinesFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "audit_json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "sergur.audit": {"handlers": ["audit_json"], "level": "INFO", "propagate": False},
        # fpdf2's font subsetting (fontTools) logs every glyph list at INFO: a hundred lines
        # per PDF, and a third of the time a certificate takes to render.
        "fontTools": {"level": "WARNING"},
    },
}

# E-mail (password reset links, notifications: docs/notifications.md), with Django 6.1's
# MAILERS: the embedded default writes every message to the console; production sends by SMTP
# (config/settings/production.py) with the SERGUR_EMAIL_* variables. Links in messages start
# with SERGUR_SITE_URL.
MAILERS = mailers_from_env(default_backend="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("SERGUR_EMAIL_FROM", "sergur <noreply@sergur.invalid>")
SERGUR_SITE_URL = env_str("SERGUR_SITE_URL", "http://127.0.0.1:8000")

# Background work (Celery, config/celery.py). The embedded default runs every task inline
# (eager): no broker, no worker. A deployment sets SERGUR_CELERY_EAGER=0 and points
# SERGUR_CELERY_BROKER_URL at Redis (redis://host:6379/0), then runs `celery -A config worker`.
CELERY_TASK_ALWAYS_EAGER = env_bool("SERGUR_CELERY_EAGER", True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = env_str("SERGUR_CELERY_BROKER_URL", "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# The re-scoring batch spreads a programme year's chunks over this many forked processes
# (PostgreSQL only). A Celery prefork child may not fork, so a deployment that raises it runs
# the worker with `--pool=solo` (docs/batch.md); elsewhere the job runs in one process.
SERGUR_BATCH_WORKERS = env_int("SERGUR_BATCH_WORKERS", 1, minimum=1)
# A queued or running batch job without progress for this long was stopped (worker killed,
# message lost) and no longer blocks a new job of its programme year.
SERGUR_BATCH_STALE_MINUTES = env_int("SERGUR_BATCH_STALE_MINUTES", 15, minimum=1)
# The same for an import's check or import (its page stops waiting; its stage is dropped).
SERGUR_IMPORT_STALE_MINUTES = env_int("SERGUR_IMPORT_STALE_MINUTES", 15, minimum=1)
