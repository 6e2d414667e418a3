"""ResourceRecords: the create/read/replace/merge/delete service the mock API calls."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from mockapi.errors import Conflict, NotFound, Unprocessable
from mockapi.mock import (
    CollectionKey, InMemoryMockStore, ListQuery, RecordConflict, RecordInvalid, RecordNotFound,
    ResourceRecords, ResourceSchema, merge_patch,
)

TASK = {
    "type": "object",
    "required": ["id", "title", "meta"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "title": {"type": "string", "minLength": 1},
        "done": {"type": "boolean"},
        "secret": {"type": "string", "readOnly": True},
        "owner": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}},
        },
        "createdAt": {"type": "string", "format": "date-time", "readOnly": True},
        "meta": {
            "type": "object",
            "properties": {
                "updated_at": {"type": "string", "format": "date-time", "readOnly": True},
                "source": {"type": "string"},
            },
        },
    },
}
TASK_WRITE = {**TASK, "required": ["title"]}
TASKS = ResourceSchema("id", TASK, TASK_WRITE, None)

NOTE = {
    "type": "object",
    "required": ["id", "text"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "text": {"type": "string"},
        "updatedAt": {"type": "string", "format": "date-time"},
    },
}
NOTES = ResourceSchema("id", NOTE, NOTE, {**NOTE, "required": ["text"]})

T0 = datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)


class FakeClock:
    """Returns T0, then a minute later on each ``advance()``."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self) -> None:
        self.now += timedelta(minutes=1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def tasks(clock: FakeClock) -> ResourceRecords:
    return ResourceRecords(InMemoryMockStore(), CollectionKey("acct", "comp", "tasks"), TASKS,
                           clock=clock)


def error_pointers(caught: pytest.ExceptionInfo[RecordInvalid]) -> list[str]:
    return [error["jsonPointer"] for error in caught.value.errors]


def test_create_assigns_integer_id_and_timestamps_at_any_depth_inside_objects_sent(tasks):
    first = tasks.create({"title": "Write", "meta": {"source": "ui"}})
    second = tasks.create({"title": "Test"})
    assert first == {
        "id": 1, "title": "Write", "meta": {"source": "ui", "updated_at": "2024-01-02T03:04:05.678Z"},
        "createdAt": "2024-01-02T03:04:05.678Z",
    }
    assert second["id"] == 2
    assert "meta" not in second
    assert tasks.get("2") == second


def test_create_with_naive_clock_treats_it_as_utc():
    records = ResourceRecords(InMemoryMockStore(), CollectionKey("a", "d", "tasks"), TASKS,
                              clock=lambda: datetime(2024, 6, 1, 12, 0))
    assert records.create({"title": "x"})["createdAt"] == "2024-06-01T12:00:00.000Z"


def test_create_ignores_read_only_fields_but_keeps_a_client_id(tasks):
    record = tasks.create({"id": 40, "title": "x", "secret": "s", "createdAt": "1999-01-01T00:00:00Z"})
    assert record["id"] == 40
    assert "secret" not in record
    assert record["createdAt"] == "2024-01-02T03:04:05.678Z"
    assert tasks.create({"title": "y"})["id"] == 41


def test_create_with_taken_id_is_a_conflict(tasks):
    tasks.create({"id": 5, "title": "x"})
    with pytest.raises(RecordConflict) as caught:
        tasks.create({"id": 5, "title": "y"})
    assert isinstance(caught.value, Conflict) and caught.value.status == 409
    assert caught.value.code == "conflict"
    assert len(tasks.list(ListQuery())[0]) == 1


def test_create_rejects_client_id_of_the_wrong_type(tasks):
    with pytest.raises(RecordInvalid) as caught:
        tasks.create({"id": "abc", "title": "x"})
    assert error_pointers(caught) == ["/id"]


def test_create_reports_every_error_and_stores_nothing(tasks):
    with pytest.raises(RecordInvalid) as caught:
        tasks.create({"title": "", "done": "yes", "owner": {"email": "nope"}})
    assert isinstance(caught.value, Unprocessable) and caught.value.status == 422
    assert error_pointers(caught) == ["/done", "/owner/email", "/title"]
    assert caught.value.errors[0].keys() == {"message", "jsonPointer"}
    assert tasks.list(ListQuery()) == ([], 0)


@pytest.mark.parametrize("body", [["title"], "title", None, 1])
def test_body_that_is_not_an_object_is_invalid(tasks, body):
    with pytest.raises(RecordInvalid) as caught:
        tasks.create(body)
    assert error_pointers(caught) == [""]


def test_create_assigns_uuid_when_required_id_is_missing(clock):
    notes = ResourceRecords(InMemoryMockStore(), CollectionKey("a", "d", "notes"), NOTES, clock=clock)
    note = notes.create({"text": "hi"})
    assert len(note["id"]) == 36
    assert note["updatedAt"] == "2024-01-02T03:04:05.678Z"


def test_string_ids_without_format_are_twelve_characters(clock):
    schema = ResourceSchema("slug", {"properties": {"slug": {"type": "string"}}}, None, None)
    records = ResourceRecords(InMemoryMockStore(), CollectionKey("a", "d", "x"), schema, clock=clock)
    assert len(records.create({})["slug"]) == 12


def test_replace_keeps_id_and_created_at_and_bumps_updated_at(tasks, clock):
    created = tasks.create({"title": "Write", "done": False, "owner": {"name": "Ada"}})
    clock.advance()
    replaced = tasks.replace("1", {"id": 99, "title": "Rewrite", "createdAt": "1999-01-01T00:00:00Z"})
    assert replaced == {
        "id": 1, "title": "Rewrite", "createdAt": created["createdAt"],
    }
    assert tasks.get("1") == replaced


def test_replace_validates_the_new_record_and_leaves_the_old_one_on_failure(tasks):
    created = tasks.create({"title": "Write"})
    with pytest.raises(RecordInvalid) as caught:
        tasks.replace("1", {"done": True})
    assert error_pointers(caught) == ["/title"]
    assert tasks.get("1") == created


def test_replace_of_missing_record_is_not_found(tasks):
    with pytest.raises(RecordNotFound):
        tasks.replace("7", {"title": "x"})


def test_merge_patches_nested_fields_and_null_deletes(tasks, clock):
    tasks.create({"title": "Write", "done": False, "owner": {"name": "Ada", "email": "a@b.co"}})
    clock.advance()
    merged = tasks.merge("1", {"done": True, "owner": {"email": None}, "id": 5, "secret": "s"})
    assert merged == {
        "id": 1, "title": "Write", "done": True, "owner": {"name": "Ada"},
        "createdAt": "2024-01-02T03:04:05.678Z",
    }
    assert tasks.get("1") == merged


def test_merge_validates_the_merged_record_and_failure_leaves_it_unchanged(tasks):
    created = tasks.create({"title": "Write", "owner": {"name": "Ada"}})
    with pytest.raises(RecordInvalid) as caught:
        tasks.merge("1", {"title": None, "owner": {"email": "nope"}})
    assert error_pointers(caught) == ["/owner/email", "/title"]
    assert tasks.get("1") == created


def test_merge_uses_update_schema_with_required_enforced(clock):
    notes = ResourceRecords(InMemoryMockStore(), CollectionKey("a", "d", "notes"), NOTES, clock=clock)
    note = notes.create({"text": "hi"})
    with pytest.raises(RecordInvalid) as caught:
        notes.merge(note["id"], {"text": None})
    assert error_pointers(caught) == ["/text"]


def test_concurrent_merges_of_different_fields_all_survive(tasks):
    tasks.create({"title": "Write"})
    start = threading.Barrier(10)

    def patch(index: int) -> None:
        start.wait()
        for round_ in range(10):
            tasks.merge("1", {"owner": {f"f{index}": round_}, f"top{index}": index})

    threads = [threading.Thread(target=patch, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    record = tasks.get("1")
    assert record["owner"] == {f"f{i}": 9 for i in range(10)}
    assert all(record[f"top{i}"] == i for i in range(10))


def test_merge_of_missing_record_is_not_found(tasks):
    with pytest.raises(RecordNotFound):
        tasks.merge("1", {"title": "x"})


def test_delete_then_get_is_not_found(tasks):
    tasks.create({"title": "Write"})
    tasks.delete("1")
    with pytest.raises(RecordNotFound) as caught:
        tasks.get("1")
    assert isinstance(caught.value, NotFound) and caught.value.status == 404
    with pytest.raises(RecordNotFound):
        tasks.delete("1")


def test_list_applies_the_query_and_counts_matches(tasks):
    for title in ["b", "a", "c"]:
        tasks.create({"title": title, "done": title != "a"})
    query = ListQuery.from_params({"done": ["true"], "_sort": ["title"], "_limit": ["1"]})
    page, total = tasks.list(query)
    assert [r["title"] for r in page] == ["b"]
    assert total == 2


def test_collections_are_separated_by_key(clock):
    store = InMemoryMockStore()
    mine = ResourceRecords(store, CollectionKey("acct", "comp", "tasks"), TASKS, clock=clock)
    theirs = ResourceRecords(store, CollectionKey("other", "comp", "tasks"), TASKS, clock=clock)
    mine.create({"title": "mine"})
    assert theirs.list(ListQuery()) == ([], 0)
    with pytest.raises(RecordNotFound):
        theirs.get("1")


def test_merge_patch_follows_rfc_7386():
    assert merge_patch({"a": "b", "c": {"d": "e", "f": "g"}}, {"a": "z", "c": {"f": None}}) == \
        {"a": "z", "c": {"d": "e"}}
    assert merge_patch({"a": [1, 2]}, {"a": [3]}) == {"a": [3]}
    assert merge_patch({"a": "b"}, {"a": {"x": None, "y": 1}}) == {"a": {"y": 1}}
