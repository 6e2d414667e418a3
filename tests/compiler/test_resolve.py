"""Pass 3: check_refs refuses external, dangling and circular refs; resolve_refs inlines local ones."""
from __future__ import annotations

import pytest

from compiler.errors import CompileFailed
from compiler.resolve import check_refs, resolve_refs

from tests.compiler.helpers import compile_dict, crud_paths, document, pairs


def failures(doc):
    with pytest.raises(CompileFailed) as caught:
        check_refs(doc)
    return [(e.code, e.json_pointer) for e in caught.value.errors]


def test_local_refs_are_inlined_and_chains_followed():
    doc = {"a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": {"type": "string"}}
    check_refs(doc)
    assert resolve_refs(doc) == {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}}


def test_resolving_does_not_change_the_input():
    doc = {"a": {"$ref": "#/c"}, "c": {"type": "string"}}
    resolve_refs(doc)
    assert doc == {"a": {"$ref": "#/c"}, "c": {"type": "string"}}


def test_siblings_of_ref_override_the_target():
    doc = {"a": {"$ref": "#/c", "description": "mine"}, "c": {"type": "string", "description": "theirs"}}
    assert resolve_refs(doc)["a"] == {"type": "string", "description": "mine"}


def test_refs_with_escaped_segments_resolve():
    doc = {"paths": {"/a/{id}": {"x~y": {"v": 1}}}, "r": {"$ref": "#/paths/~1a~1{id}/x~0y"}}
    check_refs(doc)
    assert resolve_refs(doc)["r"] == {"v": 1}


def test_refs_into_lists_resolve():
    doc = {"list": [{"v": 0}, {"v": 1}], "r": {"$ref": "#/list/1"}}
    check_refs(doc)
    assert resolve_refs(doc)["r"] == {"v": 1}


def test_self_reference_is_circular():
    assert failures({"A": {"properties": {"me": {"$ref": "#/A"}}}}) == [("OAS_CIRCULAR_REF", "/A/properties/me/$ref")]


def test_two_schemas_referring_to_each_other_are_circular():
    doc = {"A": {"properties": {"b": {"$ref": "#/B"}}}, "B": {"items": {"$ref": "#/A"}}}
    assert failures(doc) == [("OAS_CIRCULAR_REF", "/A/properties/b/$ref"), ("OAS_CIRCULAR_REF", "/B/items/$ref")]


def test_a_ref_into_a_cycle_from_outside_is_not_itself_reported():
    doc = {"entry": {"$ref": "#/A"}, "A": {"properties": {"a": {"$ref": "#/A"}}}}
    assert failures(doc) == [("OAS_CIRCULAR_REF", "/A/properties/a/$ref")]


def test_diamond_shared_refs_are_not_circular():
    doc = {"A": {"l": {"$ref": "#/C"}, "r": {"$ref": "#/C"}}, "C": {"type": "string"}, "root": {"$ref": "#/A"}}
    check_refs(doc)
    assert resolve_refs(doc)["root"] == {"l": {"type": "string"}, "r": {"type": "string"}}


def test_external_and_dangling_refs_are_reported_together_in_pointer_order():
    doc = {"z": {"$ref": "#/nowhere"}, "a": {"$ref": "https://x.test/s.json"}, "m": {"$ref": "s.yaml"}}
    assert failures(doc) == [("OAS_EXTERNAL_REF", "/a/$ref"), ("OAS_EXTERNAL_REF", "/m/$ref"),
                             ("OAS_UNRESOLVED_REF", "/z/$ref")]


def test_non_string_ref_is_refused_at_its_pointer():
    ((code, where),) = failures({"a": {"$ref": 5}})
    assert code in ("OAS_EXTERNAL_REF", "OAS_UNRESOLVED_REF") and where == "/a/$ref"


def test_ref_shaped_data_inside_a_schema_example_is_not_checked():
    check_refs({"S": {"type": "object", "example": {"$ref": "http://x.test/data"}}})


def test_ref_shaped_example_data_compiles_untouched():
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}), schemas={"Thing": {
        "type": "object", "properties": {"id": {"type": "integer"},
                                         "link": {"type": "object", "example": {"$ref": "https://example.com/doc"}}}}})
    result = compile_dict(doc)
    assert result.ok
    assert result.api_ir["resources"][0]["itemSchema"]["properties"]["link"]["example"] == {
        "$ref": "https://example.com/doc"}


def test_remote_ref_in_a_media_type_examples_map_is_external():
    doc = document(crud_paths("/things"))
    doc["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["examples"] = {
        "one": {"$ref": "http://127.0.0.1:9/example.json"}}
    result = compile_dict(doc)
    assert pairs(result) == [("OAS_EXTERNAL_REF",
                              "/paths/~1things/get/responses/200/content/application~1json/examples/one/$ref")]


def test_dangling_ref_in_a_media_type_examples_map_is_unresolved():
    doc = document(crud_paths("/things"))
    doc["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["examples"] = {
        "one": {"$ref": "#/components/examples/Nope"}}
    result = compile_dict(doc)
    assert pairs(result) == [("OAS_UNRESOLVED_REF",
                              "/paths/~1things/get/responses/200/content/application~1json/examples/one/$ref")]


def test_local_ref_in_a_media_type_examples_map_is_inlined():
    doc = document(crud_paths("/things"))
    doc["components"] = {"examples": {"One": {"value": {"id": 1, "name": "x"}}}}
    doc["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["examples"] = {
        "one": {"$ref": "#/components/examples/One"}}
    assert compile_dict(doc).ok


def test_expansion_budget_counts_repeated_targets():
    from compiler.resolve import MAX_EXPANDED_NODES
    doc = {"L0": {"v": "leaf"}}
    for level in range(1, 8):
        doc[f"L{level}"] = {f"p{i}": {"$ref": f"#/L{level - 1}"} for i in range(10)}
    check_refs(doc)
    with pytest.raises(CompileFailed) as caught:
        resolve_refs(doc)
    assert [e.code for e in caught.value.errors] == ["OAS_TOO_COMPLEX"]
    assert 10 ** 7 > MAX_EXPANDED_NODES
