"""The generated app's pages: table, filters, sort, pages, create/edit/delete forms."""
from __future__ import annotations

import re

import pytest

from mockapi.compilations.resources import open_resource
from mockapi.mock import ListQuery
from tests.pages.conftest import csrf_post

pytestmark = pytest.mark.django_db

VALID_USER = {
    "firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com", "active": "on",
    "role": "admin", "birthDate": "1906-12-09", "address.city": "Arlington", "address.country": "US",
    "skills": "COBOL\nCompilers",
}


def users_records(compilation, store):
    return open_resource(compilation, "users", store=store).records


def row_ids(html: str) -> list[str]:
    return re.findall(r'data-record-id="([^"]+)"', html)


def test_app_lands_on_the_first_resource(owner_client, users_demo):
    response = owner_client.get(f"/u/{users_demo.id}")
    assert response.status_code == 302
    assert response["Location"] == f"/u/{users_demo.id}/{users_demo.resource_slugs[0]}"


def test_table_shows_the_spec_columns_navigation_and_a_page_of_records(owner_client, users_demo):
    response = owner_client.get(f"/u/{users_demo.id}/users")
    body = response.content.decode()
    assert response.status_code == 200
    for label in ("First name", "Last name", "Email", "Active", "Birth date", "Role"):
        assert f">{label}<" in body
    assert f'href="/u/{users_demo.id}/teams"' in body and 'aria-current="page"' in body
    assert len(row_ids(body)) == 10
    assert "Page 1 of 2" in body and 'rel="next"' in body
    assert "Amara" in body


def test_second_page_has_the_rest(owner_client, users_demo):
    body = owner_client.get(f"/u/{users_demo.id}/users?page=2").content.decode()
    assert len(row_ids(body)) == 4 and "Page 2 of 2" in body


def test_page_past_the_end_redirects_to_the_last(owner_client, users_demo):
    response = owner_client.get(f"/u/{users_demo.id}/users?page=9")
    assert response.status_code == 302 and response["Location"].endswith("page=2")


def test_nested_values_are_readable(owner_client, users_demo):
    body = owner_client.get(f"/u/{users_demo.id}/teams").content.decode()
    assert "[" not in re.sub(r"<[^>]+>", "", body.split("<tbody>")[1].split("</tbody>")[0])


def test_sort_by_column(owner_client, users_demo, mock_store):
    records = users_records(users_demo, mock_store)
    expected, _ = records.list(ListQuery.from_params({"_sort": ["firstName"], "_order": ["desc"], "_limit": ["10"]}))
    body = owner_client.get(f"/u/{users_demo.id}/users?sort=firstName&order=desc").content.decode()
    assert row_ids(body) == [record["id"] for record in expected]
    assert 'aria-sort="descending"' in body


def test_filters_from_the_spec(owner_client, users_demo, mock_store):
    body = owner_client.get(f"/u/{users_demo.id}/users").content.decode()
    assert 'name="f.role"' in body and '<option value="admin"' in body
    assert 'name="f.active"' in body and 'name="f.firstName"' in body
    filtered = owner_client.get(f"/u/{users_demo.id}/users?f.role=admin&f.active=true").content.decode()
    admins, _ = users_records(users_demo, mock_store).list(
        ListQuery.from_params({"role": ["admin"], "active": ["true"]}))
    assert sorted(row_ids(filtered)) == sorted(record["id"] for record in admins) and admins
    searched = owner_client.get(f"/u/{users_demo.id}/users?f.firstName=amar").content.decode()
    assert len(row_ids(searched)) == 1
    nothing = owner_client.get(f"/u/{users_demo.id}/users?q=zzzz-no-match").content.decode()
    assert row_ids(nothing) == [] and "match these filters" in nothing


def test_create_form_is_built_from_the_uispec(owner_client, users_demo):
    response = owner_client.get(f"/u/{users_demo.id}/users/new")
    body = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'for="field-firstName">First name <span class="required"', body)
    assert '<select id="field-role" name="role"' in body
    assert '<input type="checkbox" id="field-active" name="active" value="on" checked' in body
    assert '<input type="date" id="field-birthDate" name="birthDate"' in body
    assert '<input type="email" id="field-email"' in body
    assert "<legend>Address</legend>" in body and 'name="address.city"' in body
    assert '<textarea id="field-bio" name="bio"' in body and '<textarea id="field-skills" name="skills"' in body
    assert re.search(r'<input type="text" id="field-id" value="" readonly disabled', body)
    assert 'name="id"' not in body


def test_create_saves_typed_json_and_returns_to_the_table(owner_client, users_demo, mock_store):
    response = csrf_post(owner_client, f"/u/{users_demo.id}/users/new", VALID_USER)
    assert response.status_code == 302 and response["Location"] == f"/u/{users_demo.id}/users"
    [grace], _ = users_records(users_demo, mock_store).list(ListQuery.from_params({"email": ["grace@example.com"]}))
    assert grace["active"] is True and grace["skills"] == ["COBOL", "Compilers"]
    assert grace["address"] == {"city": "Arlington", "country": "US"}
    table = owner_client.get(response["Location"]).content.decode()
    assert "Created User" in table


def test_create_with_invalid_values_shows_errors_next_to_fields(owner_client, users_demo, mock_store):
    data = {**VALID_USER, "firstName": "", "email": "not-an-email", "address.country": "usa"}
    response = csrf_post(owner_client, f"/u/{users_demo.id}/users/new", data)
    body = response.content.decode()
    assert response.status_code == 422
    assert re.search(r'id="field-firstName-errors"><li>[^<]*required', body)
    assert re.search(r'id="field-email-errors"><li>[^<]*email', body)
    assert 'id="field-address-country-errors"' in body
    assert 'value="usa"' in body and 'value="Grace"' not in body  # the input is kept as typed
    _, total = users_records(users_demo, mock_store).list(ListQuery())
    assert total == 14


def test_create_with_unreadable_number_is_reported_without_saving(owner_client, owner_account, mock_store):
    from mockapi.compilations.services import compile_for_account
    from mockapi.demos.catalog import demo_spec

    tasks = compile_for_account(account_id=owner_account, text=demo_spec("tasks-v1").text())
    response = csrf_post(owner_client, f"/u/{tasks.id}/tasks/new", {"title": "Write docs", "points": "lots"})
    assert response.status_code == 422 and b"Enter a whole number." in response.content


def test_edit_form_is_prefilled_and_saves(owner_client, users_demo, mock_store):
    records = users_records(users_demo, mock_store)
    [user], _ = records.list(ListQuery.from_params({"_sort": ["firstName"], "_limit": ["1"]}))
    url = f"/u/{users_demo.id}/users/{user['id']}/edit"
    form = owner_client.get(url).content.decode()
    assert f'value="{user["firstName"]}"' in form and f'value="{user["id"]}" readonly disabled' in form
    response = csrf_post(owner_client, url, {**VALID_USER, "firstName": "Renamed", "bio": ""})
    assert response.status_code == 302
    saved = records.get(user["id"])
    assert saved["firstName"] == "Renamed" and "bio" not in saved
    assert saved["createdAt"] == user["createdAt"]


def test_edit_with_invalid_values_keeps_the_record(owner_client, users_demo, mock_store):
    records = users_records(users_demo, mock_store)
    [user], _ = records.list(ListQuery.from_params({"_limit": ["1"]}))
    response = csrf_post(owner_client, f"/u/{users_demo.id}/users/{user['id']}/edit", {**VALID_USER, "email": "x"})
    assert response.status_code == 422
    assert records.get(user["id"]) == user


def test_delete_record_asks_then_deletes(owner_client, users_demo, mock_store):
    records = users_records(users_demo, mock_store)
    [user], _ = records.list(ListQuery.from_params({"_limit": ["1"]}))
    url = f"/u/{users_demo.id}/users/{user['id']}/delete"
    confirm = owner_client.get(url)
    assert confirm.status_code == 200 and user["email"].encode() in confirm.content
    response = csrf_post(owner_client, url)
    assert response.status_code == 302
    _, total = records.list(ListQuery())
    assert total == 13
    assert owner_client.get(url).status_code == 404


def test_record_forms_need_csrf(owner_client, users_demo):
    assert owner_client.post(f"/u/{users_demo.id}/users/new", VALID_USER).status_code == 403


@pytest.mark.parametrize("path", ["/u/{id}/nope", "/u/{id}/nope/new", "/u/{id}/users/missing/edit",
                                  "/u/{id}/users/missing/delete"])
def test_unknown_resource_or_record_is_a_404_page(owner_client, users_demo, path):
    response = owner_client.get(path.format(id=users_demo.id))
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_other_account_cannot_create(other_client, users_demo, mock_store):
    response = csrf_post(other_client, f"/u/{users_demo.id}/users/new", VALID_USER)
    assert response.status_code == 403
