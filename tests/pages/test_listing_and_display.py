"""The table's query string, list queries and cell text (no database)."""
from __future__ import annotations

from mockapi.pages.diffs import group_changes
from mockapi.pages.display import cell_text
from mockapi.pages.listing import ListState

SPEC = {
    "filters": [
        {"field": "role", "label": "Role", "type": "enum", "options": ["admin", "viewer"]},
        {"field": "active", "label": "Active", "type": "boolean"},
        {"field": "name", "label": "Name", "type": "string"},
    ],
    "table": {"columns": [{"field": "name", "label": "Name", "type": "string"}]},
}
RECORDS = [
    {"name": "a.b", "role": "admin", "active": True},
    {"name": "axb", "role": "viewer", "active": True},
    {"name": "c", "role": "admin", "active": False},
]


def test_state_ignores_unknown_filters_and_bad_values():
    state = ListState.from_params({"f.role": "admin", "f.secret": "x", "sort": "password", "page": "zz",
                                   "order": "sideways"}, SPEC)
    assert state.filters == {"role": "admin"}
    assert (state.sort, state.order, state.page) == ("", "asc", 1)


def test_text_filters_match_literally_not_as_regex():
    state = ListState.from_params({"f.name": "a.b"}, SPEC)
    page, total = state.list_query(SPEC).apply(RECORDS)
    assert [record["name"] for record in page] == ["a.b"] and total == 1


def test_enum_and_boolean_filters_are_equality():
    state = ListState.from_params({"f.role": "admin", "f.active": "true"}, SPEC)
    page, _ = state.list_query(SPEC).apply(RECORDS)
    assert [record["name"] for record in page] == ["a.b"]


def test_sort_links_toggle_order_and_keep_filters():
    state = ListState.from_params({"f.role": "admin", "sort": "name", "order": "asc", "page": "2"}, SPEC)
    [header] = state.column_headers(SPEC["table"]["columns"])
    assert header["sorted"] == "asc"
    assert header["sort_url"] == "?sort=name&order=desc&f.role=admin"
    assert state.query_string(page=3) == "?sort=name&order=asc&f.role=admin&page=3"


def test_cell_text_makes_nested_values_readable():
    assert cell_text({"city": "Oslo", "zip": None, "geo": {"lat": 1}}) == "city: Oslo, geo: lat: 1"
    assert cell_text(["a", 2, True]) == "a, 2, Yes"
    assert cell_text(None) == "—" and cell_text([]) == "—"


def test_group_changes_by_resource_breaking_first():
    groups = group_changes([
        {"kind": "field_added", "resource": "tasks", "breaking": False},
        {"kind": "field_removed", "resource": "users", "breaking": True},
        {"kind": "field_type_changed", "resource": "tasks", "breaking": True},
    ])
    assert [(group["resource"], group["breaking"]) for group in groups] == [("tasks", 1), ("users", 1)]
    assert [change["category"] for change in groups[0]["changes"]] == ["changed", "added"]
    assert groups[1]["changes"][0]["category"] == "removed"
