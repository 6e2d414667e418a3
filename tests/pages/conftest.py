"""Fixtures for the page views: a browser-like client holding an account cookie, a fresh mock store."""
from __future__ import annotations

import pytest
from django.test import Client

from mockapi.compilations.services import compile_for_account
from mockapi.demos.catalog import demo_spec
from mockapi.pages.accounts import ACCOUNT_COOKIE


def client_for(account_id: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.cookies[ACCOUNT_COOKIE] = account_id
    return client


@pytest.fixture
def owner_client(owner_account) -> Client:
    return client_for(owner_account)


@pytest.fixture
def other_client(other_account) -> Client:
    return client_for(other_account)


@pytest.fixture
def users_demo(db, owner_account):
    """The bundled users demo compiled for the owner (resources: users, teams)."""
    return compile_for_account(account_id=owner_account, text=demo_spec("users").text())


def csrf_post(client: Client, url: str, data: dict | None = None, **extra):
    """POST like a browser: fetch the CSRF cookie with a GET first, send the token back."""
    if "csrftoken" not in client.cookies:
        client.get("/")
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)

