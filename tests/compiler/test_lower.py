"""Pass 7: lower_uispecs turns plans into UISpecs that satisfy uispec.schema.json."""
from __future__ import annotations

import copy
import json

from jsonschema import Draft202012Validator

from compiler.ir import build_api_ir
from compiler.lower import UISPEC_SCHEMA_PATH, lower_uispecs, uispec_errors
from compiler.plan import plan_ui
from compiler.resolve import resolve_refs

from tests.compiler.helpers import crud_paths, document, field, one_resource


def lowered(doc):
    return lower_uispecs(plan_ui(build_api_ir(resolve_refs(doc))))


def test_every_lowered_spec_validates_against_the_uispec_schema():
    schema = json.loads(UISPEC_SCHEMA_PATH.read_text(encoding="utf-8"))
    for spec in lowered(document({**crud_paths("/things"), **crud_paths("/others")})).values():
        assert list(Draft202012Validator(schema).iter_errors(spec)) == []


def test_specs_are_keyed_by_slug_with_resource_title_entity_and_id_field():
    spec = lowered(document(crud_paths("/line_items")))["line-items"]
    assert (spec["resource"], spec["title"], spec["entity"], spec["idField"]) == (
        "line-items", "Line items", "Line item", "id")


def test_schema_title_becomes_the_entity():
    doc = one_resource({"id": {"type": "integer"}}, title="Widget")
    assert lowered(doc)["things"]["entity"] == "Widget"


def test_operations_map_kind_to_method_and_path_and_update_prefers_put():
    paths = crud_paths("/things")
    paths["/things/{id}"]["put"] = copy.deepcopy(paths["/things/{id}"]["patch"])
    operations = lowered(document(paths))["things"]["operations"]
    assert list(operations) == ["create", "delete", "detail", "list", "update"]
    assert operations["update"] == {"method": "PUT", "path": "/things/{id}"}
    assert operations["list"] == {"method": "GET", "path": "/things"}


def test_only_the_operations_that_exist_are_listed():
    assert list(lowered(document(crud_paths("/things", kinds=("list",))))["things"]["operations"]) == ["list"]


def test_optional_field_keys_appear_only_when_they_carry_information():
    spec = lowered(one_resource({"id": {"type": "integer"}, "plain": {"type": "string"},
                                 "rich": {"type": ["string", "null"], "format": "email", "description": " hi ",
                                          "default": "a@b.c", "maxLength": 80, "writeOnly": True}}))["things"]
    assert field(spec, "plain") == {"name": "plain", "label": "Plain", "type": "string", "required": False,
                                    "readOnly": False}
    assert field(spec, "rich") == {"name": "rich", "label": "Rich", "type": "email", "required": False,
                                   "readOnly": False, "writeOnly": True, "nullable": True, "format": "email",
                                   "description": "hi", "default": "a@b.c", "maxLength": 80}


def test_columns_and_filters_carry_the_field_label_and_type():
    spec = lowered(one_resource({"id": {"type": "integer"}, "isActive": {"type": "boolean"}}))["things"]
    assert {"field": "isActive", "label": "Is active", "type": "boolean"} in spec["table"]["columns"]
    assert spec["filters"] == [{"field": "isActive", "label": "Is active", "type": "boolean"}]


def test_uispec_errors_locate_each_problem_under_the_slug():
    spec = lowered(document(crud_paths("/things")))["things"]
    broken = copy.deepcopy(spec)
    broken["operations"]["archive"] = {"method": "GET", "path": "/x"}
    broken["filters"].append({"field": "x"})
    broken["fields"] = []
    pointers = sorted(e.json_pointer for e in uispec_errors(broken, "things"))
    assert pointers == ["/things/fields", "/things/filters/1", "/things/filters/1", "/things/operations"]
    assert {e.code for e in uispec_errors(broken, "things")} == {"UISPEC_INVALID"}
