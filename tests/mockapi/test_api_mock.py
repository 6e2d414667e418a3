"""The mock REST API of compiled specs: seeding, CRUD, validation, list conventions, errors, CORS."""
from __future__ import annotations

import pytest

from mockapi.demos.catalog import fixture_records
from mockapi.mock import CollectionKey, get_mock_store

pytestmark = pytest.mark.django_db

CUSTOM_SPEC = """openapi: 3.0.3
info: {title: Notes, version: '1'}
paths:
  /notes:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Note'}}}}}
    post:
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
      responses:
        '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
  /notes/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
    put:
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
    patch:
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
    delete:
      responses:
        '204': {description: gone}
components:
  schemas:
    Note:
      type: object
      required: [text, kind]
      properties:
        id: {type: integer, readOnly: true}
        text: {type: string, maxLength: 200}
        kind: {type: string, enum: [idea, todo]}
        meta:
          type: object
          properties:
            author: {type: string}
            updatedAt: {type: string, format: date-time, readOnly: true}
        createdAt: {type: string, format: date-time, readOnly: true}
        updatedAt: {type: string, format: date-time, readOnly: true}
"""


@pytest.fixture
def notes(api, owner_account):
    response = api.compile(CUSTOM_SPEC, owner_account)
    assert response.status_code == 200, response.content
    return f"/api/mock/{response.json()['id']}/notes"


def test_demo_data_is_seeded_once_per_account(api, compile_demo, owner_account, other_account):
    seeded = len(fixture_records("demo-users", "users"))
    mine = compile_demo("users")
    created = api.send("POST", f"/api/mock/{mine['id']}/users",
                       {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"})
    again = compile_demo("users")
    theirs = compile_demo("users", other_account)

    assert created.status_code == 201
    assert api.get(f"/api/mock/{again['id']}/users")["X-Total-Count"] == str(seeded + 1)
    assert api.get(f"/api/mock/{theirs['id']}/users")["X-Total-Count"] == str(seeded)


def test_demo_series_shares_data_across_updates(api, compile_demo, owner_account):
    compiled = compile_demo("tasks-v1")
    created = api.send("POST", f"/api/mock/{compiled['id']}/tasks", {"title": "Ship v2"}).json()

    api.send("POST", f"/api/compilations/{compiled['id']}/update",
             {"openapi": api.get("/api/demo-specs/tasks-v2").content.decode(), "accountId": owner_account})

    assert api.get(f"/api/mock/{compiled['id']}/tasks/{created['id']}").json()["title"] == "Ship v2"


def test_deleting_a_demo_compilation_keeps_its_data(api, compile_demo, owner_account):
    compiled = compile_demo("products")
    created = api.send("POST", f"/api/mock/{compiled['id']}/categories", {"name": "Kites", "slug": "kites"}).json()

    api.delete(f"/api/compilations/{compiled['id']}?accountId={owner_account}")
    recompiled = compile_demo("products")

    assert api.get(f"/api/mock/{recompiled['id']}/categories/{created['id']}").json()["name"] == "Kites"


def test_custom_spec_starts_empty_and_crud_works(api, notes):
    assert api.get(notes).json() == []

    created = api.send("POST", notes, {"text": "Buy milk", "kind": "todo", "meta": {"author": "me"}})
    record = created.json()
    listed = api.get(notes)
    fetched = api.get(f"{notes}/{record['id']}")
    replaced = api.send("PUT", f"{notes}/{record['id']}", {"text": "Buy oat milk", "kind": "todo"})
    merged = api.send("PATCH", f"{notes}/{record['id']}", {"kind": "idea"})
    deleted = api.delete(f"{notes}/{record['id']}")

    assert created.status_code == 201
    assert created["Location"] == f"{notes}/{record['id']}"
    assert record["id"] == 1 and record["createdAt"] == record["updatedAt"]
    assert record["meta"]["updatedAt"].endswith("Z")
    assert listed.json() == [record] and listed["X-Total-Count"] == "1"
    assert fetched.json() == record
    assert replaced.status_code == 200
    assert replaced.json()["text"] == "Buy oat milk" and "meta" not in replaced.json()
    assert replaced.json()["createdAt"] == record["createdAt"]
    assert merged.json() == {**replaced.json(), "kind": "idea", "updatedAt": merged.json()["updatedAt"]}
    assert deleted.status_code == 204
    assert api.get(f"{notes}/{record['id']}").status_code == 404
    assert api.get(notes).json() == []


def test_deleting_a_custom_compilation_clears_its_data(api, notes, owner_account):
    compilation_id = notes.split("/")[3]
    api.send("POST", notes, {"text": "x", "kind": "idea"})
    key = CollectionKey(account_id=owner_account, data_key=compilation_id, resource="notes")
    assert len(get_mock_store().all(key)) == 1

    api.delete(f"/api/compilations/{compilation_id}?accountId={owner_account}")

    assert get_mock_store().all(key) == []


def test_invalid_records_are_422_with_pointers_and_nothing_is_stored(api, notes):
    response = api.send("POST", notes, {"text": 5, "kind": "other", "meta": {"author": []}})

    assert response.status_code == 422
    pointers = sorted(error["jsonPointer"] for error in response.json()["errors"])
    assert pointers == ["/kind", "/meta/author", "/text"]
    assert api.get(notes).json() == []


def test_missing_required_field_is_422(api, notes):
    response = api.send("POST", notes, {"text": "no kind"})

    assert response.status_code == 422
    assert any("kind" in error["message"] for error in response.json()["errors"])


def test_patch_validates_the_merged_record_and_leaves_it_unchanged_on_failure(api, notes):
    record = api.send("POST", notes, {"text": "keep", "kind": "idea"}).json()

    response = api.send("PATCH", f"{notes}/{record['id']}", {"kind": None})

    assert response.status_code == 422
    assert api.get(f"{notes}/{record['id']}").json() == record


def test_list_conventions_of_json_server(api, notes):
    for index, kind in enumerate(["idea", "todo", "idea", "todo", "idea"]):
        api.send("POST", notes, {"text": f"note {index} {'urgent' if index == 3 else ''}", "kind": kind})

    page = api.get(f"{notes}?_page=2&_limit=2&_sort=id&_order=desc")
    sliced = api.get(f"{notes}?_start=1&_end=3")
    filtered = api.get(f"{notes}?kind=idea&_sort=kind,id&_order=asc,desc")
    searched = api.get(f"{notes}?q=URGENT")

    assert [note["id"] for note in page.json()] == [3, 2] and page["X-Total-Count"] == "5"
    assert [note["id"] for note in sliced.json()] == [2, 3]
    assert [note["id"] for note in filtered.json()] == [5, 3, 1] and filtered["X-Total-Count"] == "3"
    assert [note["id"] for note in searched.json()] == [4]
    assert api.get(f"{notes}?_page=zero").status_code == 400


def test_unknown_compilation_resource_and_record_are_404(api, notes):
    base = notes.rsplit("/", 1)[0]

    assert api.get("/api/mock/nope12345678/notes").status_code == 404
    assert api.get(f"{base}/nothing").status_code == 404
    assert api.get(f"{notes}/999").status_code == 404
    assert api.send("PATCH", f"{notes}/999", {"text": "x"}).status_code == 404
    assert api.delete(f"{notes}/999").status_code == 404


def test_method_not_in_the_spec_is_405(api, compile_demo):
    compiled = compile_demo("users")
    record_id = fixture_records("demo-users", "users")[0]["id"]

    response = api.send("PUT", f"/api/mock/{compiled['id']}/users/{record_id}", {"firstName": "X"})
    collection = api.delete(f"/api/mock/{compiled['id']}/users")

    assert response.status_code == 405
    assert response["Allow"] == "DELETE, GET, PATCH"
    assert collection.status_code == 405 and collection["Allow"] == "GET, POST"


def test_malformed_json_is_400_and_stores_nothing(api, notes):
    response = api.send("POST", notes, raw="{oops", content_type="application/json")

    assert response.status_code == 400
    assert api.get(notes).json() == []


def test_duplicate_client_id_is_409(api, notes):
    api.send("POST", notes, {"id": 7, "text": "a", "kind": "idea"})

    response = api.send("POST", notes, {"id": 7, "text": "b", "kind": "idea"})

    assert response.status_code == 409
    assert [note["text"] for note in api.get(notes).json()] == ["a"]


def test_another_account_is_403_on_the_mock(api, notes, owner_account, other_account):
    assert api.get(notes, **{"X-Account-Id": other_account}).status_code == 403
    assert api.get(f"{notes}?accountId={other_account}").status_code == 403
    assert api.get(notes, **{"X-Account-Id": owner_account}).status_code == 200
    assert api.get(notes, **{"X-Account-Id": "bad id!"}).status_code == 400


def test_cors_headers_and_preflight_on_the_mock_only(api, notes):
    preflight = api.client.options(notes, headers={"Origin": "http://localhost:5173",
                                                   "Access-Control-Request-Method": "POST"})
    listed = api.get(notes, Origin="http://localhost:5173")
    elsewhere = api.get("/api/demo-specs", Origin="http://localhost:5173")

    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"].startswith("GET, POST")
    assert listed["Access-Control-Allow-Origin"] == "*"
    assert "X-Total-Count" in listed["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in elsewhere


def test_body_over_the_limit_is_413_on_the_mock(api, notes, settings):
    settings.MAX_REQUEST_BYTES = 1_000

    response = api.send("POST", notes, {"text": "x" * 2_000, "kind": "idea"})

    assert response.status_code == 413
    settings.MAX_REQUEST_BYTES = 5 * 1024 * 1024
    assert api.get(notes).json() == []


@pytest.mark.parametrize("raw", [
    '{"text": "x", "kind": "idea", "n": ' + "9" * 5000 + "}",
    '{"text": "x", "kind": "idea", "n": NaN}',
    '{"text": "x", "kind": "idea", "n": Infinity}',
    '{"text": "x", "kind": "idea", "deep": ' + "[" * 100 + "]" * 100 + "}",
])
def test_unacceptable_json_bodies_are_400_and_store_nothing(api, notes, raw):
    response = api.send("POST", notes, raw=raw, content_type="application/json")

    assert response.status_code == 400
    assert api.get(notes).json() == []


def test_client_ids_become_url_safe_locations(api, owner_account):
    spec = CUSTOM_SPEC.replace("id: {type: integer, readOnly: true}", "id: {type: string}").replace(
        "schema: {type: integer}", "schema: {type: string}")
    compiled = api.compile(spec, owner_account).json()
    collection = f"/api/mock/{compiled['id']}/notes"
    body = {"text": "Ünïcode note", "kind": "idea"}

    accepted = api.send("POST", collection, {**body, "id": "café-team"})
    refused = [api.send("POST", collection, {**body, "id": bad}) for bad in ("a/b", "a b", "a\nb", "x" * 201)]

    assert accepted.status_code == 201, accepted.content
    assert accepted["Location"] == f"{collection}/caf%C3%A9-team"
    assert api.get(accepted["Location"]).json()["id"] == "café-team"
    assert [response.status_code for response in refused] == [422, 422, 422, 422]


def test_a_full_collection_refuses_more_records_with_409(api, notes):
    from mockapi.mock import InMemoryMockStore, set_mock_store

    set_mock_store(InMemoryMockStore(max_records_per_collection=2))
    statuses = [api.send("POST", notes, {"text": str(n), "kind": "idea"}).status_code for n in range(3)]

    assert statuses == [201, 201, 409]
    assert len(api.get(notes).json()) == 2


def test_deleting_a_compilation_clears_data_kept_under_its_id_even_after_becoming_a_demo(api, notes, owner_account):
    compilation_id = notes.split("/")[3]
    api.send("POST", notes, {"text": "custom", "kind": "idea"})
    api.send("POST", f"/api/compilations/{compilation_id}/update",
             {"openapi": api.get("/api/demo-specs/tasks-v1").content.decode(), "accountId": owner_account})

    api.delete(f"/api/compilations/{compilation_id}?accountId={owner_account}")

    key = CollectionKey(account_id=owner_account, data_key=compilation_id, resource="notes")
    assert get_mock_store().all(key) == []
