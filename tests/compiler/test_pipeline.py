"""compile_openapi: the passes in order, the result shape, and canonical output."""
from __future__ import annotations

import json

from compiler import CompileResult, compile_openapi
from compiler.canonical import canonical_hash, canonical_json
from compiler.parse import parse_document
from compiler.pipeline import PASSES

from tests.compiler.helpers import DEMO_NAMES, compile_dict, crud_paths, demo_text, document


def test_passes_run_in_the_documented_order():
    assert [name for name, _ in PASSES] == ["parse_document", "check_version", "check_refs", "validate",
                                            "resolve_refs", "canonical_hash", "build_api_ir", "plan_ui",
                                            "lower_uispecs"]


def test_the_version_is_checked_before_references():
    result = compile_openapi('swagger: "2.0"\ninfo: {title: T, version: "1"}\n'
                             'definitions: {A: {$ref: "#/definitions/Missing"}}\npaths: {}\n')
    assert [(error.code, error.json_pointer) for error in result.errors] == [("OAS_UNSUPPORTED_VERSION", "/swagger")]


def test_successful_result_has_name_hash_ir_and_specs():
    result = compile_dict(document(crud_paths("/things")))
    assert isinstance(result, CompileResult)
    assert result.ok and result.errors == [] and result.name == "Test API"
    assert len(result.canonical_hash) == 64 and int(result.canonical_hash, 16) >= 0
    assert result.resource_names == ["Things"] and result.resource_slugs == ["things"]
    assert list(result.specs) == ["things"]


def test_untitled_api_gets_a_name():
    doc = document(crud_paths("/things"))
    doc["info"]["title"] = ""
    assert compile_dict(doc).name == "Untitled API"


def test_hash_is_sha256_of_the_canonical_unresolved_document():
    text = demo_text("tasks-v1")
    assert compile_openapi(text).canonical_hash == canonical_hash(parse_document(text))


def test_output_json_is_canonical_and_holds_everything():
    result = compile_dict(document(crud_paths("/things")))
    output = result.output_json()
    body = json.loads(output)
    assert set(body) == {"hash", "apiIr", "specs", "errors"}
    assert body["hash"] == result.canonical_hash and body["specs"] == result.specs and body["errors"] == []
    assert output == canonical_json(body)
    assert output == json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_failed_result_output_json_lists_errors_with_lines():
    result = compile_openapi("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n")
    assert json.loads(result.output_json()) == {"hash": "", "apiIr": None, "specs": {}, "errors": [{
        "code": "OAS_NO_OPERATIONS", "stage": "validate", "message": result.errors[0].message,
        "jsonPointer": "/paths", "line": 3}]}


def test_result_values_are_unshared_copies():
    result = compile_openapi(demo_text("tasks-v3"))
    result.specs["tasks"]["fields"].clear()
    assert compile_openapi(demo_text("tasks-v3")).specs["tasks"]["fields"]
    # itemSchema and operation schemas are separate objects even where the document shared one $ref target
    first = result.api_ir["resources"][0]
    assert first["itemSchema"] is not first["operations"][0].get("responseSchema")


def test_text_and_bytes_inputs_compile_alike():
    text = demo_text("users")
    assert compile_openapi(text.encode("utf-8")).output_json() == compile_openapi(text).output_json()


def test_every_demo_compiles_without_errors():
    for name in DEMO_NAMES:
        result = compile_openapi(demo_text(name))
        assert result.ok, (name, result.errors_json())
