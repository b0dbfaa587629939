"""Every setting an operator may change, declared once with its default and environment variable.

``settings.py`` reads only from here; nothing else in the code base looks at ``os.environ``.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names the environment variable."""


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def raw(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS = {
    "mode": Setting(
        "TRADEBRIDGE_MODE", "development", "development or production (production is locked down)"
    ),
    "data_dir": Setting(
        "TRADEBRIDGE_DATA_DIR", str(REPO_DIR / "var"), "where SQLite, uploads and the dev key live"
    ),
    "database_url": Setting(
        "DATABASE_URL", "", "database URL; empty means SQLite at DATA_DIR/tradebridge.sqlite3"
    ),
    "secret_key": Setting(
        "SECRET_KEY", "", "Django secret key; generated and kept in DATA_DIR in development"
    ),
    "debug": Setting("DEBUG", "", "show debug pages; defaults to on in development only"),
    "allowed_hosts": Setting(
        "ALLOWED_HOSTS", "127.0.0.1,localhost", "comma-separated host names served"
    ),
    "csrf_trusted_origins": Setting(
        "CSRF_TRUSTED_ORIGINS", "", "comma-separated origins (https://example.org) behind a proxy"
    ),
    "email_url": Setting(
        "EMAIL_URL", "console:", "console: in development, or smtp://user:pass@host:port"
    ),
    "default_from_email": Setting(
        "DEFAULT_FROM_EMAIL", "TradeBridge <noreply@tradebridge.local>", "sender of all mail"
    ),
    "login_attempts": Setting(
        "TRADEBRIDGE_LOGIN_ATTEMPTS", "5", "failed logins allowed per account and address"
    ),
    "login_window_minutes": Setting(
        "TRADEBRIDGE_LOGIN_WINDOW_MINUTES", "15", "window in which failed logins are counted"
    ),
    "invitation_days": Setting(
        "TRADEBRIDGE_INVITATION_DAYS", "7", "days an invitation link stays valid"
    ),
    "video_room_url_template": Setting(
        "TRADEBRIDGE_VIDEO_ROOM_URL",
        "https://meet.jit.si/tradebridge-{room}",
        "URL template for online rooms; {room} is replaced by a stable room name",
    ),
    "site_url": Setting(
        "TRADEBRIDGE_SITE_URL",
        "http://127.0.0.1:8000",
        "the site's public address, for links in mail (e.g. https://tradebridge.example.org)",
    ),
    "scheduler_runner": Setting(
        "TRADEBRIDGE_SCHEDULER_RUNNER",
        "subprocess",
        "how scheduler runs are worked: subprocess, thread, inline or external",
    ),
}


def mode() -> str:
    value = SETTINGS["mode"].raw().strip().lower()
    if value not in {"development", "production"}:
        raise ConfigError("TRADEBRIDGE_MODE must be 'development' or 'production'")
    return value


def is_production() -> bool:
    return mode() == "production"


def data_dir() -> Path:
    path = Path(SETTINGS["data_dir"].raw())
    path.mkdir(parents=True, exist_ok=True)
    return path


def debug() -> bool:
    raw = SETTINGS["debug"].raw()
    if raw == "":
        return not is_production()
    return _flag(raw)


def allowed_hosts() -> list[str]:
    return _list(SETTINGS["allowed_hosts"].raw())


def csrf_trusted_origins() -> list[str]:
    return _list(SETTINGS["csrf_trusted_origins"].raw())


def secret_key() -> str:
    """The configured key; in development one is generated once and kept in the data dir."""
    value = SETTINGS["secret_key"].raw()
    if value:
        return value
    if is_production():
        raise ConfigError("SECRET_KEY must be set in production mode")
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database_url() -> str:
    value = SETTINGS["database_url"].raw()
    if value:
        return value
    return f"sqlite:///{data_dir() / 'tradebridge.sqlite3'}"


def scheduler_runner() -> str:
    value = SETTINGS["scheduler_runner"].raw().strip().lower()
    if value not in {"subprocess", "thread", "inline", "external"}:
        raise ConfigError(
            "TRADEBRIDGE_SCHEDULER_RUNNER must be subprocess, thread, inline or external"
        )
    return value


def integer(name: str) -> int:
    setting = SETTINGS[name]
    try:
        return int(setting.raw())
    except ValueError as exc:
        raise ConfigError(f"{setting.env} must be a whole number") from exc


def text(name: str) -> str:
    return SETTINGS[name].raw()
