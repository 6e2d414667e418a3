"""PostgreSQL unreachable: a real refused connection, not a mock."""
from __future__ import annotations

import logging

import pytest
from django.test import override_settings

from mockapi.demos.catalog import demo_spec


def test_health_reports_ok_when_the_database_is_up(client, db):
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "postgresql"}


def test_api_path_answers_json_500_and_logs_when_the_database_is_down(client, database_down, caplog):
    with caplog.at_level(logging.ERROR, logger="mockapi.errors"):
        response = client.get("/api/health")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "storage_unavailable"
    assert "unavailable" in response.json()["error"]
    assert any("storage unavailable" in record.getMessage() for record in caplog.records)


@override_settings(ROOT_URLCONF="tests.mockapi.outage_urls")
def test_page_path_renders_the_error_page_when_the_database_is_down(client, database_down):
    response = client.get("/store-page")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert b"Storage is unavailable" in response.content


@override_settings(ROOT_URLCONF="tests.mockapi.outage_urls")
def test_page_path_works_again_once_the_database_is_back(client, db):
    response = client.get("/store-page")
    assert response.status_code == 200
    assert response.content == b"listed"


def test_unknown_api_path_is_a_json_404(client, db):
    response = client.get("/api/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("method, path, body", [
    ("post", "/api/compile-openapi", {"openapi": "openapi: 3.0.3", "accountId": "acct-owner-0001"}),
    ("get", "/api/compilations?accountId=acct-owner-0001", None),
    ("get", "/api/compilations/abcdef123456?accountId=acct-owner-0001", None),
    ("get", "/api/mock/abcdef123456/users", None),
])
def test_every_api_endpoint_answers_json_500_when_the_database_is_down(client, database_down, method, path, body):
    if body is not None:
        body = {**body, "openapi": demo_spec("users").text()}
    response = getattr(client, method)(path, data=body, content_type="application/json")

    assert response.status_code == 500
    assert response.json()["code"] == "storage_unavailable"
