"""The mock data store: records per (account, data key, resource) collection.

Views and services receive a ``MockStore`` object instead of reaching for a
module-level dict, so tests (and a later Postgres-backed store) swap the object
rather than patching internals. ``get_mock_store()`` hands out the process-wide
default; ``set_mock_store()`` replaces it.

Contract shared by every implementation:

- Records are plain JSON-compatible dicts. Every method returns deep copies
  and stores deep copies, so callers can never mutate stored state by accident.
- Record ids are compared as strings (``str(record[id_field]) ==
  str(record_id)``): URL ids are strings while schemas may use integer ids.
- Collections keep insertion order; ``replace``/``update`` keep a record's
  position.
- Each method is atomic with respect to every other method on the same collection.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol, runtime_checkable

from mockapi.errors import Conflict

NewId = Callable[[list[dict]], "str | int"]


def clone_json(value: Any) -> Any:
    """A deep copy of JSON data (dicts, lists, scalars); several times faster than ``copy.deepcopy``."""
    if isinstance(value, dict):
        return {key: clone_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clone_json(item) for item in value]
    return value


MAX_RECORDS_PER_COLLECTION = 10_000


class CollectionFull(Conflict):
    """A collection holds as many records as one in-memory store allows; memory is not unbounded."""

    code = "collection_full"

    def __init__(self, limit: int):
        super().__init__(f"This collection already holds {limit:,} records, the most a mock keeps; delete some first.")


@dataclass(frozen=True)
class CollectionKey:
    """Identifies one collection: a resource's records in one account's data set."""

    account_id: str
    data_key: str
    resource: str


class DuplicateRecordId(Exception):
    """``insert`` was given a record whose id already exists in the collection."""

    def __init__(self, record_id: str | int):
        self.record_id = record_id
        super().__init__(f"A record with id {record_id!r} already exists.")


@runtime_checkable
class MockStore(Protocol):
    """What the mock REST API needs from a record store (see the module docstring).

    ``id_field`` on the lookup methods names the record's id property; it
    defaults to ``"id"`` so seeded demo collections need no extra argument.
    """

    def all(self, key: CollectionKey) -> list[dict]:
        """Every record of the collection, in insertion order (empty when unknown)."""
        ...

    def get(self, key: CollectionKey, record_id: str, *, id_field: str = "id") -> dict | None:
        """The record with that id, or None."""
        ...

    def insert(self, key: CollectionKey, record: dict, *, id_field: str, new_id: NewId) -> dict:
        """Append ``record``; assign ``new_id(existing_records)`` (read-only access) when it has no id.

        A missing id is an absent key or ``None``. Raises ``DuplicateRecordId``
        when the id is already taken and ``CollectionFull`` past the store's limit. Returns the stored record.
        """
        ...

    def replace(self, key: CollectionKey, record_id: str, record: dict, *,
                id_field: str = "id") -> dict | None:
        """Swap the stored record for ``record`` as given; None when missing."""
        ...

    def update(self, key: CollectionKey, record_id: str, change: Callable[[dict], dict], *,
               id_field: str = "id") -> dict | None:
        """Read-modify-write one record atomically; None when missing.

        ``change`` receives a copy of the stored record and returns the new
        record. It runs while the store is locked, so concurrent updates never
        lose each other's writes; an exception from it propagates and leaves
        the record untouched.
        """
        ...

    def delete(self, key: CollectionKey, record_id: str, *, id_field: str = "id") -> bool:
        """Remove the record; False when it was not there."""
        ...

    def seed_once(self, key: CollectionKey, records: Callable[[], list[dict]]) -> None:
        """Store ``records()`` the first time this key is seeded, never again.

        "Never again" holds even after every record was deleted; only
        ``clear`` of the key's account and data key forgets the seeding. Seed
        records go ahead of any record inserted before. If ``records()``
        raises, nothing is stored or marked.
        """
        ...

    def clear(self, account_id: str, data_key: str) -> None:
        """Drop every collection and seed mark of that account's data key."""
        ...


def _same_id(record: dict, id_field: str, record_id: str | int) -> bool:
    return id_field in record and str(record[id_field]) == str(record_id)


@dataclass
class _Collection:
    """One collection's records, with its own lock so accounts never wait on each other."""

    records: list[dict] = field(default_factory=list)
    seeded: bool = False
    lock: threading.RLock = field(default_factory=threading.RLock)

    def index_of(self, record_id: str | int, id_field: str) -> int | None:
        for index, record in enumerate(self.records):
            if _same_id(record, id_field, record_id):
                return index
        return None


class InMemoryMockStore:
    """A ``MockStore`` in process memory.

    Each collection has its own re-entrant lock, held for every method on it:
    that makes ``insert`` (id assignment plus duplicate check) and ``update``
    (a read-modify-write, validation included) atomic, while a slow write in
    one collection never delays another. Re-entrant, so an ``update``
    callback that reads its own collection cannot deadlock. A store-wide lock
    only guards creating and dropping collections.
    """

    def __init__(self, *, max_records_per_collection: int = MAX_RECORDS_PER_COLLECTION) -> None:
        self._max_records = max_records_per_collection
        self._lock = threading.Lock()
        self._collections: dict[CollectionKey, _Collection] = {}

    def _collection(self, key: CollectionKey) -> _Collection:
        with self._lock:
            return self._collections.setdefault(key, _Collection())

    def all(self, key: CollectionKey) -> list[dict]:
        collection = self._collection(key)
        with collection.lock:
            return clone_json(collection.records)

    def get(self, key: CollectionKey, record_id: str, *, id_field: str = "id") -> dict | None:
        collection = self._collection(key)
        with collection.lock:
            index = collection.index_of(record_id, id_field)
            return None if index is None else clone_json(collection.records[index])

    def insert(self, key: CollectionKey, record: dict, *, id_field: str, new_id: NewId) -> dict:
        stored = clone_json(record)
        collection = self._collection(key)
        with collection.lock:
            if len(collection.records) >= self._max_records:
                raise CollectionFull(self._max_records)
            if stored.get(id_field) is None:
                # The id goes first so responses read naturally.
                stored = {id_field: new_id(collection.records),
                          **{name: value for name, value in stored.items() if name != id_field}}
            if collection.index_of(stored[id_field], id_field) is not None:
                raise DuplicateRecordId(stored[id_field])
            collection.records.append(stored)
            return clone_json(stored)

    def replace(self, key: CollectionKey, record_id: str, record: dict, *,
                id_field: str = "id") -> dict | None:
        stored = clone_json(record)
        collection = self._collection(key)
        with collection.lock:
            index = collection.index_of(record_id, id_field)
            if index is None:
                return None
            collection.records[index] = stored
            return clone_json(stored)

    def update(self, key: CollectionKey, record_id: str, change: Callable[[dict], dict], *,
               id_field: str = "id") -> dict | None:
        collection = self._collection(key)
        with collection.lock:
            index = collection.index_of(record_id, id_field)
            if index is None:
                return None
            stored = clone_json(change(clone_json(collection.records[index])))
            collection.records[index] = stored
            return clone_json(stored)

    def delete(self, key: CollectionKey, record_id: str, *, id_field: str = "id") -> bool:
        collection = self._collection(key)
        with collection.lock:
            index = collection.index_of(record_id, id_field)
            if index is None:
                return False
            del collection.records[index]
            return True

    def seed_once(self, key: CollectionKey, records: Callable[[], list[dict]]) -> None:
        collection = self._collection(key)
        with collection.lock:
            if collection.seeded:
                return
            collection.records[:0] = clone_json(records())
            collection.seeded = True

    def clear(self, account_id: str, data_key: str) -> None:
        with self._lock:
            for key in [key for key in self._collections
                        if key.account_id == account_id and key.data_key == data_key]:
                del self._collections[key]


_default_store: MockStore | None = None
_default_store_lock = threading.Lock()


def get_mock_store() -> MockStore:
    """The process-wide store, an ``InMemoryMockStore`` created on first use."""
    global _default_store
    with _default_store_lock:
        if _default_store is None:
            _default_store = InMemoryMockStore()
        return _default_store


def set_mock_store(store: MockStore) -> MockStore:
    """Make ``store`` the process-wide store; return the previous one (for tests)."""
    global _default_store
    with _default_store_lock:
        previous = _default_store if _default_store is not None else InMemoryMockStore()
        _default_store = store
        return previous
