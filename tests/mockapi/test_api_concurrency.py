"""Parallel writes through a live, threaded server lose nothing and duplicate no id."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from mockapi.demos.catalog import demo_spec, fixture_records
from tests.mockapi.live_helpers import http

THREADS = 20
PER_THREAD = 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("demo, resource, body", [
    ("tasks-v1", "tasks", {"title": "parallel"}),  # integer ids: max + 1 under the lock
    ("users", "users", {"firstName": "Par", "lastName": "Allel", "email": "p@example.com"}),  # uuid ids
])
def test_twenty_threads_creating_records_lose_nothing(live_server, owner_account, demo, resource, body):
    status, compiled, _ = http("POST", f"{live_server.url}/api/compile-openapi",
                               {"openapi": demo_spec(demo).text(), "accountId": owner_account})
    assert status == 200
    collection = f"{live_server.url}/api/mock/{compiled['id']}/{resource}"
    _, before, _ = http("GET", collection)

    def create_batch(thread: int) -> list[int]:
        return [http("POST", collection, {**body, "title": f"t{thread}-{n}"} if "title" in body else body)[0]
                for n in range(PER_THREAD)]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = [status for batch in pool.map(create_batch, range(THREADS)) for status in batch]

    _, after, headers = http("GET", collection)
    new_ids = [record["id"] for record in after][len(before):]
    assert statuses == [201] * THREADS * PER_THREAD
    assert int(headers["X-Total-Count"]) == len(before) + THREADS * PER_THREAD
    assert len(new_ids) == len(set(new_ids)) == THREADS * PER_THREAD
    assert not set(new_ids) & {record["id"] for record in before}


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_requests_seed_demo_data_once(live_server, owner_account):
    _, compiled, _ = http("POST", f"{live_server.url}/api/compile-openapi",
                          {"openapi": demo_spec("products").text(), "accountId": owner_account})
    collection = f"{live_server.url}/api/mock/{compiled['id']}/products"

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(lambda _: http("GET", collection), range(THREADS)))

    seeded = len(fixture_records("demo-products", "products"))
    assert {status for status, _, _ in answers} == {200}
    assert {len(records) for _, records, _ in answers} == {seeded}
    assert len({record["id"] for record in answers[0][1]}) == seeded
