"""Hostile inputs: each is refused with a structured error, quickly, without
touching the network. Timings are bounded only as a hang guard (< 5 s)."""
from __future__ import annotations

import json
import random
import socket
import time
import urllib.request

import pytest

from compiler import compile_openapi
import compiler.pointers

from tests.compiler.helpers import FIXTURES, compile_dict, crud_paths, document, pairs

HANG_GUARD_SECONDS = 5.0


@pytest.fixture
def no_network(monkeypatch):
    """Every socket or non-file URL opened while compiling is recorded and refused."""
    attempts: list[object] = []

    class RefusingSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(("socket", args))
            raise OSError("network access is not allowed in compiler tests")

    real_urlopen = urllib.request.urlopen

    def guarded_urlopen(url, *args, **kwargs):
        target = str(getattr(url, "full_url", url))
        if not target.startswith("file:"):  # the validator reads its own bundled schemas via file:
            attempts.append(("urlopen", target))
            raise OSError("network access is not allowed in compiler tests")
        return real_urlopen(url, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: attempts.append(("create_connection", a)) or (_ for _ in ()).throw(OSError()))
    monkeypatch.setattr(urllib.request, "urlopen", guarded_urlopen)
    return attempts


def timed_compile(text):
    started = time.perf_counter()
    result = compile_openapi(text)
    elapsed = time.perf_counter() - started
    assert elapsed < HANG_GUARD_SECONDS, f"took {elapsed:.2f}s"
    return result


def assert_parse_error(result, pointer=""):
    assert result.ok is False
    assert pairs(result) == [("OAS_PARSE_ERROR", pointer)]


# --- parse-level hostility -------------------------------------------------

def billion_laughs(levels=12, fan=10):
    lines = ['openapi: 3.0.3', 'info: {title: Laughs, version: "1"}', 'a0: &a0 ["lol"]']
    for level in range(1, levels):
        refs = ", ".join(f"*a{level - 1}" for _ in range(fan))
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"paths: {{x: *a{levels - 1}}}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly():
    result = timed_compile(billion_laughs())
    assert_parse_error(result)
    assert "alias" in result.errors[0].message.lower()


def test_modest_aliases_within_the_budget_are_accepted_by_the_parser():
    text = document(crud_paths("/things"))
    yaml_text = "openapi: 3.0.3\ninfo: &i {title: A, version: '1'}\nx-copy: *i\npaths: " + json.dumps(text["paths"]) + "\n"
    assert compile_openapi(yaml_text).ok


def test_recursive_yaml_alias_is_refused_without_recursing_forever():
    result = timed_compile("openapi: 3.0.3\nloop: &x [*x]\n")
    assert [code for code, _ in pairs(result)] == ["OAS_PARSE_ERROR"]
    assert result.errors[0].json_pointer.startswith("/loop/0/0/")


def test_thousand_level_yaml_nesting_is_refused():
    text = "openapi: 3.0.3\nx: " + "[" * 1000 + "]" * 1000 + "\n"
    assert_parse_error(timed_compile(text))


def test_thousand_level_block_yaml_nesting_is_refused():
    text = "openapi: 3.0.3\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(1000)) + " " * 1000 + "v: 1\n"
    assert_parse_error(timed_compile(text))


def test_thousand_level_json_nesting_is_refused():
    text = '{"openapi": "3.0.3", "x": ' + '{"a": ' * 1000 + "1" + "}" * 1000 + "}"
    assert_parse_error(timed_compile(text))


def test_hundred_thousand_level_json_nesting_is_refused_without_a_recursion_crash():
    text = '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert_parse_error(timed_compile(text))


@pytest.mark.parametrize("text", ["- openapi: 3.0.3\n- paths: {}\n", "[1, 2]", "just a string\n", "42\n", "null\n",
                                  "~\n", '"quoted"', "", "   \n\n"])
def test_non_mapping_or_empty_documents_are_refused(text):
    assert_parse_error(timed_compile(text))


def test_binary_garbage_is_refused():
    garbage = random.Random(1234).randbytes(4096)
    assert_parse_error(timed_compile(garbage))


def test_nul_bytes_are_refused_even_in_valid_utf8():
    assert_parse_error(timed_compile("openapi: 3.0.3\x00\ninfo: {}\n"))


@pytest.mark.parametrize("raw", ["openapi: caf\xe9\n".encode("latin-1"), "openapi: 3.0.3\n".encode("utf-16")])
def test_non_utf8_bytes_are_refused(raw):
    assert_parse_error(timed_compile(raw))


def test_document_over_ten_megabytes_is_refused_before_parsing():
    text = "openapi: 3.0.3\nx-padding: '" + "a" * (10 * 1024 * 1024) + "'\n"
    assert len(text.encode()) > 10 * 1024 * 1024
    result = timed_compile(text)
    assert_parse_error(result)
    assert "limit" in result.errors[0].message


def test_size_limit_is_configurable():
    assert_parse_error(compile_openapi(json.dumps(document(crud_paths("/things"))), max_bytes=100))


def test_several_yaml_documents_are_refused():
    assert_parse_error(timed_compile("openapi: 3.0.3\n---\nopenapi: 3.1.0\n"))


def test_duplicate_yaml_keys_are_refused():
    assert_parse_error(timed_compile("openapi: 3.0.3\npaths: {}\npaths: {}\n"))


def test_duplicate_json_keys_are_refused():
    assert_parse_error(timed_compile('{"openapi": "3.0.3", "paths": {}, "paths": {}}'))


@pytest.mark.parametrize("text", ["openapi: 3.0.3\n? [a]\n: 1\n", "openapi: 3.0.3\nnull: x\n",
                                  "openapi: 3.0.3\ntrue: x\n", "openapi: 3.0.3\n1.5: x\n",
                                  "openapi: 3.0.3\n? {a: 1}\n: 1\n"])
def test_non_string_keys_are_refused(text):
    assert_parse_error(timed_compile(text))


def test_non_string_key_error_points_at_the_mapping_holding_it():
    result = timed_compile("openapi: 3.0.3\ninfo:\n  null: x\n")
    assert_parse_error(result, "/info")


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
def test_infinite_and_nan_numbers_in_yaml_are_refused_at_their_pointer(value):
    text = f"openapi: 3.0.3\ncomponents:\n  schemas:\n    A: {{type: number, maximum: {value}}}\n"
    assert_parse_error(timed_compile(text), "/components/schemas/A/maximum")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_infinite_and_nan_numbers_in_json_are_refused_at_their_pointer(value):
    assert_parse_error(timed_compile('{"openapi": "3.0.3", "x-n": [0, %s]}' % value), "/x-n/1")


def test_integer_and_string_spellings_of_one_key_are_a_duplicate():
    text = ("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      responses:\n"
            "        200: {description: first, content: {application/json: {schema: {type: string}}}}\n"
            "        '200': {description: second, content: {application/json: {schema: {type: array, items: "
            "{type: object, properties: {id: {type: integer}}}}}}}\n")
    result = timed_compile(text)
    assert pairs(result) == [("OAS_PARSE_ERROR", "/paths/~1things/get/responses")]


# --- references: never fetched ---------------------------------------------

REMOTE_REFS = ["http://127.0.0.1:9/schemas/thing.yaml", "https://example.com/thing.json#/Thing",
               "file:///etc/passwd", "other.yaml#/components/schemas/Thing", "./thing.json", "//example.com/x"]


@pytest.mark.parametrize("target", REMOTE_REFS)
def test_remote_and_file_refs_are_refused_and_never_fetched(no_network, target):
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}),
                   schemas={"Thing": {"type": "object", "properties": {"id": {"type": "integer"},
                                                                       "owner": {"$ref": target}}}})
    result = compile_dict(doc)
    assert pairs(result) == [("OAS_EXTERNAL_REF", "/components/schemas/Thing/properties/owner/$ref")]
    assert no_network == []


def test_remote_ref_fixture_is_not_fetched(no_network):
    result = compile_openapi((FIXTURES / "errors" / "OAS_EXTERNAL_REF.yaml").read_text(encoding="utf-8"))
    assert {code for code, _ in pairs(result)} == {"OAS_EXTERNAL_REF"}
    assert no_network == []


def test_bundled_demos_compile_with_the_network_disabled(no_network):
    from tests.compiler.helpers import DEMO_NAMES, demo_text
    assert all(compile_openapi(demo_text(name)).ok for name in DEMO_NAMES)
    assert no_network == []


def test_remote_ref_under_a_property_named_example_is_refused_and_not_fetched(no_network):
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}),
                   schemas={"Thing": {"type": "object", "properties": {
                       "id": {"type": "integer"}, "example": {"$ref": "http://127.0.0.1:9/x.json"}}}})
    result = compile_dict(doc)
    assert no_network == []
    assert pairs(result) == [("OAS_EXTERNAL_REF", "/components/schemas/Thing/properties/example/$ref")]


@pytest.mark.parametrize("target", ["#/components/schemas/Thing", "#/components/schemas/Node"])
def test_circular_refs_are_refused(target):
    schemas = {"Thing": {"type": "object", "properties": {"id": {"type": "integer"}, "self": {"$ref": target}}},
               "Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Thing"}}}}
    result = timed_compile(json.dumps(document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}),
                                               schemas=schemas)))
    assert ("OAS_CIRCULAR_REF", "/components/schemas/Thing/properties/self/$ref") in pairs(result)
    assert {code for code, _ in pairs(result)} == {"OAS_CIRCULAR_REF"}


def test_ref_to_the_whole_document_is_circular():
    doc = document(crud_paths("/things"), schemas={"Loop": {"type": "object", "properties": {"all": {"$ref": "#"}}}})
    assert pairs(timed_compile(json.dumps(doc))) == [("OAS_CIRCULAR_REF", "/components/schemas/Loop/properties/all/$ref")]


def test_dangling_local_ref_is_refused():
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Missing"}))
    result = timed_compile(json.dumps(doc))
    assert {code for code, _ in pairs(result)} == {"OAS_UNRESOLVED_REF"}
    assert ("OAS_UNRESOLVED_REF", "/paths/~1things/get/responses/200/content/application~1json/schema/items/$ref") \
        in pairs(result)


def test_non_canonical_array_index_in_a_ref_is_unresolved_not_a_hidden_cycle():
    schemas = {"Thing": {"type": "object", "properties": {"id": {"type": "integer"}, "pair": {
        "type": "array", "prefixItems": [{"type": "object", "properties": {
            "again": {"$ref": "#/components/schemas/Thing/properties/pair/prefixItems/00"}}}]}}}}
    doc = document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}), version="3.1.0", schemas=schemas)
    result = compile_dict(doc)
    assert {code for code, _ in pairs(result)} == {"OAS_UNRESOLVED_REF"}


def test_ref_expansion_past_the_node_budget_is_too_complex():
    result = timed_compile((FIXTURES / "errors" / "OAS_TOO_COMPLEX.yaml").read_text(encoding="utf-8"))
    assert [code for code, _ in pairs(result)] == ["OAS_TOO_COMPLEX"]


# --- many errors in a big document ----------------------------------------

def many_missing_bodies(count):
    paths = {f"/r{index}": {"post": {"responses": {"201": {
        "description": "ok", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"id": {"type": "integer"}}}}}}}}} for index in range(count)}
    lines = ["openapi: 3.0.3", "info: {title: Many, version: '1'}", "paths:"]
    for path, item in paths.items():
        lines.append(f"  {path}: {json.dumps(item)}")
    return "\n".join(lines) + "\n"


def test_many_errors_all_get_their_own_line():
    text = many_missing_bodies(30)
    result = compile_openapi(text)
    assert len(result.errors) == 30
    assert sorted(error.line for error in result.errors) == list(range(4, 34))


def test_source_is_composed_a_bounded_number_of_times_however_many_errors(monkeypatch):
    calls = []
    real_compose = compiler.pointers.yaml.compose
    monkeypatch.setattr(compiler.pointers.yaml, "compose", lambda *a, **k: calls.append(1) or real_compose(*a, **k))
    result = compile_openapi(many_missing_bodies(60))
    assert len(result.errors) == 60
    assert len(calls) <= 2


def _ref_chain(length: int) -> str:
    schemas = {f"S{n}": {"type": "object", "properties": {"next": {"$ref": f"#/components/schemas/S{n + 1}"}}}
               for n in range(length)}
    schemas[f"S{length}"] = {"type": "object", "properties": {"name": {"type": "string"}}}
    return json.dumps(document(crud_paths("/things", {"$ref": "#/components/schemas/S0"}), schemas=schemas))


@pytest.mark.parametrize("length", [150, 3_000])
def test_long_ref_chains_are_a_clean_error_not_a_crash(length):
    result = timed_compile(_ref_chain(length))

    assert result.ok is False
    assert {code for code, _ in pairs(result)} <= {"OAS_TOO_COMPLEX", "OAS_INVALID_DOCUMENT"}


@pytest.mark.parametrize("text", [
    '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "x-n": ' + "9" * 5_000 + ', "paths": {}}',
    "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-n: " + "9" * 5_000 + "\npaths: {}\n",
])
def test_numbers_too_long_to_convert_are_a_parse_error(text):
    assert_parse_error(timed_compile(text))


def test_schemas_under_components_path_items_are_checked_too():
    doc = document({"/things": {"$ref": "#/components/pathItems/Things"}}, version="3.1.0")
    doc["components"] = {"pathItems": {"Things": crud_paths("/things", {
        "type": "object", "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}})["/things"]}}

    result = compile_dict(doc)

    assert ("OAS_UNSUPPORTED_SCHEMA_KEYWORD",
            "/components/pathItems/Things/get/responses/200/content/application~1json/schema/items/properties/a/anyOf"
            ) in pairs(result)
