"""Pass 2: the OpenAPI version, openapi-spec-validator's structure checks, and the supported subset."""
from __future__ import annotations

import copy

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from compiler.errors import CompileFailed
from compiler.validate_structure import check_version, validate_structure
from compiler.validate_subset import validate_subset

from tests.compiler.helpers import ID_PARAM, compile_dict, crud_paths, document, json_body, ok_response, pairs


@pytest.mark.parametrize(("version", "validator"), [("3.0.0", OpenAPIV30SpecValidator),
                                                    ("3.0.3", OpenAPIV30SpecValidator),
                                                    ("3.1.0", OpenAPIV31SpecValidator),
                                                    ("3.1.1", OpenAPIV31SpecValidator)])
def test_check_version_picks_the_validator_for_3_0_and_3_1(version, validator):
    assert issubclass(check_version({"openapi": version}), validator)


@pytest.mark.parametrize(("doc", "where"), [({"openapi": "3.2.0"}, "/openapi"), ({"openapi": "2.0"}, "/openapi"),
                                           ({"openapi": 3.1}, "/openapi"), ({"openapi": "3.0"}, "/openapi"),
                                           ({"openapi": "3.0.3-rc1"}, "/openapi"),
                                           ({"swagger": "2.0"}, "/swagger"), ({}, "")])
def test_check_version_refuses_anything_else(doc, where):
    with pytest.raises(CompileFailed) as caught:
        check_version(doc)
    assert [(e.code, e.json_pointer) for e in caught.value.errors] == [("OAS_UNSUPPORTED_VERSION", where)]


def test_structure_errors_are_empty_for_a_valid_document():
    doc = document(crud_paths("/things"))
    assert validate_structure(doc, check_version(doc)) == []


def test_structure_errors_point_into_the_document():
    doc = document(crud_paths("/things"))
    del doc["info"]["title"]
    doc["paths"]["/things"]["get"]["responses"]["200"].pop("description")
    errors = validate_structure(doc, check_version(doc))
    assert {(e.code, e.json_pointer) for e in errors} >= {("OAS_INVALID_DOCUMENT", "/info")}
    assert all(e.code == "OAS_INVALID_DOCUMENT" for e in errors)
    assert any(e.json_pointer.startswith("/paths/~1things/get") for e in errors)


def test_structure_error_in_a_component_schema_is_located_in_that_schema():
    doc = document(crud_paths("/things"), schemas={"Bad": {"type": "object", "properties": {"a": {"type": 5}}}})
    pointers = {e.json_pointer for e in validate_structure(doc, check_version(doc))}
    assert "/components/schemas/Bad/properties/a/type" in pointers


def test_valid_crud_document_has_no_subset_errors():
    assert validate_subset(document(crud_paths("/things"))) == []


def test_put_and_patch_may_both_update_one_resource():
    paths = crud_paths("/things")
    paths["/things/{id}"]["put"] = copy.deepcopy(paths["/things/{id}"]["patch"])
    assert validate_subset(document(paths)) == []
    assert compile_dict(document(paths)).ok


def test_two_puts_on_one_resource_are_duplicates():
    paths = crud_paths("/things", update_method="put")
    paths["/api/things/{id}"] = {"put": copy.deepcopy(paths["/things/{id}"]["put"])}
    assert [(e.code, e.json_pointer) for e in validate_subset(document(paths))] == [
        ("OAS_DUPLICATE_OPERATION", "/paths/~1things~1{id}/put")]


def test_json_suffix_media_types_count_as_json():
    paths = crud_paths("/things")
    body = paths["/things"]["post"]["requestBody"]
    body["content"] = {"application/merge-patch+json; charset=utf-8": body["content"]["application/json"]}
    assert validate_subset(document(paths)) == []


def test_delete_with_204_and_no_body_is_fine_but_two_2xx_are_not():
    paths = crud_paths("/things")
    assert validate_subset(document(paths)) == []
    paths["/things/{id}"]["delete"]["responses"]["200"] = {"description": "also"}
    assert [(e.code, e.json_pointer) for e in validate_subset(document(paths))] == [
        ("OAS_MULTIPLE_SUCCESS_RESPONSES", "/paths/~1things~1{id}/delete/responses")]


def test_a_2xx_range_code_counts_as_a_success_response():
    paths = crud_paths("/things", kinds=("list",))
    paths["/things"]["get"]["responses"]["2XX"] = ok_response({"type": "object"})
    assert [(e.code, e.json_pointer) for e in validate_subset(document(paths))] == [
        ("OAS_MULTIPLE_SUCCESS_RESPONSES", "/paths/~1things/get/responses")]


def test_get_answering_only_204_has_no_success_response():
    paths = {"/things": {"get": {"responses": {"204": {"description": "nothing"}}}}}
    assert [(e.code, e.json_pointer) for e in validate_subset(document(paths))] == [
        ("OAS_MISSING_SUCCESS_RESPONSE", "/paths/~1things/get/responses")]


@pytest.mark.parametrize("keyword", ["oneOf", "anyOf", "allOf", "not"])
def test_each_composition_keyword_is_refused_where_it_is_written(keyword):
    value = {"type": "string"} if keyword == "not" else [{"type": "string"}]
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/T"}),
                   schemas={"T": {"type": "object", "properties": {"x": {"type": "array", "items": {keyword: value}}}}})
    assert [(e.code, e.json_pointer) for e in validate_subset(doc)] == [
        ("OAS_UNSUPPORTED_SCHEMA_KEYWORD", f"/components/schemas/T/properties/x/items/{keyword}")]


def test_composition_keyword_in_a_parameter_schema_is_found():
    paths = crud_paths("/things", kinds=("detail",))
    paths["/things/{id}"]["get"]["parameters"] = [{**ID_PARAM, "schema": {"anyOf": [{"type": "integer"}]}}]
    assert ("OAS_UNSUPPORTED_SCHEMA_KEYWORD", "/paths/~1things~1{id}/get/parameters/0/schema/anyOf") in \
        [(e.code, e.json_pointer) for e in validate_subset(document(paths))]


@pytest.mark.parametrize(("method", "path"), [("head", "/things"), ("options", "/things"), ("trace", "/things/{id}"),
                                              ("post", "/things/{id}"), ("patch", "/things"), ("delete", "/things")])
def test_non_crud_method_and_path_shapes_are_unsupported_operations(method, path):
    paths = crud_paths("/things")
    paths.setdefault(path, {})[method] = {"requestBody": json_body({"type": "object"}),
                                          "responses": {"200": ok_response({"type": "object"})}}
    if "{id}" in path:
        paths[path][method]["parameters"] = [ID_PARAM]
    errors = [(e.code, e.json_pointer) for e in validate_subset(document(paths))]
    assert ("OAS_UNSUPPORTED_OPERATION", f"/paths/{path.replace('/', '~1')}/{method}") in errors


def test_multiple_tags_is_reported_per_operation():
    paths = crud_paths("/things", tag="things")
    paths["/things"]["get"]["tags"] = ["things", "extra"]
    paths["/things/{id}"]["delete"]["tags"] = ["a", "b", "c"]
    assert [(e.code, e.json_pointer) for e in sorted(validate_subset(document(paths)))] == [
        ("OAS_MULTIPLE_TAGS", "/paths/~1things/get/tags"), ("OAS_MULTIPLE_TAGS", "/paths/~1things~1{id}/delete/tags")]


def test_no_operations_when_only_unsupported_operations_exist():
    paths = {"/things": {"head": {"responses": {"200": {"description": "ok"}}}}}
    result = compile_dict(document(paths))
    assert pairs(result) == [("OAS_NO_OPERATIONS", "/paths"), ("OAS_UNSUPPORTED_OPERATION", "/paths/~1things/head")]


def test_structure_and_subset_errors_are_reported_in_one_batch():
    doc = document(crud_paths("/things"))
    del doc["info"]["version"]
    del doc["paths"]["/things"]["post"]["requestBody"]
    assert pairs(compile_dict(doc)) == [("OAS_INVALID_DOCUMENT", "/info"),
                                        ("OAS_MISSING_REQUEST_BODY", "/paths/~1things/post")]


def test_ref_errors_stop_compilation_before_structure_validation():
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Nope"}))
    del doc["info"]["version"]
    assert {code for code, _ in pairs(compile_dict(doc))} == {"OAS_UNRESOLVED_REF"}
