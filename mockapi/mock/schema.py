"""What the mock service knows about one resource: its id field and schemas.

Schemas are OpenAPI 3.0 or 3.1 Schema Objects with every ``$ref`` already
resolved (plain nested dicts). This module never imports the compiler.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Callable

CREATED_AT_NAMES = frozenset({"createdAt", "created_at"})
UPDATED_AT_NAMES = frozenset({"updatedAt", "updated_at"})
TIMESTAMP_NAMES = CREATED_AT_NAMES | UPDATED_AT_NAMES


@dataclass(frozen=True)
class ResourceSchema:
    """One resource's id property and item/create/update schemas.

    ``create_schema``/``update_schema`` are the request-body schemas of POST
    and PUT/PATCH; None means the operation declares none (nothing to check).
    """

    id_field: str
    item_schema: dict
    create_schema: dict | None
    update_schema: dict | None


def schema_types(schema: dict) -> set[str]:
    """The JSON types a schema names: ``type`` as string or 3.1 list."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return {t for t in declared if isinstance(t, str)}
    return set()


def _id_schema(schema: ResourceSchema) -> dict:
    """The id property's schema ({} when the item schema does not declare it)."""
    id_schema = (schema.item_schema.get("properties") or {}).get(schema.id_field)
    return id_schema if isinstance(id_schema, dict) else {}


def id_is_integer(schema: ResourceSchema) -> bool:
    """Whether the item schema types the id field as an integer."""
    return "integer" in schema_types(_id_schema(schema))


def _id_is_uuid(schema: ResourceSchema) -> bool:
    return _id_schema(schema).get("format") == "uuid"


def new_id_factory(schema: ResourceSchema) -> Callable[[list[dict]], str | int]:
    """The ``new_id`` callback for ``MockStore.insert`` that suits the id's type.

    Integer ids: one more than the largest integer id present (1 when none).
    Otherwise a ``uuid4()`` string when the id has ``format: uuid``, else the
    first 12 hex characters of a ``uuid4()``.
    """
    id_field = schema.id_field
    if id_is_integer(schema):
        def next_integer(existing: list[dict]) -> int:
            largest = 0
            for record in existing:
                value = record.get(id_field)
                if isinstance(value, bool):
                    continue
                if isinstance(value, int):
                    largest = max(largest, value)
                elif isinstance(value, str) and value.isdigit():
                    largest = max(largest, int(value))
            return largest + 1
        return next_integer
    if _id_is_uuid(schema):
        return lambda existing: str(uuid.uuid4())
    return lambda existing: uuid.uuid4().hex[:12]


def timestamp_fields(schema: dict) -> list[tuple[str, ...]]:
    """Paths to createdAt/updatedAt/created_at/updated_at properties at any depth.

    Descends through ``properties`` of nested object schemas (not into array
    items, whose elements have no single path). Paths come in schema order.
    """
    paths: list[tuple[str, ...]] = []

    def walk(node: dict, prefix: tuple[str, ...]) -> None:
        properties = node.get("properties")
        if not isinstance(properties, dict):
            return
        for name, child in properties.items():
            if name in TIMESTAMP_NAMES:
                paths.append(prefix + (name,))
            elif isinstance(child, dict):
                walk(child, prefix + (name,))

    walk(schema, ())
    return paths
