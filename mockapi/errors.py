"""Application errors, each carrying the HTTP status it maps to.

Raise these from stores, services and views; ``mockapi.middleware`` is the one
place that turns them into responses (JSON under ``/api/``, an error page
elsewhere).
"""
from __future__ import annotations

from typing import Any


class AppError(Exception):
    status = 500
    code = "internal_error"
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None, *, errors: list[dict[str, Any]] | None = None):
        self.message = message or self.default_message
        self.errors = errors
        super().__init__(self.message)


class BadRequest(AppError):
    status = 400
    code = "bad_request"
    default_message = "The request is malformed."


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    default_message = "This belongs to another account."


class NotFound(AppError):
    status = 404
    code = "not_found"
    default_message = "Not found."


class MethodNotAllowed(AppError):
    status = 405
    code = "method_not_allowed"
    default_message = "This method is not allowed here."

    def __init__(self, message: str | None = None, *, allowed: list[str] | None = None):
        super().__init__(message)
        self.allowed = allowed or []


class Conflict(AppError):
    status = 409
    code = "conflict"
    default_message = "This conflicts with what is already stored."


class PayloadTooLarge(AppError):
    status = 413
    code = "payload_too_large"
    default_message = "The request body is too large."


class Unprocessable(AppError):
    status = 422
    code = "unprocessable"
    default_message = "The input is invalid."


class StorageUnavailable(AppError):
    """The database cannot be reached (down, refusing connections, timing out)."""

    status = 500
    code = "storage_unavailable"
    default_message = "Storage is unavailable. Please try again shortly."
