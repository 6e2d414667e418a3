"""The compiler page and the compilation pages: status codes, account scoping, escaping."""
from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mockapi.compilations.resources import open_resource
from mockapi.compilations.services import compile_for_account
from mockapi.compilations.store import compilation_get, compilation_list_for_account
from mockapi.demos.catalog import demo_spec
from mockapi.pages.accounts import ACCOUNT_COOKIE, ACCOUNT_COOKIE_MAX_AGE
from tests.pages.conftest import client_for, csrf_post

pytestmark = pytest.mark.django_db

MALICIOUS_SPEC = """\
openapi: 3.0.3
info: {title: "<script>alert(1)</script>", version: "1"}
paths:
  /notes:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/Note"}
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Note"}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Note"}
components:
  schemas:
    Note:
      type: object
      properties:
        id: {type: string}
        "<b>body</b>": {type: string}
"""

BROKEN_SPEC = """\
openapi: 3.0.3
info:
  title: Broken
paths:
  /things/{a}/{b}:
    get: {}
"""


def test_first_visit_sets_a_long_lived_account_cookie(client):
    response = client.get("/")
    assert response.status_code == 200
    cookie = response.cookies[ACCOUNT_COOKIE]
    assert re.fullmatch(r"[0-9a-f-]{36}", cookie.value)
    assert cookie["max-age"] == ACCOUNT_COOKIE_MAX_AGE and cookie["httponly"]
    assert b"Nothing compiled yet" in response.content


def test_known_account_keeps_its_cookie(owner_client):
    response = owner_client.get("/")
    assert ACCOUNT_COOKIE not in response.cookies


def test_invalid_account_cookie_is_replaced(client):
    client.cookies[ACCOUNT_COOKIE] = "not valid!"
    response = client.get("/")
    assert response.cookies[ACCOUNT_COOKIE].value != "not valid!"


def test_home_lists_only_the_accounts_compilations(owner_client, users_demo, other_account):
    compile_for_account(account_id=other_account, text=demo_spec("products").text())
    response = owner_client.get("/")
    body = response.content.decode()
    assert f'data-compilation="{users_demo.id}"' in body
    assert "User Directory" in body and "Product Catalog" not in body
    assert f"/u/{users_demo.id}" in body and f"/compilations/{users_demo.id}/update" in body


def test_home_offers_every_demo_and_loads_one_into_the_editor(owner_client):
    response = owner_client.get("/?demo=tasks-v1")
    body = response.content.decode()
    for name in ("users", "products", "tasks-v1", "tasks-v2", "tasks-v3"):
        assert f'value="{name}"' in body
    assert "Team Tasks" in body  # the spec text is in the textarea


def test_compile_demo_redirects_to_the_new_app(owner_client, owner_account):
    response = csrf_post(owner_client, "/compile", {"source": "demo", "demo": "users"})
    [summary] = compilation_list_for_account(account_id=owner_account)
    assert response.status_code == 302 and response["Location"] == f"/u/{summary.id}"
    assert summary.name == "User Directory"


def test_compile_pasted_text(owner_client, owner_account):
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": demo_spec("products").text()})
    assert response.status_code == 302
    assert [s.name for s in compilation_list_for_account(account_id=owner_account)] == ["Product Catalog"]


def test_compile_uploaded_file_wins_over_the_textarea(owner_client, owner_account):
    upload = SimpleUploadedFile("users.yaml", demo_spec("users").text().encode(), content_type="application/yaml")
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": "ignored", "file": upload})
    assert response.status_code == 302
    assert [s.name for s in compilation_list_for_account(account_id=owner_account)] == ["User Directory"]


def test_compile_errors_show_code_message_pointer_and_line(owner_client, owner_account):
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": BROKEN_SPEC})
    assert response.status_code == 422
    body = response.content.decode()
    assert "OAS_MULTIPLE_PATH_PARAMS" in body and "OAS_INVALID_DOCUMENT" in body
    assert "/paths/~1things~1{a}~1{b}" in body
    assert 'data-line="5"' in body and "  /things/{a}/{b}:" in body
    assert "has several path parameters" in body
    assert "title: Broken" in body  # the text stays in the editor to be fixed
    assert compilation_list_for_account(account_id=owner_account) == []


def test_compile_nothing_is_a_400_with_a_hint(owner_client):
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": "  "})
    assert response.status_code == 400
    assert b"Paste an OpenAPI document" in response.content


def test_uploaded_file_over_the_limit_is_a_413_and_stores_nothing(owner_client, owner_account, settings):
    settings.MAX_REQUEST_BYTES = 1_000
    upload = SimpleUploadedFile("big.yaml", b"openapi: 3.0.3\n" + b"#" * 2_000, content_type="application/yaml")
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": "", "file": upload})
    assert response.status_code == 413
    assert b"limit" in response.content
    assert compilation_list_for_account(account_id=owner_account) == []


def test_pasted_text_over_the_limit_is_a_413_page(owner_client, owner_account, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = csrf_post(owner_client, "/compile", {"source": "text", "openapi": "x" * 2_000})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert compilation_list_for_account(account_id=owner_account) == []


def test_compile_unknown_demo_is_a_400(owner_client):
    response = csrf_post(owner_client, "/compile", {"source": "demo", "demo": "nope"})
    assert response.status_code == 400


def test_compile_without_csrf_token_is_refused(owner_client, owner_account):
    response = owner_client.post("/compile", {"source": "demo", "demo": "users"})
    assert response.status_code == 403
    assert compilation_list_for_account(account_id=owner_account) == []


def test_compile_rejects_get(owner_client):
    assert owner_client.get("/compile").status_code == 405


def test_malicious_title_field_names_and_values_stay_text(owner_client, owner_account, mock_store):
    compilation = compile_for_account(account_id=owner_account, text=MALICIOUS_SPEC)
    open_resource(compilation, "notes", store=mock_store).records.create(
        {"<b>body</b>": "<img src=x onerror=alert(2)>"})
    home = owner_client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in home
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home
    app = owner_client.get(f"/u/{compilation.id}/notes").content.decode()
    assert "<script>alert(1)</script>" not in app and "<b>body</b>" not in app
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in app
    assert "<img" not in app and "&lt;img src=x onerror=alert(2)&gt;" in app
    form = owner_client.get(f"/u/{compilation.id}/notes/new").content.decode()
    assert "<b>body</b>" not in form and "&lt;b&gt;body&lt;/b&gt;" in form


def test_update_page_and_diff_after_a_new_version(owner_client, owner_account):
    v1 = compile_for_account(account_id=owner_account, text=demo_spec("tasks-v1").text())
    assert owner_client.get(f"/compilations/{v1.id}/update").status_code == 200
    before = owner_client.get(f"/compilations/{v1.id}/diff")
    assert b"has not been updated yet" in before.content
    response = csrf_post(owner_client, f"/compilations/{v1.id}/update", {"source": "demo", "demo": "tasks-v2"})
    assert response.status_code == 302 and response["Location"] == f"/compilations/{v1.id}/diff"
    diff = owner_client.get(response["Location"]).content.decode()
    assert "2 breaking" in diff
    assert "Field points changed type from integer to number." in diff
    assert re.search(r'class="diff-item diff-changed diff-breaking" data-kind="field_type_changed"', diff)
    assert 'class="diff-item diff-added" data-kind="field_added"' in diff
    assert compilation_get(compilation_id=v1.id).created_at == v1.created_at


def test_update_with_a_broken_spec_shows_errors_and_keeps_the_old_version(owner_client, users_demo):
    response = csrf_post(owner_client, f"/compilations/{users_demo.id}/update",
                         {"source": "text", "openapi": BROKEN_SPEC})
    assert response.status_code == 422 and b"OAS_MULTIPLE_PATH_PARAMS" in response.content
    assert compilation_get(compilation_id=users_demo.id).name == "User Directory"


def test_delete_asks_then_deletes(owner_client, users_demo):
    confirm = owner_client.get(f"/compilations/{users_demo.id}/delete")
    assert confirm.status_code == 200 and b"Delete compilation" in confirm.content
    response = csrf_post(owner_client, f"/compilations/{users_demo.id}/delete")
    assert response.status_code == 302 and response["Location"] == "/"
    assert compilation_get(compilation_id=users_demo.id) is None
    assert owner_client.get(f"/u/{users_demo.id}").status_code == 404


@pytest.mark.parametrize("path", ["/compilations/{id}/update", "/compilations/{id}/diff",
                                  "/compilations/{id}/delete", "/u/{id}", "/u/{id}/users"])
def test_unknown_compilation_is_a_404_page(owner_client, path):
    response = owner_client.get(path.format(id="nope00000000"))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html") and b"Not found" in response.content


@pytest.mark.parametrize("path", ["/compilations/{id}/update", "/compilations/{id}/diff",
                                  "/compilations/{id}/delete", "/u/{id}", "/u/{id}/users"])
def test_another_accounts_compilation_is_refused(other_client, users_demo, path):
    response = other_client.get(path.format(id=users_demo.id))
    assert response.status_code == 403 and b"Not yours" in response.content


def test_other_account_cannot_delete(other_account, users_demo):
    response = csrf_post(client_for(other_account), f"/compilations/{users_demo.id}/delete")
    assert response.status_code == 403
    assert compilation_get(compilation_id=users_demo.id) is not None


def test_unknown_address_is_a_404_page(owner_client):
    response = owner_client.get("/no/such/page")
    assert response.status_code == 404 and b"Not found" in response.content


def test_storage_outage_renders_the_error_page(owner_client, database_down):
    response = owner_client.get("/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert b"Storage is unavailable" in response.content
