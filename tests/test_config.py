"""Settings come from the environment; production mode is locked down."""

import os
import subprocess
import sys

import dj_database_url
import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from tradebridge import config


def _check_deploy(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_production_mode_passes_check_deploy(tmp_path):
    result = _check_deploy(
        TRADEBRIDGE_MODE="production",
        TRADEBRIDGE_DATA_DIR=str(tmp_path),
        SECRET_KEY="k" * 20 + "-a-long-and-varied-production-secret-0123456789",
        ALLOWED_HOSTS="tradebridge.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_requires_a_secret_key(tmp_path):
    result = _check_deploy(
        TRADEBRIDGE_MODE="production", TRADEBRIDGE_DATA_DIR=str(tmp_path), SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_key_is_generated_once(tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("TRADEBRIDGE_MODE", "development")
    first = config.secret_key()
    assert len(first) > 50
    assert config.secret_key() == first


def test_default_database_is_sqlite_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert config.database_url() == f"sqlite:///{tmp_path / 'tradebridge.sqlite3'}"


def test_bad_mode_and_numbers_are_named(monkeypatch):
    monkeypatch.setenv("TRADEBRIDGE_MODE", "staging")
    with pytest.raises(config.ConfigError, match="TRADEBRIDGE_MODE"):
        config.mode()
    monkeypatch.setenv("TRADEBRIDGE_LOGIN_ATTEMPTS", "many")
    with pytest.raises(config.ConfigError, match="TRADEBRIDGE_LOGIN_ATTEMPTS"):
        config.integer("login_attempts")


def test_sqlite_file_databases_run_in_wal_mode(tmp_path, django_db_blocker):
    settings_dict = {
        **dj_database_url.parse(f"sqlite:///{tmp_path / 'wal.sqlite3'}"),
        "OPTIONS": settings.SQLITE_OPTIONS,
        "TIME_ZONE": None, "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False, "CONN_MAX_AGE": 0, "TEST": {},
    }  # fmt: skip
    wrapper = SQLiteWrapper(settings_dict, alias="wal-check")
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
        finally:
            wrapper.close()
