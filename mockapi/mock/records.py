"""The mock REST API's record operations for one resource collection.

Views build a ``ResourceRecords`` from the store they were given, the
collection key and the resource's schemas, then call one method per HTTP
verb. Errors are ``mockapi.errors`` subclasses, so the error middleware maps
them to responses: ``RecordNotFound`` 404, ``RecordConflict`` 409,
``RecordInvalid`` 422 with ``errors: [{message, jsonPointer}]``.

Server-owned fields: the id (assigned when the client sends none, never
changed afterwards), createdAt/updatedAt at any depth where the item schema
has them (ISO 8601 UTC with a trailing ``Z``), and every ``readOnly``
property, which the client may send but which is ignored. The one exception:
a client may choose the id of a record it creates.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from mockapi.errors import Conflict, NotFound, Unprocessable

from .query import ListQuery, value_at
from .schema import (
    CREATED_AT_NAMES, ResourceSchema, id_is_integer, new_id_factory, timestamp_fields,
)
from .store import CollectionKey, DuplicateRecordId, MockStore, clone_json
from .validation import RecordError, json_pointer, validate_record

Clock = Callable[[], datetime]
MAX_ID_LENGTH = 200
_URL_SAFE_ID = re.compile(r"[^/?#\s\x00-\x1f\x7f]+")


class RecordNotFound(NotFound):
    default_message = "No record with this id."


class RecordConflict(Conflict):
    default_message = "A record with this id already exists."


class RecordInvalid(Unprocessable):
    """The record breaks its schema; ``errors`` lists every problem as JSON."""

    default_message = "The record is invalid."

    def __init__(self, record_errors: list[RecordError], message: str | None = None):
        self.record_errors = tuple(record_errors)
        super().__init__(message, errors=[error.to_json() for error in record_errors])


def merge_patch(target: Any, patch: Any) -> Any:
    """Apply a JSON Merge Patch (RFC 7386): objects merge, null deletes, the rest replaces."""
    if not isinstance(patch, dict):
        return clone_json(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def utc_timestamp(moment: datetime) -> str:
    """``moment`` as ISO 8601 in UTC with milliseconds and a ``Z``; naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ResourceRecords:
    """List, read, create, replace, merge and delete one collection's records."""

    def __init__(self, store: MockStore, key: CollectionKey, schema: ResourceSchema, *,
                 clock: Clock | None = None):
        self.store = store
        self.key = key
        self.schema = schema
        self._clock: Clock = clock or (lambda: datetime.now(timezone.utc))
        self._timestamp_paths = timestamp_fields(schema.item_schema)
        self._new_id = new_id_factory(schema)

    @property
    def _id_field(self) -> str:
        return self.schema.id_field

    @property
    def _update_schema(self) -> dict | None:
        return self.schema.update_schema if self.schema.update_schema is not None \
            else self.schema.create_schema

    def list(self, query: ListQuery) -> tuple[list[dict], int]:
        """The page ``query`` asks for and the number of matches before slicing."""
        return query.apply(self.store.all(self.key))

    def get(self, record_id: str) -> dict:
        """The record; ``RecordNotFound`` when missing."""
        record = self.store.get(self.key, record_id, id_field=self._id_field)
        if record is None:
            raise self._not_found(record_id)
        return record

    def create(self, body: Any) -> dict:
        """Validate ``body`` against the create schema and store it as a new record.

        The id is assigned when absent (the create schema requiring it is then
        no error); a taken id is ``RecordConflict``.
        """
        schema = self.schema.create_schema
        record = self._writable(_require_object(body), schema, keep_id=True)
        self._stamp(record, previous=None)
        id_pointer = json_pointer([self._id_field])
        errors = validate_record(schema, record)
        if record.get(self._id_field) is None:
            errors = [error for error in errors if error.json_pointer != id_pointer]
            record.pop(self._id_field, None)
        elif not any(error.json_pointer == id_pointer for error in errors):
            errors += self._client_id_errors(record[self._id_field])
        if errors:
            raise RecordInvalid(sorted(errors, key=lambda e: (e.json_pointer, e.message)))
        try:
            return self.store.insert(self.key, record, id_field=self._id_field, new_id=self._new_id)
        except DuplicateRecordId as duplicate:
            raise RecordConflict(f"A record with id {duplicate.record_id!r} already exists.") from None

    def replace(self, record_id: str, body: Any) -> dict:
        """PUT: store ``body`` in place of the record, keeping its id and createdAt.

        Validated against the update schema (the create schema when there is
        none); updatedAt is bumped.
        """
        return self._rewrite(record_id, body, lambda current, replacement: replacement)

    def merge(self, record_id: str, body: Any) -> dict:
        """PATCH: apply ``body`` as a JSON Merge Patch, atomically.

        The merged record is validated as a whole (required fields included)
        against the update schema; when invalid, the stored record is
        unchanged. The id and createdAt are kept, updatedAt is bumped.
        """
        return self._rewrite(record_id, body, merge_patch)

    def _rewrite(self, record_id: str, body: Any, combine: Callable[[dict, dict], dict]) -> dict:
        """Store ``combine(current, writable body)`` atomically, id and createdAt kept, validated whole."""
        schema = self._update_schema
        changes = self._writable(_require_object(body), schema, keep_id=False)

        def change(current: dict) -> dict:
            record = {self._id_field: current[self._id_field], **combine(current, changes)}
            self._stamp(record, previous=current)
            _raise_if_invalid(schema, record)
            return record

        return self._update(record_id, change)

    def delete(self, record_id: str) -> None:
        """Remove the record; ``RecordNotFound`` when missing."""
        if not self.store.delete(self.key, record_id, id_field=self._id_field):
            raise self._not_found(record_id)

    def _update(self, record_id: str, change: Callable[[dict], dict]) -> dict:
        record = self.store.update(self.key, record_id, change, id_field=self._id_field)
        if record is None:
            raise self._not_found(record_id)
        return record

    def _not_found(self, record_id: str) -> RecordNotFound:
        return RecordNotFound(f"No {self.key.resource} record with id {str(record_id)!r}.")

    def _writable(self, body: dict, write_schema: dict | None, *, keep_id: bool) -> dict:
        """``body`` without the read-only properties of the item or write schema.

        The id is always removed from updates (it never changes) and kept on
        create when ``keep_id``.
        """
        keep = frozenset({self._id_field}) if keep_id else frozenset()
        record = _without_read_only(body, self.schema.item_schema, keep)
        record = _without_read_only(record, write_schema, keep)
        if not keep_id:
            record.pop(self._id_field, None)
        return record

    def _stamp(self, record: dict, *, previous: dict | None) -> None:
        """Set every timestamp path: createdAt kept from ``previous``, the rest now."""
        now = utc_timestamp(self._clock())
        for path in self._timestamp_paths:
            value = now
            if previous is not None and path[-1] in CREATED_AT_NAMES:
                kept = value_at(previous, path)
                if isinstance(kept, str):
                    value = kept
            _set_at(record, path, value)

    def _client_id_errors(self, value: Any) -> list[RecordError]:
        pointer = json_pointer([self._id_field])
        if id_is_integer(self.schema):
            if isinstance(value, bool) or not isinstance(value, int):
                return [RecordError(f"{value!r} is not of type 'integer'", pointer)]
        elif isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
            return [RecordError("An id must be a non-empty string or an integer.", pointer)]
        elif isinstance(value, str) and (len(value) > MAX_ID_LENGTH or not _URL_SAFE_ID.fullmatch(value)):
            return [RecordError(f"An id must be at most {MAX_ID_LENGTH} characters, without '/', '?', '#', "
                                "spaces or control characters, since it becomes part of the record's URL.", pointer)]
        return []


def _require_object(body: Any) -> dict:
    if not isinstance(body, dict):
        raise RecordInvalid([RecordError("Expected a JSON object.", "")])
    return clone_json(body)


def _raise_if_invalid(schema: dict | None, record: dict) -> None:
    errors = validate_record(schema, record)
    if errors:
        raise RecordInvalid(errors)


def _without_read_only(value: Any, schema: dict | None, keep: frozenset[str] = frozenset()) -> Any:
    """``value`` minus properties ``schema`` marks ``readOnly``, at any depth.

    ``keep`` names top-level properties to keep even when read-only.
    """
    if not isinstance(schema, dict):
        return value
    properties = schema.get("properties")
    if isinstance(value, dict) and isinstance(properties, dict):
        result = {}
        for name, child in value.items():
            child_schema = properties.get(name)
            if isinstance(child_schema, dict) and child_schema.get("readOnly") is True \
                    and name not in keep:
                continue
            result[name] = _without_read_only(child, child_schema)
        return result
    items = schema.get("items")
    if isinstance(value, list) and isinstance(items, dict):
        return [_without_read_only(child, items) for child in value]
    return value


def _set_at(record: dict, path: tuple[str, ...], value: str) -> None:
    """Set ``value`` at ``path`` when its parent objects exist.

    A nested timestamp lives in an object the client chose to send; a missing
    or non-object parent is left alone rather than invented.
    """
    target = record
    for name in path[:-1]:
        child = target.get(name)
        if not isinstance(child, dict):
            return
        target = child
    target[path[-1]] = value
