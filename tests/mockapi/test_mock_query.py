"""json-server style list queries: filters, full text, sorting, pagination."""
from __future__ import annotations

import pytest

from mockapi.errors import BadRequest
from mockapi.mock import InvalidQuery, ListQuery

PRODUCTS = [
    {"id": 1, "name": "Anvil", "price": 12.5, "active": True,
     "address": {"city": "Paris", "tags": ["Heavy"]}, "stock": 3},
    {"id": 2, "name": "bolt", "price": 0.25, "active": False,
     "address": {"city": "Lyon", "tags": []}, "stock": 300},
    {"id": 3, "name": "Crate", "price": 30, "active": True,
     "address": {"city": "Paris", "tags": ["wooden box"]}},
    {"id": 4, "name": "anvil", "price": None, "active": True,
     "address": {"city": "Nice", "tags": []}, "stock": 40},
]


def run(**params: str | list[str]) -> tuple[list[int], int]:
    query = ListQuery.from_params(
        {name: value if isinstance(value, list) else [value] for name, value in params.items()}
    )
    page, total = query.apply(PRODUCTS)
    return [record["id"] for record in page], total


def test_no_parameters_return_everything_in_order():
    assert run() == ([1, 2, 3, 4], 4)


def test_account_id_and_unsupported_expansions_are_ignored():
    assert run(accountId="acct-1", _embed="tasks") == ([1, 2, 3, 4], 4)


def test_equality_compares_as_strings_so_booleans_and_numbers_match():
    assert run(active="true") == ([1, 3, 4], 3)
    assert run(price="12.5") == ([1], 1)
    assert run(price="12.50") == ([1], 1)
    assert run(id="2") == ([2], 1)


def test_repeated_equality_parameter_matches_any_value():
    assert run(name=["Anvil", "Crate"]) == ([1, 3], 2)


def test_equality_on_nested_field_uses_dotted_path():
    assert run(**{"address.city": "Paris"}) == ([1, 3], 2)
    assert run(**{"address.tags.0": "Heavy"}) == ([1], 1)


def test_filters_combine_with_and():
    assert run(active="true", **{"address.city": "Paris"}) == ([1, 3], 2)


def test_ne_excludes_every_given_value_and_records_without_the_field():
    assert run(name_ne="Crate") == ([1, 2, 4], 3)
    assert run(id_ne=["1", "2"]) == ([3, 4], 2)


def test_like_is_case_insensitive_text_with_optional_anchors():
    assert run(name_like="anv") == ([1, 4], 2)
    assert run(name_like="^b") == ([2], 1)
    assert run(name_like="(") == ([], 0)
    assert run(name_like="IL$") == ([1, 4], 2)
    assert run(name_like="^bolt$") == ([2], 1)


def test_like_never_runs_a_client_regex():
    assert run(name_like="^(a+)+$") == ([], 0)
    assert run(name_like=".*") == ([], 0)


def test_gte_and_lte_compare_numbers_by_value_and_skip_missing():
    assert run(stock_gte="40") == ([2, 4], 2)
    assert run(stock_lte="40") == ([1, 4], 2)
    assert run(price_gte="1", price_lte="20") == ([1], 1)


def test_gte_on_strings_compares_text():
    assert run(name_gte="a") == ([2, 4], 2)


def test_q_searches_strings_at_any_depth_case_insensitively():
    assert run(q="WOODEN") == ([3], 1)
    assert run(q="paris") == ([1, 3], 2)
    assert run(q="12.5") == ([], 0)


def test_sort_defaults_to_ascending_and_puts_none_last():
    assert run(_sort="price") == ([2, 1, 3, 4], 4)


def test_sort_descending_still_puts_missing_last():
    assert run(_sort="stock", _order="desc") == ([2, 4, 1, 3], 4)


def test_multi_field_sort_with_mixed_orders():
    ids, _ = run(_sort="address.city,name", _order="asc,desc")
    assert ids == [2, 4, 3, 1]


def test_sort_of_mixed_types_is_deterministic():
    records = [{"id": 1, "v": "b"}, {"id": 2, "v": 3}, {"id": 3, "v": True},
               {"id": 4}, {"id": 5, "v": {"a": 1}}, {"id": 6, "v": 1.5}]
    page, _ = ListQuery.from_params({"_sort": ["v"]}).apply(records)
    assert [r["id"] for r in page] == [3, 6, 2, 1, 5, 4]


def test_sort_is_stable_for_equal_values():
    assert run(_sort="active") == ([2, 1, 3, 4], 4)


def test_start_end_slices_and_total_counts_all_matches():
    assert run(_start="1", _end="3") == ([2, 3], 4)


def test_start_limit_slices():
    assert run(_start="2", _limit="5") == ([3, 4], 4)


def test_page_and_limit_paginate_from_one():
    assert run(_page="2", _limit="3") == ([4], 4)
    assert run(_page="1", _limit="3") == ([1, 2, 3], 4)


def test_page_alone_uses_ten_per_page():
    records = [{"id": i} for i in range(25)]
    page, total = ListQuery.from_params({"_page": ["3"]}).apply(records)
    assert [r["id"] for r in page] == [20, 21, 22, 23, 24]
    assert total == 25


def test_pagination_applies_after_filter_and_sort():
    # Text sorts case-sensitively, as json-server's lodash orderBy does.
    assert run(active="true", _sort="name", _order="desc", _page="1", _limit="2") == ([4, 3], 3)


@pytest.mark.parametrize("params", [
    {"_page": ["abc"]}, {"_page": ["0"]}, {"_start": ["-1"]}, {"_limit": ["0"]},
    {"_end": ["1.5"]}, {"_sort": ["name"], "_order": ["sideways"]},
])
def test_invalid_numbers_and_orders_are_bad_requests(params):
    with pytest.raises(InvalidQuery) as caught:
        ListQuery.from_params(params)
    assert isinstance(caught.value, BadRequest)
    assert caught.value.status == 400
