"""Table-driven error cases: each ``tests/fixtures/errors/*.yaml`` lists the exact
(code, jsonPointer, line) triples it must produce, in reported order, in
``# expect:`` header comments. Messages are never asserted."""
from __future__ import annotations

import pytest

from compiler import ERROR_CODES, compile_openapi
from compiler.lower import uispec_errors

from tests.compiler.helpers import FIXTURES, compile_dict, document, crud_paths, expectations, pairs

ERROR_FIXTURES = sorted(path.name for path in (FIXTURES / "errors").glob("*.yaml"))


@pytest.mark.parametrize("name", ERROR_FIXTURES)
def test_error_fixture_reports_exactly_the_listed_codes_pointers_and_lines(name):
    text = (FIXTURES / "errors" / name).read_text(encoding="utf-8")
    expected = expectations(text)
    assert expected, f"{name} has no '# expect:' lines"

    result = compile_openapi(text)

    assert result.ok is False
    assert result.specs == {} and result.api_ir is None and result.canonical_hash == ""
    assert [(e.code, e.json_pointer, e.line) for e in result.errors] == expected


@pytest.mark.parametrize("name", ERROR_FIXTURES)
def test_errors_come_sorted_by_pointer_then_code_with_their_table_stage(name):
    result = compile_openapi((FIXTURES / "errors" / name).read_text(encoding="utf-8"))
    keys = [(e.json_pointer, e.code) for e in result.errors]
    assert keys == sorted(keys)
    for error in result.errors:
        assert error.stage == ERROR_CODES[error.code][0]
        body = error.to_json()
        assert body["code"] == error.code and body["jsonPointer"] == error.json_pointer
        assert body["stage"] == error.stage and body["message"]


def test_fixture_file_name_names_the_code_it_demonstrates():
    for name in ERROR_FIXTURES:
        code = name.split(".")[0]
        if code in ERROR_CODES:
            codes = {c for c, _, _ in expectations((FIXTURES / "errors" / name).read_text(encoding="utf-8"))}
            assert code in codes, name


def test_every_error_code_reachable_from_text_has_a_fixture():
    covered = set()
    for name in ERROR_FIXTURES:
        covered |= {c for c, _, _ in expectations((FIXTURES / "errors" / name).read_text(encoding="utf-8"))}
    # UISPEC_INVALID cannot be produced from a valid document; see the uispec_errors test below.
    assert covered == set(ERROR_CODES) - {"UISPEC_INVALID"}


def test_one_document_with_many_violations_reports_all_of_them_together():
    result = compile_openapi((FIXTURES / "errors" / "MANY.yaml").read_text(encoding="utf-8"))
    codes = {code for code, _ in pairs(result)}
    assert codes == {"OAS_INVALID_DOCUMENT", "OAS_UNSUPPORTED_SCHEMA_KEYWORD", "OAS_MULTIPLE_TAGS",
                     "OAS_MISSING_REQUEST_BODY", "OAS_MULTIPLE_SUCCESS_RESPONSES", "OAS_MULTIPLE_PATH_PARAMS",
                     "OAS_UNSUPPORTED_OPERATION", "OAS_DUPLICATE_OPERATION"}
    assert len(result.errors) == 8


def test_many_violations_are_listed_in_the_same_order_on_every_run():
    text = (FIXTURES / "errors" / "MANY.yaml").read_text(encoding="utf-8")
    first = compile_openapi(text).errors_json()
    assert all(compile_openapi(text).errors_json() == first for _ in range(3))


def test_error_line_points_at_the_key_of_the_offending_node():
    text = (FIXTURES / "errors" / "MANY.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    by_code = {error.code: error for error in compile_openapi(text).errors}
    assert lines[by_code["OAS_MULTIPLE_TAGS"].line - 1].strip() == "tags: [members, admin]"
    assert lines[by_code["OAS_MULTIPLE_PATH_PARAMS"].line - 1].strip() == "/members/{id}/badges/{badgeId}:"
    assert lines[by_code["OAS_UNSUPPORTED_SCHEMA_KEYWORD"].line - 1].strip() == "anyOf:"
    assert lines[by_code["OAS_INVALID_DOCUMENT"].line - 1].strip() == "info:"
    assert lines[by_code["OAS_UNSUPPORTED_OPERATION"].line - 1].strip() == "post:"


def test_uispec_invalid_is_reported_by_uispec_errors_on_a_broken_spec():
    good = compile_dict(document(crud_paths("/things"))).specs["things"]
    broken = {**good, "resource": "Not A Slug", "fields": [{**good["fields"][0], "type": "colour"}]}
    del broken["table"]

    errors = list(uispec_errors(broken, "things"))

    assert {(e.code, e.json_pointer) for e in errors} == {
        ("UISPEC_INVALID", "/things"),  # 'table' is a required property
        ("UISPEC_INVALID", "/things/resource"),
        ("UISPEC_INVALID", "/things/fields/0/type"),
    }
    assert all(e.stage == "uispec" for e in errors)
    assert list(uispec_errors(good, "things")) == []


def test_uispec_errors_escape_the_slug_in_the_pointer():
    errors = list(uispec_errors({}, "a/b~c"))
    assert errors and all(e.json_pointer == "/a~1b~0c" for e in errors)
