"""The mock data service behind the compiled apps' REST API.

A narrow, swappable interface: views receive a ``MockStore`` (the process-wide
one from ``get_mock_store()``) and wrap it in ``ResourceRecords`` per request.
This package never imports the compiler; it works on plain JSON-schema dicts.
"""
from __future__ import annotations

from .query import FieldFilter, InvalidQuery, ListQuery, SortField
from .records import (
    RecordConflict, RecordInvalid, RecordNotFound, ResourceRecords, merge_patch, utc_timestamp,
)
from .schema import ResourceSchema, id_is_integer, new_id_factory, timestamp_fields
from .store import (
    CollectionFull, CollectionKey, DuplicateRecordId, InMemoryMockStore, MockStore, get_mock_store,
    set_mock_store,
)
from .validation import RecordError, json_pointer, validate_record

__all__ = [
    "CollectionFull",
    "CollectionKey",
    "DuplicateRecordId",
    "FieldFilter",
    "InMemoryMockStore",
    "InvalidQuery",
    "ListQuery",
    "MockStore",
    "RecordConflict",
    "RecordError",
    "RecordInvalid",
    "RecordNotFound",
    "ResourceRecords",
    "ResourceSchema",
    "SortField",
    "get_mock_store",
    "id_is_integer",
    "json_pointer",
    "merge_patch",
    "new_id_factory",
    "set_mock_store",
    "timestamp_fields",
    "utc_timestamp",
    "validate_record",
]
