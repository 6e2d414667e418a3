"""Pass 6: the UI plan — deterministic rules that turn each resource's record
schema into labelled, ordered fields, table columns, form fields and filters.

No key order of the input is trusted: fields are ordered by rule (id, then
name-like fields, then required ones in ``required`` order, then the rest
alphabetically, objects and arrays after scalars, timestamps last), so the same
document in any key order plans the same screen.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compiler.errors import CompileError, fail_if_any
from compiler.ir import is_object_schema
from compiler.labels import humanize, singular
from compiler.model import ApiIR, IRResource, JsonSchema
from compiler.pointers import pointer

MAX_NESTING = 4
MAX_COLUMNS = 7
MAX_TEXT_FILTERS = 3
NAME_LIKE = ("name", "title", "fullName", "displayName", "username", "label", "firstName", "lastName", "subject")
TIMESTAMPS = ("createdAt", "created_at", "updatedAt", "updated_at")
LONG_TEXT_NAMES = frozenset({"description", "bio", "notes", "note", "body", "content", "comment", "comments",
                             "summary", "details", "message", "about", "text"})
SCALAR_TYPES = frozenset({"string", "text", "integer", "number", "boolean", "enum", "date", "datetime", "email",
                          "url", "uuid"})
_STRING_FORMATS = {"date": "date", "date-time": "datetime", "email": "email", "uri": "url", "url": "url",
                   "uri-reference": "url", "uuid": "uuid"}
_LONG_TEXT_FORMATS = frozenset({"textarea", "markdown", "html", "multiline"})
_PASSTHROUGH = ("default", "example", "minimum", "maximum", "minLength", "maxLength", "pattern")


@dataclass(frozen=True)
class FieldPlan:
    name: str
    label: str
    type: str
    required: bool = False
    read_only: bool = False
    write_only: bool = False
    nullable: bool = False
    format: str | None = None
    description: str | None = None
    options: tuple[Any, ...] | None = None
    fields: tuple[FieldPlan, ...] | None = None
    items: FieldPlan | None = None
    extras: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class ResourcePlan:
    resource: IRResource
    entity: str
    title: str
    fields: tuple[FieldPlan, ...]
    columns: tuple[str, ...]
    form_fields: tuple[str, ...]
    filters: tuple[str, ...] = field(default=())


def plan_ui(api_ir: ApiIR) -> list[ResourcePlan]:
    """One screen plan per resource; ``UIPLAN_INVALID`` for resources whose records are not objects."""
    fail_if_any(
        CompileError(pointer(["paths", resource["operations"][0]["path"]]), "UIPLAN_INVALID",
                     f"Records of {resource['name']!r} are not objects with properties, so no form or table can be planned.")
        for resource in api_ir["resources"]
        if not is_object_schema(resource["itemSchema"])
    )
    return [_plan_resource(resource) for resource in api_ir["resources"]]


def _plan_resource(resource: IRResource) -> ResourcePlan:
    item = resource["itemSchema"]
    request = _request_schema(resource)
    id_field = resource["idField"]
    fields = _object_fields(_merged_properties(item, request), _required(request or item), id_field, depth=0)
    title = str(item.get("title") or "")
    return ResourcePlan(
        resource=resource,
        entity=title if 0 < len(title) <= 60 else singular(resource["name"]),
        title=resource["name"],
        fields=fields,
        columns=_columns(fields, id_field),
        form_fields=tuple(plan.name for plan in fields),
        filters=_filters(fields, id_field),
    )


def _request_schema(resource: IRResource) -> JsonSchema | None:
    for kind in ("create", "update"):
        for operation in resource["operations"]:
            if operation["kind"] == kind and is_object_schema(operation.get("requestSchema")):
                return operation["requestSchema"]
    return None


def _merged_properties(item: JsonSchema, request: JsonSchema | None) -> dict[str, tuple[JsonSchema, bool]]:
    """name → (schema, write-only?): the record's properties plus input-only ones from the request body."""
    merged = {name: (schema, bool(schema.get("writeOnly"))) for name, schema in _properties(item).items()}
    for name, schema in _properties(request or {}).items():
        merged.setdefault(name, (schema, True))
    return merged


def _properties(schema: JsonSchema) -> dict[str, JsonSchema]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {name: value for name, value in properties.items() if isinstance(value, dict)}


def _required(schema: JsonSchema) -> list[str]:
    required = schema.get("required")
    return [name for name in required if isinstance(name, str)] if isinstance(required, list) else []


def _object_fields(properties: dict[str, tuple[JsonSchema, bool]], required: list[str], id_field: str | None,
                   depth: int) -> tuple[FieldPlan, ...]:
    plans = [
        _field(name, schema, required=name in required, write_only=write_only,
               is_id=name == id_field, depth=depth)
        for name, (schema, write_only) in properties.items()
    ]
    return tuple(sorted(plans, key=lambda plan: _order_key(plan, required, id_field)))


def _order_key(plan: FieldPlan, required: list[str], id_field: str | None) -> tuple[Any, ...]:
    if plan.name == id_field:
        return (0, 0, "")
    if plan.name in NAME_LIKE:
        return (1, NAME_LIKE.index(plan.name), "")
    if plan.name in TIMESTAMPS:
        return (5, TIMESTAMPS.index(plan.name), "")
    if plan.name in required:
        return (2, required.index(plan.name), "")
    return (3 if plan.type in SCALAR_TYPES else 4, 0, plan.name)


def _field(name: str, schema: JsonSchema, *, required: bool, write_only: bool, is_id: bool, depth: int) -> FieldPlan:
    kind, nullable = _type_of(name, schema)
    title = schema.get("title")
    description = schema.get("description")
    nested: tuple[FieldPlan, ...] | None = None
    items: FieldPlan | None = None
    if kind == "object" and depth < MAX_NESTING:
        nested = _object_fields({key: (value, bool(value.get("writeOnly"))) for key, value in _properties(schema).items()},
                                _required(schema), None, depth + 1) or None
    if kind == "array" and isinstance(schema.get("items"), dict) and depth < MAX_NESTING:
        items = _field("items", schema["items"], required=False, write_only=False, is_id=False, depth=depth + 1)
    options = tuple(value for value in schema["enum"] if value is not None) if kind == "enum" else None
    return FieldPlan(
        name=name,
        label=title if isinstance(title, str) and 0 < len(title) <= 40 else humanize(name),
        type=kind,
        required=required,
        read_only=bool(schema.get("readOnly")) or is_id or name in TIMESTAMPS,
        write_only=write_only or bool(schema.get("writeOnly")),
        nullable=nullable,
        format=schema["format"] if isinstance(schema.get("format"), str) else None,
        description=description.strip() if isinstance(description, str) and description.strip() else None,
        options=options,
        fields=nested,
        items=items,
        extras=tuple((key, schema[key]) for key in _PASSTHROUGH if key in schema and _is_plain(schema[key])),
    )


def _is_plain(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _type_of(name: str, schema: JsonSchema) -> tuple[str, bool]:
    """(UI field type, nullable?) from a property schema."""
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared] if isinstance(declared, str) else []
    nullable = bool(schema.get("nullable")) or "null" in types
    concrete = [value for value in types if value != "null"]
    base = concrete[0] if concrete else None
    if isinstance(schema.get("enum"), list) and [value for value in schema["enum"] if value is not None]:
        return "enum", nullable
    if base == "object" or (base is None and isinstance(schema.get("properties"), dict)):
        return "object", nullable
    if base == "array" or (base is None and "items" in schema):
        return "array", nullable
    if base in ("integer", "number", "boolean"):
        return base, nullable
    fmt = schema.get("format")
    if isinstance(fmt, str) and fmt in _STRING_FORMATS:
        return _STRING_FORMATS[fmt], nullable
    max_length = schema.get("maxLength")
    if (isinstance(fmt, str) and fmt in _LONG_TEXT_FORMATS) or name in LONG_TEXT_NAMES or (
            isinstance(max_length, int) and max_length > 255):
        return "text", nullable
    return "string", nullable


def _columns(fields: tuple[FieldPlan, ...], id_field: str) -> tuple[str, ...]:
    """Id and up to ``MAX_COLUMNS`` readable fields: scalars first, then objects and arrays."""
    shown = [plan for plan in fields if not plan.write_only and plan.type != "text"]
    scalars = [plan.name for plan in shown if plan.type in SCALAR_TYPES]
    others = [plan.name for plan in shown if plan.type not in SCALAR_TYPES]
    ordered = [name for name in [*scalars, *others] if name not in TIMESTAMPS]
    columns = ordered[:MAX_COLUMNS]
    return tuple(columns) if columns else tuple(plan.name for plan in fields[:1])


def _filters(fields: tuple[FieldPlan, ...], id_field: str) -> tuple[str, ...]:
    """Every enum and boolean, plus the first few short scalars worth searching by exact value."""
    choice = [plan.name for plan in fields if plan.type in ("enum", "boolean")]
    short = [plan.name for plan in fields
             if plan.type in ("string", "email", "integer", "number", "date")
             and plan.name != id_field and plan.name not in TIMESTAMPS and not plan.write_only]
    return tuple(choice) + tuple(short[:MAX_TEXT_FILTERS])
