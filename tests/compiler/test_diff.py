"""diff_compilations over Team Tasks v1 → v2 → v3, plus synthetic edits for the remaining change kinds."""
from __future__ import annotations

import functools

from compiler import compile_openapi, diff_compilations

from tests.compiler.helpers import demo_text


@functools.cache
def specs(name, *edits):
    text = demo_text(name)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    result = compile_openapi(text)
    assert result.ok, result.errors_json()
    return result.specs


def changes(before, after):
    return {(c["kind"], c["resource"], c["field"]): c["breaking"] for c in diff_compilations(before, after)["changes"]}


def test_same_version_has_no_changes():
    diff = diff_compilations(specs("tasks-v1"), specs("tasks-v1"))
    assert diff == {"hasBreakingChanges": False, "summary": {"breaking": 0, "nonBreaking": 0, "total": 0},
                    "changes": []}


def test_v1_to_v2_adds_fields_without_breaking_and_narrows_types_breaking():
    found = changes(specs("tasks-v1"), specs("tasks-v2"))
    assert found[("field_added", "tasks", "priority")] is False
    assert found[("field_added", "tasks", "description")] is False
    assert found[("field_added", "users", "avatarUrl")] is False
    assert found[("field_added", "users", "timezone")] is False
    assert found[("field_type_changed", "tasks", "points")] is True
    assert found[("field_type_changed", "users", "role")] is True
    assert {kind for kind, _, _ in found} == {"field_added", "field_type_changed", "table_changed", "form_changed",
                                              "filters_changed"}
    assert found[("table_changed", "tasks", None)] is False


def test_v1_to_v2_type_change_records_before_and_after():
    change = next(c for c in diff_compilations(specs("tasks-v1"), specs("tasks-v2"))["changes"]
                  if c["kind"] == "field_type_changed" and c["field"] == "role")
    assert (change["before"], change["after"]) == ("string", "enum")


def test_v2_to_v3_removals_and_new_requirements_break_and_a_new_resource_does_not():
    diff = diff_compilations(specs("tasks-v2"), specs("tasks-v3"))
    found = changes(specs("tasks-v2"), specs("tasks-v3"))
    assert found[("resource_added", "projects", None)] is False
    assert found[("field_removed", "tasks", "done")] is True
    assert found[("field_removed", "users", "phone")] is True
    assert found[("field_required_changed", "tasks", "priority")] is True
    assert found[("field_added", "tasks", "status")] is False
    assert found[("field_added", "tasks", "estimate")] is False
    assert found[("field_added", "tasks", "labels")] is False
    assert found[("field_added", "tasks", "projectId")] is False
    assert diff["hasBreakingChanges"] is True
    assert diff["summary"] == {"breaking": 3, "nonBreaking": 11, "total": 14}


def test_v1_to_v3_field_added_as_required_is_breaking():
    found = changes(specs("tasks-v1"), specs("tasks-v3"))
    assert found[("field_added", "tasks", "priority")] is True
    assert found[("field_added", "tasks", "status")] is False


def test_reverse_direction_removes_a_resource_breaking():
    found = changes(specs("tasks-v3"), specs("tasks-v2"))
    assert found[("resource_removed", "projects", None)] is True
    assert found[("field_required_changed", "tasks", "priority")] is False
    assert found[("field_added", "tasks", "done")] is False


def test_enum_options_removed_is_breaking_and_added_is_not():
    base = specs("tasks-v3")
    fewer = specs("tasks-v3", ("enum: [todo, doing, done]", "enum: [todo, done]"))
    more = specs("tasks-v3", ("enum: [todo, doing, done]", "enum: [todo, doing, review, done]"))
    assert changes(base, fewer)[("field_options_changed", "tasks", "status")] is True
    assert changes(base, more)[("field_options_changed", "tasks", "status")] is False


def test_nested_field_changes_are_named_by_dotted_path():
    edited = specs("tasks-v3", ("            confidence:\n              type: string\n              enum: [low, medium, high]",
                                "            confidence:\n              type: string\n              enum: [low, high]"))
    assert changes(specs("tasks-v3"), edited) == {("field_options_changed", "tasks", "estimate.confidence"): True}


def test_array_item_changes_are_named_with_brackets():
    edited = specs("tasks-v3", ("          items:\n            type: string\n            maxLength: 30",
                                "          items:\n            type: integer"))
    assert changes(specs("tasks-v3"), edited)[("field_type_changed", "tasks", "labels[].items")] is True


def test_operation_removed_breaks_and_label_only_changes_do_not():
    no_delete = specs("tasks-v1", ("    delete:\n      operationId: deleteTask", "    x-delete:\n      operationId: deleteTask"))
    assert changes(specs("tasks-v1"), no_delete) == {("operation_removed", "tasks", None): True}
    relabelled = specs("tasks-v1", ("        dueDate:\n", "        dueDate:\n          title: Deadline\n"))
    assert changes(specs("tasks-v1"), relabelled) == {("field_label_changed", "tasks", "dueDate"): False}


def test_screen_changes_name_what_was_added_and_removed():
    diff = diff_compilations(specs("tasks-v2"), specs("tasks-v3"))
    table = next(c for c in diff["changes"] if c["kind"] == "table_changed" and c["resource"] == "tasks")

    removed = [name for name in table["before"] if name not in table["after"]]
    added = [name for name in table["after"] if name not in table["before"]]
    assert table["message"].startswith("Table columns: ")
    assert all(name in table["message"] for name in removed + added)
    assert ("added " in table["message"]) == bool(added) and ("removed " in table["message"]) == bool(removed)
