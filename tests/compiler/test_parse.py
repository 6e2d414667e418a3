"""Pass 1: parse_document turns YAML or JSON text into one plain mapping."""
from __future__ import annotations

import json

import pytest

from compiler.errors import CompileFailed
from compiler.parse import MAX_DEPTH, parse_document


def parse_error(text, **kwargs):
    with pytest.raises(CompileFailed) as caught:
        parse_document(text, **kwargs)
    (error,) = caught.value.errors
    assert error.code == "OAS_PARSE_ERROR" and error.stage == "parse"
    return error


def test_yaml_and_json_forms_parse_to_the_same_mapping():
    yaml_text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        200: {description: ok}\n"
    json_text = json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
                            "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}})
    assert parse_document(yaml_text) == parse_document(json_text)


def test_integer_response_codes_become_string_keys():
    assert parse_document("responses:\n  200: ok\n  404: missing\n") == {"responses": {"200": "ok", "404": "missing"}}


def test_yaml_timestamps_stay_strings():
    parsed = parse_document("created: 2026-03-14T09:26:53Z\nday: 2026-04-10\n")
    assert parsed == {"created": "2026-03-14T09:26:53Z", "day": "2026-04-10"}


def test_unquoted_version_number_is_kept_as_yaml_reads_it():
    assert parse_document("openapi: 3.0.3\nv: 3.1\n") == {"openapi": "3.0.3", "v": 3.1}


def test_bytes_with_utf8_bom_are_accepted():
    assert parse_document("\ufeffa: é\n".encode("utf-8")) == {"a": "é"}


def test_merge_keys_are_expanded():
    assert parse_document("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")["other"] == {"x": 1, "y": 2}


def test_parse_error_for_bad_yaml_carries_its_line():
    error = parse_error("a: 1\nb: [\nc: 2\n")
    assert error.line is not None and error.line >= 2


def test_parse_error_for_bad_json_carries_its_line():
    error = parse_error('{\n  "a": 1,\n  "b": \n}')
    assert error.line == 4


def test_nesting_just_under_the_limit_is_accepted_and_over_it_refused():
    ok = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse_document(ok)
    parse_error("x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")


def test_size_limit_counts_utf8_bytes_not_characters():
    text = "a: '" + "é" * 60 + "'\n"  # 60 characters, 120 bytes
    assert parse_document(text, max_bytes=200)
    parse_error(text, max_bytes=100)


def test_binary_yaml_tag_is_refused():
    error = parse_error("a: !!binary aGVsbG8=\n")
    assert error.json_pointer == "/a"


def test_yaml_set_is_refused():
    parse_error("a: !!set {x, y}\n")


def test_python_object_tags_are_refused_by_the_safe_loader():
    parse_error("a: !!python/object/apply:os.system ['true']\n")


def test_yaml_flow_mapping_document_is_parsed_as_yaml():
    assert parse_document("{openapi: 3.1.0, info: {title: T, version: '1'}, paths: {}}") == {
        "openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
