"""Pass 6: plan_ui's deterministic rules: labels, types, order, read-only, columns, filters."""
from __future__ import annotations

import pytest

from compiler.errors import CompileFailed
from compiler.ir import build_api_ir
from compiler.labels import humanize, singular
from compiler.plan import MAX_COLUMNS, plan_ui
from compiler.resolve import resolve_refs

from tests.compiler.helpers import compile_dict, document, ok_response, one_resource, field


def spec_of(properties, **kwargs):
    result = compile_dict(one_resource(properties, **kwargs))
    assert result.ok, result.errors_json()
    return result.specs["things"]


@pytest.mark.parametrize(("name", "label"), [
    ("firstName", "First name"), ("userId", "User ID"), ("id", "ID"), ("created_at", "Created at"),
    ("homepageURL", "Homepage URL"), ("avatarUrl", "Avatar URL"), ("ISBNNumber", "ISBN number"),
    ("skuCode", "SKU code"), ("address2", "Address 2"), ("uuid", "UUID"), ("ipAddress", "IP address"),
    ("zip-code", "Zip code"), ("vatRate", "VAT rate"), ("", ""),
])
def test_humanize_makes_sentence_case_labels_keeping_acronyms(name, label):
    assert humanize(name) == label


@pytest.mark.parametrize(("plural", "one"), [("users", "user"), ("Categories", "Category"), ("boxes", "box"),
                                             ("statuses", "status"), ("addresses", "address"), 
                                             ("analysis", "analysis"), ("Zoo Keepers", "Zoo Keeper")])
def test_singular_for_entity_headings(plural, one):
    assert singular(plural) == one


def test_property_title_overrides_the_label_when_short():
    spec = spec_of({"id": {"type": "integer"}, "avatarUrl": {"type": "string", "title": "Picture"},
                    "x": {"type": "string", "title": "T" * 41}})
    assert field(spec, "avatarUrl")["label"] == "Picture"
    assert field(spec, "x")["label"] == "X"


@pytest.mark.parametrize(("schema", "ui_type"), [
    ({"type": "string", "format": "date"}, "date"),
    ({"type": "string", "format": "date-time"}, "datetime"),
    ({"type": "string", "format": "email"}, "email"),
    ({"type": "string", "format": "uri"}, "url"),
    ({"type": "string", "format": "uuid"}, "uuid"),
    ({"type": "integer", "format": "int64"}, "integer"),
    ({"type": "number", "format": "double"}, "number"),
    ({"type": "boolean"}, "boolean"),
    ({"type": "string", "maxLength": 256}, "text"),
    ({"type": "string", "maxLength": 255}, "string"),
    ({"type": "string", "format": "markdown"}, "text"),
    ({"type": "string", "enum": ["a", "b"]}, "enum"),
    ({"type": "integer", "enum": [1, 2]}, "enum"),
    ({"type": ["string", "null"], "format": "email"}, "email"),
    ({"type": "object", "properties": {"a": {"type": "string"}}}, "object"),
    ({"type": "array", "items": {"type": "string"}}, "array"),
    ({"properties": {"a": {"type": "string"}}}, "object"),
    ({"type": "string"}, "string"),
])
def test_field_types_follow_type_and_format(schema, ui_type):
    assert field(spec_of({"id": {"type": "integer"}, "value": schema}), "value")["type"] == ui_type


@pytest.mark.parametrize("name", ["description", "bio", "notes", "body", "summary"])
def test_long_text_names_become_text(name):
    assert field(spec_of({"id": {"type": "integer"}, name: {"type": "string"}}), name)["type"] == "text"


def test_nullable_from_3_1_type_list_and_enum_null_is_not_an_option():
    spec = spec_of({"id": {"type": "integer"}, "tier": {"type": ["string", "null"], "enum": ["gold", None]}})
    assert field(spec, "tier")["nullable"] is True
    assert field(spec, "tier")["options"] == ["gold"]


def test_read_only_from_flag_id_and_timestamps():
    spec = spec_of({"id": {"type": "integer"}, "createdAt": {"type": "string"}, "updated_at": {"type": "string"},
                    "code": {"type": "string", "readOnly": True}, "name": {"type": "string"}})
    assert {f["name"]: f["readOnly"] for f in spec["fields"]} == {
        "id": True, "name": False, "code": True, "createdAt": True, "updated_at": True}


def test_field_order_is_id_names_required_optional_scalars_composites_then_timestamps():
    spec = spec_of({
        "updatedAt": {"type": "string"}, "zeta": {"type": "string"}, "tags": {"type": "array", "items": {}},
        "alpha": {"type": "integer"}, "createdAt": {"type": "string"}, "meta": {"type": "object", "properties": {}},
        "mustB": {"type": "string"}, "mustA": {"type": "string"}, "title": {"type": "string"},
        "name": {"type": "string"}, "id": {"type": "integer"}, "box": {"type": "object", "properties": {"a": {}}},
    }, required=["mustB", "mustA", "box"])
    assert [f["name"] for f in spec["fields"]] == [
        "id", "name", "title", "mustB", "mustA", "box", "alpha", "zeta", "meta", "tags", "createdAt", "updatedAt"]
    assert spec["form"]["fields"] == [f["name"] for f in spec["fields"]]


def test_nested_objects_and_arrays_of_objects_keep_their_fields():
    spec = spec_of({"id": {"type": "integer"},
                    "address": {"type": "object", "required": ["city"],
                                "properties": {"street": {"type": "string"}, "city": {"type": "string"}}},
                    "lines": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer"}}}},
                    "tags": {"type": "array", "items": {"type": "string"}}})
    address = field(spec, "address")
    assert [(f["name"], f["required"]) for f in address["fields"]] == [("city", True), ("street", False)]
    assert field(spec, "lines")["items"]["type"] == "object"
    assert field(spec, "lines")["items"]["fields"][0]["name"] == "qty"
    assert field(spec, "tags")["items"]["type"] == "string"


def test_columns_are_capped_and_skip_text_and_write_only_and_timestamps():
    properties = {"id": {"type": "integer"}, "bio": {"type": "string"}, "secret": {"type": "string", "writeOnly": True},
                  "createdAt": {"type": "string"}}
    properties.update({f"c{index}": {"type": "string"} for index in range(10)})
    columns = [c["field"] for c in spec_of(properties)["table"]["columns"]]
    assert len(columns) == MAX_COLUMNS
    assert columns[0] == "id"
    assert not {"bio", "secret", "createdAt"} & set(columns)


def test_filters_are_enums_and_booleans_then_three_short_scalars():
    spec = spec_of({"id": {"type": "integer"}, "a": {"type": "string"}, "b": {"type": "integer"},
                    "c": {"type": "string", "format": "email"}, "d": {"type": "string"}, "done": {"type": "boolean"},
                    "state": {"type": "string", "enum": ["x", "y"]}, "when": {"type": "string", "format": "date-time"}})
    assert [(f["field"], f["type"], f.get("options")) for f in spec["filters"]] == [
        ("done", "boolean", None), ("state", "enum", ["x", "y"]),
        ("a", "string", None), ("b", "integer", None), ("c", "email", None)]


def test_records_that_are_not_objects_are_uiplan_invalid():
    paths = {"/names": {"get": {"responses": {"200": ok_response({"type": "array", "items": {"type": "string"}})}}}}
    with pytest.raises(CompileFailed) as caught:
        plan_ui(build_api_ir(resolve_refs(document(paths))))
    assert [(e.code, e.json_pointer) for e in caught.value.errors] == [("UIPLAN_INVALID", "/paths/~1names")]
