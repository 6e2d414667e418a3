"""The one place where errors become HTTP responses."""
from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from mockapi.errors import AppError, MethodNotAllowed, StorageUnavailable

logger = logging.getLogger("mockapi.errors")


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(request: HttpRequest, error: AppError) -> HttpResponse:
    """Render ``error`` for ``request``.

    JSON contract for ``/api/`` paths: ``{"error": "<message>", "code":
    "<machine code>"}``, plus ``"errors": [...]`` when the error carries a
    list of individual problems (compile errors, record validation errors),
    each with at least ``message`` and, where known, ``jsonPointer``. Pages get
    ``templates/errors/error.html`` with the same status.
    """
    if is_api_request(request):
        body: dict = {"error": error.message, "code": error.code}
        if error.errors is not None:
            body["errors"] = error.errors
        response: HttpResponse = JsonResponse(body, status=error.status)
    else:
        response = render(request, "errors/error.html", {"error": error}, status=error.status)
    if isinstance(error, MethodNotAllowed) and error.allowed:
        response["Allow"] = ", ".join(error.allowed)
    return response


class AppErrorMiddleware:
    """Maps ``AppError`` and database outages to responses, logging outages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, (OperationalError, InterfaceError)):
            exception = StorageUnavailable()
        if not isinstance(exception, AppError):
            return None
        if isinstance(exception, StorageUnavailable):
            logger.error("storage unavailable while serving %s %s", request.method, request.path,
                         exc_info=exception.__cause__ or exception.__context__)
        return error_response(request, exception)
