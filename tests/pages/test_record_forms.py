"""Form input ↔ typed JSON for mock records (no database)."""
from __future__ import annotations

import pytest

from mockapi.pages.record_forms import build_form_fields, errors_by_pointer, form_spec_fields, parse_record_form

FIELDS = [
    {"name": "id", "label": "ID", "type": "uuid", "required": False, "readOnly": True},
    {"name": "name", "label": "Name", "type": "string", "required": True, "readOnly": False},
    {"name": "age", "label": "Age", "type": "integer", "required": False, "readOnly": False},
    {"name": "score", "label": "Score", "type": "number", "required": False, "readOnly": False},
    {"name": "active", "label": "Active", "type": "boolean", "required": False, "readOnly": False, "default": True},
    {"name": "role", "label": "Role", "type": "enum", "required": False, "readOnly": False,
     "options": ["admin", "viewer"], "default": "viewer"},
    {"name": "level", "label": "Level", "type": "enum", "required": False, "readOnly": False, "options": [1, 2]},
    {"name": "born", "label": "Born", "type": "date", "required": False, "readOnly": False},
    {"name": "seenAt", "label": "Seen at", "type": "datetime", "required": False, "readOnly": False},
    {"name": "password", "label": "Password", "type": "string", "required": False, "readOnly": False,
     "writeOnly": True},
    {"name": "address", "label": "Address", "type": "object", "required": False, "readOnly": False, "fields": [
        {"name": "city", "label": "City", "type": "string", "required": False, "readOnly": False},
        {"name": "zip", "label": "Zip", "type": "integer", "required": False, "readOnly": False},
    ]},
    {"name": "tags", "label": "Tags", "type": "array", "required": False, "readOnly": False,
     "items": {"name": "items", "type": "string"}},
    {"name": "ranks", "label": "Ranks", "type": "array", "required": False, "readOnly": False,
     "items": {"name": "items", "type": "integer"}},
    {"name": "links", "label": "Links", "type": "array", "required": False, "readOnly": False,
     "items": {"name": "items", "type": "object", "fields": []}},
]


def test_parse_converts_every_type_to_typed_json():
    data = {
        "id": "ignored", "name": " Ada ", "age": "36", "score": "9.5", "active": "on", "role": "admin",
        "level": "2", "born": "1990-12-10", "seenAt": "2026-03-14T09:26", "password": "s3cret",
        "address.city": "Oslo", "address.zip": "150", "tags": "math\n\n poetry \n", "ranks": "1\n2",
        "links": '[{"href": "https://example.org"}]',
    }
    parsed = parse_record_form(FIELDS, data)
    assert parsed.errors == []
    assert parsed.body == {
        "name": "Ada", "age": 36, "score": 9.5, "active": True, "role": "admin", "level": 2,
        "born": "1990-12-10", "seenAt": "2026-03-14T09:26:00Z", "password": "s3cret",
        "address": {"city": "Oslo", "zip": 150}, "tags": ["math", "poetry"], "ranks": [1, 2],
        "links": [{"href": "https://example.org"}],
    }


def test_parse_leaves_out_empty_optional_fields_and_read_only_ones():
    parsed = parse_record_form(FIELDS, {"id": "x", "name": "Ada", "age": "", "address.city": "", "tags": " \n"})
    assert parsed.body == {"name": "Ada", "active": False}


def test_parse_with_clear_empty_sends_null_except_for_write_only_fields():
    parsed = parse_record_form(FIELDS, {"name": "Ada"}, clear_empty=True)
    assert parsed.body["age"] is None
    assert parsed.body["address"] is None
    assert parsed.body["tags"] is None
    assert "password" not in parsed.body


def test_parse_leaves_out_an_empty_required_field_so_the_validator_reports_it():
    assert "name" not in parse_record_form(FIELDS, {"name": "  "}, clear_empty=True).body


def test_parse_reports_unreadable_values_at_their_pointers():
    parsed = parse_record_form(FIELDS, {"name": "Ada", "age": "old", "score": "high", "address.zip": "x",
                                        "ranks": "1\ntwo", "links": "[oops"})
    pointers = [error["jsonPointer"] for error in parsed.errors]
    assert pointers == ["/age", "/score", "/address/zip", "/ranks/1", "/links"]
    assert parsed.errors[0]["message"] == "Enter a whole number."


def test_number_keeps_whole_numbers_as_integers():
    assert parse_record_form(FIELDS, {"score": "12"}).body["score"] == 12
    assert parse_record_form(FIELDS, {"score": "-1.25"}).body["score"] == -1.25


def test_build_fills_values_from_the_record():
    record = {"id": "r1", "name": "Ada", "age": 36, "active": True, "role": "admin", "level": 2,
              "seenAt": "2026-03-14T09:26:53.123Z", "password": "hidden", "address": {"city": "Oslo"},
              "tags": ["a", "b"], "links": [{"href": "x"}]}
    fields, unclaimed = build_form_fields(FIELDS, record=record)
    by_name = {field.name: field for field in fields}
    assert unclaimed == []
    assert by_name["id"].read_only and by_name["id"].value == "r1"
    assert by_name["age"].value == "36" and by_name["age"].input_type == "number"
    assert by_name["active"].widget == "checkbox" and by_name["active"].checked
    assert by_name["role"].widget == "select" and by_name["role"].options == ["admin", "viewer"]
    assert by_name["level"].value == "2"
    assert by_name["seenAt"].input_type == "datetime-local" and by_name["seenAt"].value == "2026-03-14T09:26:53"
    assert by_name["password"].value == ""
    assert by_name["address"].widget == "fieldset"
    assert [(child.input_name, child.value) for child in by_name["address"].children] == [
        ("address.city", "Oslo"), ("address.zip", "")]
    assert by_name["tags"].widget == "lines" and by_name["tags"].value == "a\nb"
    assert by_name["links"].widget == "json" and '"href": "x"' in by_name["links"].value


def test_build_uses_defaults_only_when_creating():
    created, _ = build_form_fields(FIELDS, creating=True)
    edited, _ = build_form_fields(FIELDS, record={"name": "Ada"})
    assert {f.name: f for f in created}["role"].value == "viewer"
    assert {f.name: f for f in created}["active"].checked
    assert {f.name: f for f in edited}["role"].value == ""


def test_build_redisplays_submitted_data():
    fields, _ = build_form_fields(FIELDS, record={"name": "stored"}, data={"name": "typed", "address.city": "Bergen"})
    by_name = {field.name: field for field in fields}
    assert by_name["name"].value == "typed"
    assert by_name["active"].checked is False
    assert by_name["address"].children[0].value == "Bergen"


def test_build_puts_each_error_on_the_deepest_matching_field():
    errors = errors_by_pointer([
        {"message": "'name' is a required property", "jsonPointer": "/name"},
        {"message": "too long", "jsonPointer": "/address/city"},
        {"message": "bad item", "jsonPointer": "/tags/1"},
        {"message": "whole record", "jsonPointer": ""},
        {"message": "unknown", "jsonPointer": "/nothing"},
    ])
    fields, unclaimed = build_form_fields(FIELDS, errors=errors)
    by_name = {field.name: field for field in fields}
    assert by_name["name"].errors == ["'name' is a required property"]
    assert by_name["address"].errors == [] and by_name["address"].has_errors
    assert by_name["address"].children[0].errors == ["too long"]
    assert by_name["tags"].errors == ["bad item"]
    assert sorted(unclaimed) == ["unknown", "whole record"]


@pytest.mark.parametrize(("form", "expected"), [
    ({"fields": ["b", "a"]}, ["b", "a"]),
    ({}, ["a", "b"]),
])
def test_form_spec_fields_follow_the_form_order(form, expected):
    spec = {"fields": [{"name": "a"}, {"name": "b"}], "form": form}
    assert [field["name"] for field in form_spec_fields(spec)] == expected
