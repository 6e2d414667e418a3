"""The Django admin view of compilations."""
from __future__ import annotations

import pytest

from mockapi.compilations import store


@pytest.fixture
def admin_client_with_rows(admin_client, owner_account, other_account):
    common = dict(api_ir={"api": {"title": "x"}}, diff_from_previous=None, errors=[],
                  openapi_canonical_hash="b" * 64)
    store.compilation_put(compilation_id="pets00000001", account_id=owner_account, name="Pet Store",
                          status="success", specs={"pets": {"title": "Pets <b>"}},
                          resource_names=["Pets", "Owners"], resource_slugs=["pets", "owners"], **common)
    store.compilation_put(compilation_id="todo00000001", account_id=other_account, name="Todo",
                          status="failed", specs={}, resource_names=[], resource_slugs=[], **common)
    return admin_client


def test_changelist_shows_columns_and_resource_count(admin_client_with_rows, owner_account):
    response = admin_client_with_rows.get("/admin/compilations/compilation/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("pets00000001", "Pet Store", owner_account, "todo00000001", "Resources"):
        assert text in content
    assert '<td class="field-resource_count">2</td>' in content


@pytest.mark.parametrize("query", ["Pet Sto", "pets0000", "acct-owner"])
def test_search_by_name_id_or_account(admin_client_with_rows, query):
    content = admin_client_with_rows.get("/admin/compilations/compilation/", {"q": query}).content.decode()
    assert "pets00000001" in content
    assert "todo00000001" not in content


def test_filter_by_status(admin_client_with_rows):
    content = admin_client_with_rows.get("/admin/compilations/compilation/", {"status__exact": "failed"}).content.decode()
    assert "todo00000001" in content
    assert "pets00000001" not in content


def test_detail_shows_pretty_escaped_json_read_only(admin_client_with_rows):
    response = admin_client_with_rows.get("/admin/compilations/compilation/pets00000001/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<pre class="rapidui-json">{\n  &quot;pets&quot;: {\n    &quot;title&quot;: &quot;Pets &lt;b&gt;&quot;' in content
    assert 'name="specs"' not in content  # no editable widget
    assert 'name="_save"' not in content


def test_admin_cannot_change_a_compilation(admin_client_with_rows):
    response = admin_client_with_rows.post("/admin/compilations/compilation/pets00000001/change/", {"name": "x"})
    assert response.status_code == 403
    assert store.compilation_get(compilation_id="pets00000001").name == "Pet Store"
