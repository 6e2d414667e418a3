"""Settings helpers fail loudly on values they cannot interpret."""
from __future__ import annotations

import pytest

from mockapi.env import ConfigurationError, database_url_from_env, env_bool, env_int


def test_env_bool_accepts_common_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", True) is False


def test_env_bool_rejects_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigurationError):
        env_bool("FLAG")


def test_env_int_rejects_non_numbers(monkeypatch):
    monkeypatch.setenv("LIMIT", "5MB")
    with pytest.raises(ConfigurationError):
        env_int("LIMIT", 1)


def test_postgres_url_wins_over_database_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://b/b")
    monkeypatch.setenv("POSTGRES_URL", "postgres://a/a")
    assert database_url_from_env() == "postgres://a/a"
    monkeypatch.delenv("POSTGRES_URL")
    assert database_url_from_env() == "postgres://b/b"
    monkeypatch.delenv("DATABASE_URL")
    assert database_url_from_env() is None
