"""Account ids: opaque strings chosen by the client (API) or the browser cookie (pages)."""
from __future__ import annotations

import re
import uuid

from mockapi.errors import BadRequest

ACCOUNT_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,36}")


def parse_account_id(value: str | None) -> str:
    """Return ``value`` when it is a valid account id, else raise ``BadRequest``."""
    if value is None or value == "":
        raise BadRequest("accountId is required.")
    if not isinstance(value, str) or not ACCOUNT_ID_PATTERN.fullmatch(value):
        raise BadRequest("accountId must be 1-36 characters from A-Z, a-z, 0-9, '_' and '-'.")
    return value


def new_account_id() -> str:
    return str(uuid.uuid4())
