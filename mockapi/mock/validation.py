"""Validate mock records against OpenAPI Schema Objects with ``jsonschema``.

OpenAPI 3.0 schemas are not JSON Schema: ``nullable`` replaces a ``"null"``
type, ``exclusiveMinimum`` is a boolean, and ``example``/``discriminator``/
``xml``/``externalDocs`` are OpenAPI keywords. ``_to_json_schema`` translates
both 3.0 and 3.1 Schema Objects to JSON Schema 2020-12 before validation.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

_OPENAPI_ONLY_KEYWORDS = frozenset({
    "nullable", "example", "discriminator", "xml", "externalDocs", "readOnly", "writeOnly",
    "deprecated",
})
_SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "definitions")
_SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_KEYWORDS = ("items", "additionalProperties", "not", "contains", "propertyNames",
                    "if", "then", "else", "unevaluatedProperties", "unevaluatedItems")


@dataclass(frozen=True)
class RecordError:
    """One problem with a record, located by an RFC 6901 pointer into it."""

    message: str
    json_pointer: str

    def to_json(self) -> dict[str, str]:
        return {"message": self.message, "jsonPointer": self.json_pointer}


def json_pointer(segments: Iterable[str | int]) -> str:
    """The RFC 6901 pointer for a path: ``("a/b", 0)`` → ``"/a~1b/0"``."""
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in segments)


def validate_record(schema: dict | None, record: Any) -> list[RecordError]:
    """Every way ``record`` breaks ``schema``, sorted by pointer then message.

    ``schema is None`` means there is nothing to check. A record that is not a
    JSON object is one error at pointer ``""``. Read-only properties are
    ignored: they may be present with any value and are never required,
    because the server, not the client, owns them.
    """
    if schema is None:
        return []
    if not isinstance(record, dict):
        return [RecordError("Expected a JSON object.", "")]
    validator = _validator_for(schema)
    errors = [_record_error(error) for error in validator.iter_errors(record)]
    return sorted(set(errors), key=lambda e: (e.json_pointer, e.message))


def _record_error(error: ValidationError) -> RecordError:
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        # jsonschema reports a missing property at its parent object; point
        # at the property itself so a form can show the error on its field.
        missing = _missing_property(error)
        if missing is not None:
            return RecordError(f"{missing} is required.", json_pointer(path + [missing]))
    return RecordError(_readable_message(error), json_pointer(path))


_FORMAT_NAMES = {"date": "date (YYYY-MM-DD)", "date-time": "date and time (ISO 8601)", "email": "email address",
                 "uri": "URL", "uuid": "UUID"}
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "object": "an object", "array": "a list", "null": "null"}


def _readable_message(error: ValidationError) -> str:
    """A sentence a form can show next to the field; jsonschema's own text otherwise."""
    keyword, expected = error.validator, error.validator_value
    if keyword == "format" and expected in _FORMAT_NAMES:
        return f"Enter a valid {_FORMAT_NAMES[expected]}."
    if keyword == "type":
        names = [_TYPE_NAMES.get(name, name) for name in (expected if isinstance(expected, list) else [expected])]
        return f"Must be {' or '.join(names)}."
    if keyword == "enum":
        return "Must be one of: " + ", ".join(str(option) for option in expected) + "."
    if keyword in ("maxLength", "minLength"):
        return f"Must be at {'most' if keyword == 'maxLength' else 'least'} {expected} characters long."
    if keyword in ("maximum", "minimum"):
        return f"Must be {'at most' if keyword == 'maximum' else 'at least'} {expected}."
    if keyword == "pattern":
        return f"Must match the pattern {expected}."
    return error.message


def _missing_property(error: ValidationError) -> str | None:
    # jsonschema raises one "required" error per missing property and keeps
    # the name only in the message, formatted as "<repr(name)> is a required property".
    for name in error.validator_value:
        if name not in error.instance and error.message == f"{name!r} is a required property":
            return name
    return None


def _validator_for(schema: dict) -> Draft202012Validator:
    try:
        canonical = json.dumps(schema, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        return _build_validator(schema)
    return _cached_validator(canonical)


@functools.lru_cache(maxsize=256)
def _cached_validator(canonical_schema: str) -> Draft202012Validator:
    return _build_validator(json.loads(canonical_schema))


def _build_validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(_to_json_schema(schema), format_checker=_FORMAT_CHECKER)


def _to_json_schema(schema: Any) -> Any:
    """A JSON Schema 2020-12 translation of an OpenAPI 3.0/3.1 Schema Object."""
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for keyword, value in schema.items():
        if keyword in _OPENAPI_ONLY_KEYWORDS or keyword.startswith("x-"):
            continue
        if keyword == "properties" and isinstance(value, dict):
            result[keyword] = {
                name: True if _is_read_only(child) else _to_json_schema(child)
                for name, child in value.items()
            }
        elif keyword in _SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            result[keyword] = {name: _to_json_schema(child) for name, child in value.items()}
        elif keyword in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            result[keyword] = [_to_json_schema(child) for child in value]
        elif keyword in _SCHEMA_KEYWORDS:
            result[keyword] = _to_json_schema(value)
        else:
            result[keyword] = value

    properties = schema.get("properties")
    if isinstance(result.get("required"), list) and isinstance(properties, dict):
        result["required"] = [
            name for name in result["required"] if not _is_read_only(properties.get(name))
        ]

    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        # OpenAPI 3.0: a boolean that makes ``minimum``/``maximum`` exclusive.
        if isinstance(result.get(exclusive), bool):
            if result.pop(exclusive) and bound in result:
                result[exclusive] = result.pop(bound)

    if schema.get("nullable") is True:
        types = result.get("type")
        if isinstance(types, str):
            result["type"] = [types, "null"]
        elif isinstance(types, list) and "null" not in types:
            result["type"] = [*types, "null"]
        if isinstance(result.get("enum"), list) and None not in result["enum"]:
            result["enum"] = [*result["enum"], None]
    return result


def _is_read_only(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("readOnly") is True


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")

_FORMAT_CHECKER = FormatChecker(formats=())


@_FORMAT_CHECKER.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    datetime.date.fromisoformat(value)
    return True


@_FORMAT_CHECKER.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00").replace(" ", "T"))
    return True


@_FORMAT_CHECKER.checks("email")
def _is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.match(value))


@_FORMAT_CHECKER.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


@_FORMAT_CHECKER.checks("uuid", raises=ValueError)
def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return str(uuid.UUID(value)) == value.lower()
