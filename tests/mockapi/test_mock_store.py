"""The in-memory mock store: copies, ids, atomic updates, seeding, clearing."""
from __future__ import annotations

import subprocess
import sys
import threading
import uuid

import pytest

from mockapi.mock import (
    CollectionKey, DuplicateRecordId, InMemoryMockStore, MockStore, ResourceSchema,
    get_mock_store, new_id_factory, set_mock_store,
)

USERS = CollectionKey("acct-1", "comp-1", "users")


def integer_ids(existing: list[dict]) -> int:
    return max((r["id"] for r in existing), default=0) + 1


def run_in_threads(count: int, target) -> None:
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(index: int) -> None:
        start.wait()
        try:
            target(index)
        except BaseException as error:  # surfaced below, on the test's thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_in_memory_store_satisfies_the_protocol():
    assert isinstance(InMemoryMockStore(), MockStore)


def test_insert_assigns_missing_id_first_and_returns_a_copy():
    store = InMemoryMockStore()
    record = store.insert(USERS, {"name": "Ada"}, id_field="id", new_id=integer_ids)
    assert record == {"id": 1, "name": "Ada"}
    assert list(record) == ["id", "name"]
    record["name"] = "changed"
    assert store.get(USERS, "1") == {"id": 1, "name": "Ada"}


def test_insert_keeps_a_supplied_id_and_rejects_a_duplicate_compared_as_string():
    store = InMemoryMockStore()
    store.insert(USERS, {"id": 7}, id_field="id", new_id=integer_ids)
    with pytest.raises(DuplicateRecordId):
        store.insert(USERS, {"id": "7"}, id_field="id", new_id=integer_ids)
    assert store.all(USERS) == [{"id": 7}]


def test_stored_records_are_isolated_from_caller_mutation():
    store = InMemoryMockStore()
    body = {"id": "a", "tags": ["x"]}
    store.insert(USERS, body, id_field="id", new_id=integer_ids)
    body["tags"].append("y")
    store.all(USERS)[0]["tags"].append("z")
    assert store.get(USERS, "a") == {"id": "a", "tags": ["x"]}


def test_all_keeps_insertion_order_and_unknown_collection_is_empty():
    store = InMemoryMockStore()
    for name in ["c", "a", "b"]:
        store.insert(USERS, {"id": name}, id_field="id", new_id=integer_ids)
    assert [r["id"] for r in store.all(USERS)] == ["c", "a", "b"]
    assert store.all(CollectionKey("acct-1", "comp-1", "tasks")) == []


def test_get_uses_the_given_id_field():
    store = InMemoryMockStore()
    store.insert(USERS, {"sku": 12, "id": "other"}, id_field="sku", new_id=integer_ids)
    assert store.get(USERS, "12", id_field="sku") == {"sku": 12, "id": "other"}
    assert store.get(USERS, "12") is None


def test_replace_keeps_position_and_returns_none_when_missing():
    store = InMemoryMockStore()
    for name in ["a", "b", "c"]:
        store.insert(USERS, {"id": name}, id_field="id", new_id=integer_ids)
    assert store.replace(USERS, "b", {"id": "b", "v": 2}) == {"id": "b", "v": 2}
    assert store.all(USERS) == [{"id": "a"}, {"id": "b", "v": 2}, {"id": "c"}]
    assert store.replace(USERS, "zz", {"id": "zz"}) is None


def test_update_failing_change_leaves_record_untouched():
    store = InMemoryMockStore()
    store.insert(USERS, {"id": "a", "v": 1}, id_field="id", new_id=integer_ids)

    def change(record: dict) -> dict:
        record["v"] = 99
        raise ValueError("no")

    with pytest.raises(ValueError):
        store.update(USERS, "a", change)
    assert store.get(USERS, "a") == {"id": "a", "v": 1}
    assert store.update(USERS, "missing", lambda r: r) is None


def test_delete_reports_whether_the_record_existed():
    store = InMemoryMockStore()
    store.insert(USERS, {"id": 1}, id_field="id", new_id=integer_ids)
    assert store.delete(USERS, "1") is True
    assert store.delete(USERS, "1") is False
    assert store.get(USERS, "1") is None


def test_seed_once_seeds_only_once_even_after_everything_is_deleted():
    store = InMemoryMockStore()
    calls = []

    def seeds() -> list[dict]:
        calls.append(1)
        return [{"id": 1}, {"id": 2}]

    store.seed_once(USERS, seeds)
    store.seed_once(USERS, seeds)
    assert store.all(USERS) == [{"id": 1}, {"id": 2}]
    store.delete(USERS, "1")
    store.delete(USERS, "2")
    store.seed_once(USERS, seeds)
    assert store.all(USERS) == []
    assert len(calls) == 1


def test_seed_once_that_fails_can_be_retried():
    store = InMemoryMockStore()

    def broken() -> list[dict]:
        raise RuntimeError("fixture missing")

    with pytest.raises(RuntimeError):
        store.seed_once(USERS, broken)
    store.seed_once(USERS, lambda: [{"id": 1}])
    assert store.all(USERS) == [{"id": 1}]


def test_clear_drops_only_that_account_and_data_key_and_forgets_seeding():
    store = InMemoryMockStore()
    tasks = CollectionKey("acct-1", "comp-1", "tasks")
    other_data = CollectionKey("acct-1", "comp-2", "users")
    other_account = CollectionKey("acct-2", "comp-1", "users")
    for key in (USERS, tasks, other_data, other_account):
        store.seed_once(key, lambda: [{"id": 1}])

    store.clear("acct-1", "comp-1")

    assert store.all(USERS) == [] and store.all(tasks) == []
    assert store.all(other_data) == [{"id": 1}]
    assert store.all(other_account) == [{"id": 1}]
    store.seed_once(USERS, lambda: [{"id": "again"}])
    assert store.all(USERS) == [{"id": "again"}]


@pytest.mark.parametrize("id_type", [{"type": "integer"}, {"type": "string", "format": "uuid"}])
def test_parallel_inserts_lose_nothing_and_never_duplicate_an_id(id_type):
    store = InMemoryMockStore()
    new_id = new_id_factory(ResourceSchema("id", {"properties": {"id": id_type}}, None, None))

    def create_fifty(thread: int) -> None:
        for n in range(50):
            store.insert(USERS, {"thread": thread, "n": n}, id_field="id", new_id=new_id)

    run_in_threads(20, create_fifty)

    records = store.all(USERS)
    assert len(records) == 1000
    assert len({str(r["id"]) for r in records}) == 1000
    assert {(r["thread"], r["n"]) for r in records} == {(t, n) for t in range(20) for n in range(50)}
    if id_type["type"] == "integer":
        assert sorted(r["id"] for r in records) == list(range(1, 1001))
    else:
        assert all(uuid.UUID(r["id"]) for r in records)


def test_concurrent_updates_of_different_fields_all_survive():
    store = InMemoryMockStore()
    store.insert(USERS, {"id": "a"}, id_field="id", new_id=integer_ids)

    def set_field(index: int) -> None:
        for _ in range(20):
            store.update(USERS, "a", lambda r: {**r, f"f{index}": index})

    run_in_threads(20, set_field)
    assert store.get(USERS, "a") == {"id": "a", **{f"f{i}": i for i in range(20)}}


def test_set_mock_store_swaps_the_process_store_and_returns_the_previous():
    original = get_mock_store()
    assert get_mock_store() is original
    replacement = InMemoryMockStore()
    try:
        assert set_mock_store(replacement) is original
        assert get_mock_store() is replacement
    finally:
        assert set_mock_store(original) is replacement
    assert get_mock_store() is original


def test_mock_package_does_not_import_the_compiler():
    code = "import sys, mockapi.mock; print(sorted(m for m in sys.modules if m.split('.')[0] == 'compiler'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_slow_write_in_one_collection_does_not_hold_up_another():
    store = InMemoryMockStore()
    other = CollectionKey("acct-2", "comp-2", "users")
    store.insert(USERS, {"id": 1}, id_field="id", new_id=integer_ids)
    store.insert(other, {"id": 1, "name": "elsewhere"}, id_field="id", new_id=integer_ids)
    writing, release = threading.Event(), threading.Event()

    def slow_change(record: dict) -> dict:
        writing.set()
        release.wait(timeout=10)
        return {**record, "done": True}

    writer = threading.Thread(target=lambda: store.update(USERS, "1", slow_change))
    writer.start()
    writing.wait(timeout=10)
    reader_result: list[list[dict]] = []
    reader = threading.Thread(target=lambda: reader_result.append(store.all(other)))
    reader.start()
    reader.join(timeout=2)
    finished_while_writing = not reader.is_alive()
    release.set()
    writer.join()
    reader.join()

    assert finished_while_writing
    assert reader_result == [[{"id": 1, "name": "elsewhere"}]]
    assert store.get(USERS, "1") == {"id": 1, "done": True}
