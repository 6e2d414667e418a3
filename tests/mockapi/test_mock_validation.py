"""Record validation against OpenAPI 3.0 and 3.1 Schema Objects."""
from __future__ import annotations

import pytest

from mockapi.mock import RecordError, json_pointer, validate_record

USER_30 = {
    "type": "object",
    "required": ["id", "name", "email"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "name": {"type": "string", "maxLength": 10, "example": "Ada"},
        "email": {"type": "string", "format": "email"},
        "age": {"type": "integer", "minimum": 0, "exclusiveMinimum": True},
        "role": {"type": "string", "enum": ["admin", "member"], "nullable": True},
        "nickname": {"type": "string", "nullable": True},
        "website": {"type": "string", "format": "uri"},
        "birthday": {"type": "string", "format": "date"},
        "lastSeen": {"type": "string", "format": "date-time"},
        "token": {"type": "string", "format": "uuid"},
        "address": {
            "type": "object",
            "required": ["city"],
            "properties": {"city": {"type": "string"}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"}},
            "xml": {"name": "addr"},
        },
    },
    "discriminator": {"propertyName": "role"},
    "externalDocs": {"url": "https://example.com"},
}

VALID = {"name": "Ada", "email": "ada@example.com"}


def pointers(errors: list[RecordError]) -> list[str]:
    return [error.json_pointer for error in errors]


def test_no_schema_means_no_errors():
    assert validate_record(None, {"anything": 1}) == []


def test_valid_record_has_no_errors():
    assert validate_record(USER_30, VALID) == []


@pytest.mark.parametrize("body", [[], "text", 3, None])
def test_body_that_is_not_an_object_is_one_error_at_the_root(body):
    assert pointers(validate_record(USER_30, body)) == [""]


def test_wrong_types_are_reported_at_their_fields():
    errors = validate_record(USER_30, {**VALID, "age": "old", "address": "Paris"})
    assert pointers(errors) == ["/address", "/age"]


def test_missing_required_fields_point_at_each_field_including_nested():
    errors = validate_record(USER_30, {"address": {}})
    assert pointers(errors) == ["/address/city", "/email", "/name"]


def test_every_error_is_reported_sorted_by_pointer():
    errors = validate_record(USER_30, {
        "name": "far too long a name", "email": "nope", "age": 0, "role": "boss",
        "address": {"city": "Paris", "zip": "12"},
    })
    assert pointers(errors) == ["/address/zip", "/age", "/email", "/name", "/role"]


def test_openapi_30_exclusive_minimum_boolean_is_translated():
    assert pointers(validate_record(USER_30, {**VALID, "age": 0})) == ["/age"]
    assert validate_record(USER_30, {**VALID, "age": 1}) == []


@pytest.mark.parametrize("field,good,bad", [
    ("email", "ada@example.com", "ada.example.com"),
    ("birthday", "1990-02-28", "1990-02-30"),
    ("lastSeen", "2024-05-01T10:00:00Z", "2024-05-01 10:00"),
    ("lastSeen", "2024-05-01T10:00:00.123+02:00", "yesterday"),
    ("token", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "not-a-uuid"),
    ("website", "https://example.com/a?b=c", "example dot com"),
])
def test_formats_are_checked(field, good, bad):
    assert validate_record(USER_30, {**VALID, field: good}) == []
    assert pointers(validate_record(USER_30, {**VALID, field: bad})) == [f"/{field}"]


def test_openapi_30_nullable_allows_null_including_for_enums():
    assert validate_record(USER_30, {**VALID, "role": None, "nickname": None}) == []
    assert pointers(validate_record(USER_30, {**VALID, "name": None})) == ["/name"]


def test_openapi_31_type_lists_allow_null():
    schema = {
        "type": "object",
        "properties": {
            "note": {"type": ["string", "null"]},
            "count": {"type": "integer", "examples": [1, 2]},
        },
    }
    assert validate_record(schema, {"note": None, "count": 2}) == []
    assert pointers(validate_record(schema, {"note": 5, "count": None})) == ["/count", "/note"]


def test_read_only_fields_are_ignored_on_write():
    assert validate_record(USER_30, {**VALID, "id": "not an integer"}) == []
    closed = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id"],
        "properties": {"id": {"type": "string", "readOnly": True}, "name": {"type": "string"}},
    }
    assert validate_record(closed, {"name": "x"}) == []
    assert validate_record(closed, {"id": "abc", "name": "x"}) == []
    assert pointers(validate_record(closed, {"name": "x", "extra": 1})) == [""]


def test_property_named_like_an_openapi_keyword_is_still_validated():
    schema = {"type": "object", "properties": {"example": {"type": "integer"}}}
    assert pointers(validate_record(schema, {"example": "x"})) == ["/example"]


def test_pointers_escape_tilde_and_slash():
    schema = {
        "type": "object",
        "properties": {
            "a/b": {"type": "integer"},
            "c~d": {"type": "object", "required": ["e/f"], "properties": {}},
            "items": {"type": "array", "items": {"type": "integer"}},
        },
    }
    errors = validate_record(schema, {"a/b": "x", "c~d": {}, "items": [1, "two"]})
    assert pointers(errors) == ["/a~1b", "/c~0d/e~1f", "/items/1"]


def test_json_pointer_helper_escapes_tilde_before_slash():
    assert json_pointer([]) == ""
    assert json_pointer(["~1", "a/b", 0]) == "/~01/a~1b/0"


def test_record_error_serializes_with_camel_case_pointer():
    error = RecordError("bad", "/name")
    assert error.to_json() == {"message": "bad", "jsonPointer": "/name"}


def test_messages_are_sentences_a_form_can_show():
    schema = {"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string", "maxLength": 3}, "email": {"type": "string", "format": "email"},
        "age": {"type": "integer", "minimum": 0}, "role": {"type": "string", "enum": ["a", "b"]}}}

    errors = validate_record(schema, {"email": "nope", "age": -1, "role": "c"})
    too_long = validate_record(schema, {"name": "long", "age": "x"})

    assert {(e.json_pointer, e.message) for e in errors} == {
        ("/name", "name is required."), ("/email", "Enter a valid email address."),
        ("/age", "Must be at least 0."), ("/role", "Must be one of: a, b."),
    }
    assert {(e.json_pointer, e.message) for e in too_long} == {
        ("/name", "Must be at most 3 characters long."), ("/age", "Must be a whole number."),
    }
