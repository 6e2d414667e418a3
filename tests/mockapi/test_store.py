"""The compilation store against real PostgreSQL."""
from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from mockapi.compilations import store
from mockapi.compilations.models import Compilation


def put(compilation_id: str, account_id: str, **overrides):
    values = dict(
        compilation_id=compilation_id, account_id=account_id, name="Pets", status="success",
        specs={"pets": {"entity": "Pet"}}, api_ir={"api": {"title": "Pets"}}, diff_from_previous=None,
        errors=[], resource_names=["Pets"], resource_slugs=["pets"], openapi_canonical_hash="a" * 64,
    )
    values.update(overrides)
    return store.compilation_put(**values)


@pytest.mark.django_db
def test_update_keeps_created_at_and_id_while_changing_specs_and_updated_at(owner_account):
    first = put("abc123def456", owner_account)
    time.sleep(0.01)
    second = put("abc123def456", owner_account, specs={"tasks": {"entity": "Task"}}, name="Tasks")

    stored = store.compilation_get(compilation_id="abc123def456")
    assert stored.id == "abc123def456"
    assert stored.created_at == first.created_at == second.created_at
    assert stored.updated_at == second.updated_at > first.updated_at
    assert stored.specs == {"tasks": {"entity": "Task"}}
    assert stored.name == "Tasks"
    assert Compilation.objects.count() == 1


@pytest.mark.django_db
def test_put_never_overwrites_another_accounts_row(owner_account, other_account):
    put("owned0000001", owner_account)
    with pytest.raises(store.CompilationForbidden):
        put("owned0000001", other_account, name="Hijacked")
    stored = store.compilation_get(compilation_id="owned0000001")
    assert (stored.account_id, stored.name) == (owner_account, "Pets")


@pytest.mark.django_db
def test_put_is_a_single_statement(owner_account):
    with CaptureQueriesContext(connection) as queries:
        put("single000001", owner_account)
    assert len(queries) == 1
    assert "ON CONFLICT (id) DO UPDATE" in queries[0]["sql"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_puts_of_one_id_leave_one_row(owner_account):
    barrier = threading.Barrier(8)
    failures: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            barrier.wait()
            put("race00000001", owner_account, name=f"writer {n}")
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert Compilation.objects.filter(pk="race00000001").count() == 1
    assert Compilation.objects.get(pk="race00000001").name.startswith("writer ")


@pytest.mark.django_db
def test_list_is_per_account_newest_first_with_summary_columns_only(owner_account, other_account):
    put("older0000001", owner_account, name="Older")
    put("other0000001", other_account, name="Theirs")
    put("newer0000001", owner_account, name="Newer")
    put("older0000001", owner_account, name="Older, touched last")

    with CaptureQueriesContext(connection) as queries:
        items = store.compilation_list_for_account(account_id=owner_account)

    assert [item.id for item in items] == ["older0000001", "newer0000001"]
    assert items[0].name == "Older, touched last"
    assert items[0].resource_slugs == ["pets"]
    sql = queries[0]["sql"]
    assert '"specs"' not in sql and '"api_ir"' not in sql
    assert [item.id for item in store.compilation_list_for_account(account_id=other_account)] == ["other0000001"]
    assert store.compilation_list_for_account(account_id="nobody") == []


@pytest.mark.django_db
def test_delete_then_get_is_none(owner_account):
    put("gone00000001", owner_account)
    assert store.compilation_has(compilation_id="gone00000001")
    assert store.compilation_delete(compilation_id="gone00000001") is True
    assert store.compilation_get(compilation_id="gone00000001") is None
    assert not store.compilation_has(compilation_id="gone00000001")
    assert store.compilation_delete(compilation_id="gone00000001") is False


@pytest.mark.django_db
def test_get_current_follows_updates_and_deletes_and_skips_unchanged_json(owner_account):
    put("curr00000001", owner_account, name="First")
    first = store.compilation_get_current(compilation_id="curr00000001")
    with CaptureQueriesContext(connection) as unchanged:
        again = store.compilation_get_current(compilation_id="curr00000001")
    put("curr00000001", owner_account, name="Second", specs={"dogs": {"entity": "Dog"}})
    updated = store.compilation_get_current(compilation_id="curr00000001")
    store.compilation_delete(compilation_id="curr00000001")

    assert first.name == "First" and again is first
    assert [query["sql"] for query in unchanged.captured_queries] == [
        "SELECT updated_at FROM compilations WHERE id = 'curr00000001'"]
    assert updated.name == "Second" and updated.specs == {"dogs": {"entity": "Dog"}}
    assert store.compilation_get_current(compilation_id="curr00000001") is None
    assert store.compilation_get_current(compilation_id="missing00001") is None


@pytest.mark.django_db
def test_get_for_account_checks_owner(owner_account, other_account):
    put("mine00000001", owner_account)
    assert store.compilation_get_for_account(compilation_id="mine00000001", account_id=owner_account).id == "mine00000001"
    with pytest.raises(store.CompilationForbidden):
        store.compilation_get_for_account(compilation_id="mine00000001", account_id=other_account)
    with pytest.raises(store.CompilationNotFound):
        store.compilation_get_for_account(compilation_id="missing00001", account_id=owner_account)


@pytest.mark.django_db
def test_json_columns_round_trip_nested_null_unicode_and_large_documents(owner_account):
    nested = {"a": None, "b": [None, {"c": None}], "deep": {"x": {"y": {"z": [1, 2.5, True, False, None]}}}}
    unicode = {"名前": "Ünïcødé ✓ 🚀", "rtl": "שלום", "escape": "quote \" backslash \\ newline \n tab \t"}
    large = {f"resource_{n}": {"fields": [{"name": f"field_{m}", "label": "x" * 40} for m in range(40)]} for n in range(300)}
    put("json00000001", owner_account, specs=large, api_ir=nested, diff_from_previous=unicode,
        errors=[{"code": "X", "jsonPointer": "/paths/~1a~0b"}])

    stored = store.compilation_get(compilation_id="json00000001")
    assert stored.specs == large
    assert stored.api_ir == nested
    assert stored.diff_from_previous == unicode
    assert stored.errors == [{"code": "X", "jsonPointer": "/paths/~1a~0b"}]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_typeof(specs)::text, pg_typeof(api_ir)::text FROM compilations WHERE id = %s",
                       ["json00000001"])
        assert cursor.fetchone() == ("jsonb", "jsonb")


@pytest.mark.django_db
def test_schema_matches_the_storage_design():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type, character_maximum_length FROM information_schema.columns "
            "WHERE table_name = 'compilations'"
        )
        columns = {name: (kind, length) for name, kind, length in cursor.fetchall()}
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'compilations'")
        indexes = " | ".join(row[0] for row in cursor.fetchall())
    assert columns["id"] == ("character varying", 12)
    assert columns["account_id"] == ("character varying", 36)
    assert columns["name"] == ("character varying", 255)
    assert columns["status"] == ("character varying", 20)
    assert columns["openapi_canonical_hash"] == ("character varying", 64)
    for name in ("specs", "api_ir", "diff_from_previous", "errors", "resource_names", "resource_slugs"):
        assert columns[name][0] == "jsonb", name
    for name in ("created_at", "updated_at"):
        assert columns[name][0] == "timestamp with time zone"
    assert "(account_id)" in indexes
    assert "(updated_at DESC)" in indexes
