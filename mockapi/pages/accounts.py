"""The browser's account: a long-lived cookie holding a random account id."""
from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from mockapi.accounts import new_account_id, parse_account_id
from mockapi.errors import BadRequest

ACCOUNT_COOKIE = "rapidui_account"
ACCOUNT_COOKIE_MAX_AGE = 5 * 365 * 24 * 60 * 60


def account_from_cookie(request: HttpRequest) -> str | None:
    """The cookie's account id when it is valid, else None (a new id will be issued)."""
    try:
        return parse_account_id(request.COOKIES.get(ACCOUNT_COOKIE))
    except BadRequest:
        return None


def with_account(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Set ``request.account_id`` from the cookie, issuing a fresh id (and cookie) on first visit."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        account_id = account_from_cookie(request)
        issued = account_id is None
        request.account_id = account_id or new_account_id()
        response = view(request, *args, **kwargs)
        if issued:
            response.set_cookie(ACCOUNT_COOKIE, request.account_id, max_age=ACCOUNT_COOKIE_MAX_AGE,
                                httponly=True, samesite="Lax", secure=request.is_secure())
        return response

    return wrapper
