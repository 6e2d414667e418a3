"""Django's 404/500 handlers, routed through the same error rendering as AppError."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from mockapi.errors import AppError, NotFound
from mockapi.middleware import error_response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, NotFound("Nothing lives at this address."))


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(request, AppError())
