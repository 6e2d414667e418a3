"""Django's 400/404/500 handlers, routed through the same error rendering as AppError."""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from django.core.exceptions import RequestDataTooBig

from mockapi.errors import AppError, BadRequest, NotFound, PayloadTooLarge
from mockapi.middleware import error_response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's own refusals, e.g. a form body over the size limit read by the CSRF check."""
    if isinstance(exception, RequestDataTooBig):
        return error_response(request, PayloadTooLarge(
            f"The request is larger than the {settings.MAX_REQUEST_BYTES:,}-byte limit."))
    return error_response(request, BadRequest())


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, NotFound("Nothing lives at this address."))


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(request, AppError())
