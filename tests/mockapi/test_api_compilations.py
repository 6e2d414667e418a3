"""The compilations JSON API end to end through Django's test client, on real Postgres."""
from __future__ import annotations

import json

import pytest

from mockapi.compilations.store import compilation_get
from mockapi.demos.catalog import demo_spec

pytestmark = pytest.mark.django_db

BROKEN_SPEC = """openapi: 3.0.3
info: {title: Broken, version: '1'}
paths:
  /things/{a}/{b}:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /things:
    post:
      responses:
        '201': {description: ok, content: {application/json: {schema: {oneOf: [{type: object}]}}}}
"""


def test_compile_returns_the_compiled_app_and_stores_it(api, owner_account):
    response = api.compile(demo_spec("users").text(), owner_account)

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "User Directory"
    assert body["url"] == f"/u/{body['id']}"
    assert body["resourceNames"] == ["Users", "Teams"]
    assert body["resourceSlugs"] == ["users", "teams"]
    assert body["specs"]["users"]["idField"] == "id"
    assert [resource["key"] for resource in body["apiIr"]["resources"]] == ["users", "teams"]
    stored = compilation_get(compilation_id=body["id"])
    assert stored.account_id == owner_account and stored.status == "compiled"
    assert len(body["id"]) == 12


def test_compile_accepts_the_spec_itself_as_a_yaml_body(api, owner_account):
    response = api.send("POST", "/api/compile-openapi", raw=demo_spec("products").text(),
                        content_type="application/yaml", **{"X-Account-Id": owner_account})

    assert response.status_code == 200, response.content
    assert response.json()["resourceSlugs"] == ["categories", "products"]
    assert compilation_get(compilation_id=response.json()["id"]).account_id == owner_account


def test_compile_accepts_a_raw_json_document_with_the_account_in_the_query(api, owner_account):
    import yaml

    document = json.dumps(yaml.safe_load(demo_spec("tasks-v1").text()))
    response = api.send("POST", f"/api/compile-openapi?accountId={owner_account}", raw=document,
                        content_type="application/vnd.oai.openapi+json")

    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Team Tasks"


def test_compile_failure_is_422_with_every_error_and_stores_nothing(api, owner_account):
    response = api.compile(BROKEN_SPEC, owner_account)

    assert response.status_code == 422
    errors = response.json()["errors"]
    codes = {(error["code"], error["jsonPointer"]) for error in errors}
    assert ("OAS_MULTIPLE_PATH_PARAMS", "/paths/~1things~1{a}~1{b}") in codes
    assert ("OAS_MISSING_REQUEST_BODY", "/paths/~1things/post") in codes
    assert any(error["code"] == "OAS_UNSUPPORTED_SCHEMA_KEYWORD" for error in errors)
    assert all({"code", "stage", "message", "jsonPointer"} <= set(error) for error in errors)
    assert api.get(f"/api/compilations?accountId={owner_account}").json() == {"items": []}


@pytest.mark.parametrize("body, content_type", [
    ("{not json", "application/json"),
    ("[1, 2]", "application/json"),
    ('{"accountId": "acct-owner-0001"}', "application/json"),
    ('{"openapi": 42, "accountId": "acct-owner-0001"}', "application/json"),
    ("", "application/yaml"),
])
def test_malformed_compile_requests_are_400(api, body, content_type):
    response = api.send("POST", "/api/compile-openapi", raw=body, content_type=content_type,
                        **{"X-Account-Id": "acct-owner-0001"})

    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize("account", [None, "", "has space", "x" * 37, "semi;colon", "ünï"])
def test_missing_or_invalid_account_is_400(api, account):
    body = {"openapi": demo_spec("users").text()}
    if account is not None:
        body["accountId"] = account

    response = api.send("POST", "/api/compile-openapi", body)

    assert response.status_code == 400
    assert "accountId" in response.json()["error"]


def test_body_over_the_limit_is_413_and_stores_nothing(api, owner_account, settings):
    settings.MAX_REQUEST_BYTES = 2_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000

    response = api.compile(demo_spec("users").text(), owner_account)

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    settings.MAX_REQUEST_BYTES = 5 * 1024 * 1024
    assert api.get(f"/api/compilations?accountId={owner_account}").json()["items"] == []


def test_list_is_per_account_and_newest_first(api, compile_demo, owner_account, other_account):
    first = compile_demo("users")
    second = compile_demo("products")

    items = api.get(f"/api/compilations?accountId={owner_account}").json()["items"]

    assert [item["id"] for item in items] == [second["id"], first["id"]]
    assert set(items[0]) == {"id", "url", "name", "status", "resourceNames", "resourceSlugs", "createdAt", "updatedAt"}
    assert api.get(f"/api/compilations?accountId={other_account}").json() == {"items": []}


def test_get_returns_the_full_entry_for_the_owner_only(api, compile_demo, owner_account, other_account):
    compiled = compile_demo("users")

    mine = api.get(f"/api/compilations/{compiled['id']}?accountId={owner_account}")
    theirs = api.get(f"/api/compilations/{compiled['id']}?accountId={other_account}")
    nobody = api.get(f"/api/compilations/{compiled['id']}")

    assert mine.status_code == 200
    assert mine.json()["isPredefined"] is True
    assert mine.json()["diffFromPrevious"] is None
    assert mine.json()["specs"] == compiled["specs"]
    assert theirs.status_code == 403
    assert nobody.status_code == 400


def test_unknown_compilation_is_404(api, owner_account):
    response = api.get(f"/api/compilations/nope12345678?accountId={owner_account}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_update_keeps_id_and_created_at_and_returns_the_diff(api, compile_demo, owner_account):
    compiled = compile_demo("tasks-v1")
    before = compilation_get(compilation_id=compiled["id"])

    response = api.send("POST", f"/api/compilations/{compiled['id']}/update",
                        {"openapi": demo_spec("tasks-v2").text(), "accountId": owner_account})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == compiled["id"] and body["url"] == compiled["url"]
    changes = body["diffFromPrevious"]["changes"]
    assert {"kind": "field_added", "resource": "tasks", "field": "priority"}.items() <= next(
        change for change in changes if change["field"] == "priority").items()
    after = compilation_get(compilation_id=compiled["id"])
    assert after.created_at == before.created_at
    assert after.updated_at > before.updated_at
    assert after.diff_from_previous == body["diffFromPrevious"]
    stored = api.get(f"/api/compilations/{compiled['id']}?accountId={owner_account}").json()
    assert stored["diffFromPrevious"] == body["diffFromPrevious"]


def test_update_with_a_raw_yaml_body(api, compile_demo, owner_account):
    compiled = compile_demo("tasks-v2")

    response = api.send("POST", f"/api/compilations/{compiled['id']}/update", raw=demo_spec("tasks-v3").text(),
                        content_type="application/yaml", **{"X-Account-Id": owner_account})

    assert response.status_code == 200
    assert response.json()["diffFromPrevious"]["hasBreakingChanges"] is True
    assert response.json()["resourceSlugs"] == ["projects", "tasks", "users"]


def test_failed_update_leaves_the_stored_compilation_untouched(api, compile_demo, owner_account, other_account):
    compiled = compile_demo("tasks-v1")
    before = compilation_get(compilation_id=compiled["id"])

    invalid = api.send("POST", f"/api/compilations/{compiled['id']}/update",
                       {"openapi": BROKEN_SPEC, "accountId": owner_account})
    foreign = api.send("POST", f"/api/compilations/{compiled['id']}/update",
                       {"openapi": demo_spec("tasks-v2").text(), "accountId": other_account})
    missing = api.send("POST", "/api/compilations/nope12345678/update",
                       {"openapi": demo_spec("tasks-v2").text(), "accountId": owner_account})

    assert (invalid.status_code, foreign.status_code, missing.status_code) == (422, 403, 404)
    after = compilation_get(compilation_id=compiled["id"])
    assert (after.updated_at, after.specs, after.openapi_canonical_hash) == (
        before.updated_at, before.specs, before.openapi_canonical_hash)


def test_delete_then_get_is_404(api, compile_demo, owner_account):
    compiled = compile_demo("products")

    deleted = api.delete(f"/api/compilations/{compiled['id']}?accountId={owner_account}")

    assert deleted.status_code == 204
    assert api.get(f"/api/compilations/{compiled['id']}?accountId={owner_account}").status_code == 404
    assert api.get(f"/api/mock/{compiled['id']}/products").status_code == 404


def test_delete_by_another_account_is_403_and_keeps_the_compilation(api, compile_demo, other_account):
    compiled = compile_demo("products")

    response = api.delete(f"/api/compilations/{compiled['id']}?accountId={other_account}")

    assert response.status_code == 403
    assert compilation_get(compilation_id=compiled["id"]) is not None


def test_wrong_method_is_405_with_allow(api):
    response = api.get("/api/compile-openapi")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"


def test_demo_spec_text_is_served_and_unknown_is_404(api):
    found = api.get("/api/demo-specs/users")
    missing = api.get("/api/demo-specs/nothing")
    listing = api.get("/api/demo-specs")

    assert found.status_code == 200
    assert found["Content-Type"].startswith("application/yaml")
    assert found.content.decode() == demo_spec("users").text()
    assert missing.status_code == 404
    assert [item["name"] for item in listing.json()["items"]] == ["users", "products", "tasks-v1", "tasks-v2", "tasks-v3"]
