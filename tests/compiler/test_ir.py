"""Pass 5: build_api_ir groups operations into resources with their record schema."""
from __future__ import annotations

import pytest

from compiler.errors import CompileFailed
from compiler.ir import build_api_ir
from compiler.resolve import resolve_refs

from tests.compiler.helpers import ITEM, crud_paths, document, ok_response


def ir(doc):
    return build_api_ir(resolve_refs(doc))


def test_api_info_and_one_resource_with_operations_in_kind_order():
    result = ir(document(crud_paths("/things")))
    assert result["api"] == {"title": "Test API", "version": "1.0"}
    (resource,) = result["resources"]
    assert (resource["name"], resource["key"], resource["idField"]) == ("Things", "things", "id")
    assert [(op["kind"], op["method"], op["path"]) for op in resource["operations"]] == [
        ("list", "GET", "/things"), ("detail", "GET", "/things/{id}"), ("create", "POST", "/things"),
        ("update", "PATCH", "/things/{id}"), ("delete", "DELETE", "/things/{id}")]


def test_operation_ids_come_from_operation_id_or_method_and_path():
    paths = crud_paths("/things")
    paths["/things"]["get"]["operationId"] = "listThings"
    ops = {op["kind"]: op for op in ir(document(paths))["resources"][0]["operations"]}
    assert ops["list"]["id"] == "listThings"
    assert ops["detail"]["id"] == "get-things-id"


def test_identifier_param_and_schemas_are_recorded_per_operation():
    ops = {op["kind"]: op for op in ir(document(crud_paths("/things")))["resources"][0]["operations"]}
    assert ops["detail"]["identifierParam"] == "id" and "identifierParam" not in ops["list"]
    assert ops["create"]["requestSchema"] == ITEM and ops["create"]["responseSchema"] == ITEM
    assert "requestSchema" not in ops["list"] and ops["list"]["responseSchema"]["items"] == ITEM
    assert "responseSchema" not in ops["delete"]


def test_item_schema_prefers_the_detail_response():
    paths = crud_paths("/things")
    detail = {"type": "object", "properties": {"id": {"type": "integer"}, "extra": {"type": "string"}}}
    paths["/things/{id}"]["get"]["responses"]["200"] = ok_response(detail)
    assert ir(document(paths))["resources"][0]["itemSchema"] == detail


def test_item_schema_from_a_list_envelope_with_one_array_property():
    paths = {"/things": {"get": {"responses": {"200": ok_response(
        {"type": "object", "properties": {"items": {"type": "array", "items": ITEM}, "total": {"type": "integer"}}})}}}}
    assert ir(document(paths))["resources"][0]["itemSchema"] == ITEM


def test_id_field_follows_the_path_parameter_name():
    item = {"type": "object", "properties": {"sku": {"type": "string"}, "name": {"type": "string"}}}
    paths = {"/products/{sku}": {"get": {"parameters": [{"name": "sku", "in": "path", "required": True,
                                                         "schema": {"type": "string"}}],
                                         "responses": {"200": ok_response(item)}}}}
    assert ir(document(paths))["resources"][0]["idField"] == "sku"


def test_id_field_matches_a_snake_case_parameter_to_a_camel_case_property():
    item = {"type": "object", "properties": {"userId": {"type": "integer"}, "name": {"type": "string"}}}
    paths = {"/users/{user_id}": {"get": {"parameters": [{"name": "user_id", "in": "path", "required": True,
                                                          "schema": {"type": "integer"}}],
                                          "responses": {"200": ok_response(item)}}}}
    assert ir(document(paths))["resources"][0]["idField"] == "userId"


def test_id_field_falls_back_to_id_like_names():
    item = {"type": "object", "properties": {"slug": {"type": "string"}, "name": {"type": "string"}}}
    paths = {"/pages": {"get": {"responses": {"200": ok_response({"type": "array", "items": item})}}}}
    assert ir(document(paths))["resources"][0]["idField"] == "slug"


def test_resources_by_path_are_sorted_by_slug():
    paths = {**crud_paths("/zebras"), **crud_paths("/api/v3/apples"), **crud_paths("/v1/mangos")}
    assert [r["key"] for r in ir(document(paths))["resources"]] == ["apples", "mangos", "zebras"]


def test_resources_by_tag_follow_the_top_level_tags_list():
    paths = {**crud_paths("/a", tag="Zeta"), **crud_paths("/b", tag="Alpha"), **crud_paths("/c", tag="Mu")}
    doc = document(paths, tags=[{"name": "Mu"}, {"name": "Zeta"}, {"name": "Alpha"}])
    assert [r["name"] for r in ir(doc)["resources"]] == ["Mu", "Zeta", "Alpha"]


def test_tags_missing_from_the_top_level_list_come_after_listed_ones_by_slug():
    paths = {**crud_paths("/a", tag="zeta"), **crud_paths("/b", tag="beta"), **crud_paths("/c", tag="mu")}
    doc = document(paths, tags=[{"name": "mu"}])
    assert [r["name"] for r in ir(doc)["resources"]] == ["mu", "beta", "zeta"]


def test_one_untagged_operation_switches_the_whole_document_to_path_grouping():
    paths = {**crud_paths("/a", tag="Alpha"), **crud_paths("/b", tag="Beta")}
    del paths["/b"]["get"]["tags"]
    assert [r["key"] for r in ir(document(paths))["resources"]] == ["a", "b"]


def test_resource_without_list_or_detail_is_ir_invalid():
    with pytest.raises(CompileFailed) as caught:
        ir(document(crud_paths("/things", kinds=("create", "delete"))))
    assert [(e.code, e.json_pointer) for e in caught.value.errors] == [("IR_INVALID", "/paths/~1things")]
