"""Fixtures shared by every Django-side test: the three kinds of caller."""
from __future__ import annotations

import socket

import pytest
from django.db import connections

from mockapi.mock import InMemoryMockStore, set_mock_store

OWNER_ACCOUNT = "acct-owner-0001"
OTHER_ACCOUNT = "acct-other-0002"


@pytest.fixture
def owner_account() -> str:
    """The account that owns what a test creates."""
    return OWNER_ACCOUNT


@pytest.fixture
def other_account() -> str:
    """A valid account that owns nothing the test created."""
    return OTHER_ACCOUNT


def closed_port() -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_down(transactional_db):
    """PostgreSQL refusing connections: the default connection points at a closed port."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


@pytest.fixture(autouse=True)
def mock_store():
    """Each test gets an empty mock data store, swapped in the way production code receives it.

    Live servers run in this process, so browser and HTTP tests see it too.
    """
    store = InMemoryMockStore()
    previous = set_mock_store(store)
    yield store
    set_mock_store(previous)
