"""Fixtures shared by every Django-side test: the three kinds of caller."""
from __future__ import annotations

import pytest

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
