"""Pass 4: the canonical form of a document and its SHA-256.

Sorted keys, no insignificant whitespace, UTF-8: the YAML and JSON forms of one
document, in any key order, hash the same.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical_hash(document: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()
