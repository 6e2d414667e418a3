"""HTML forms for mock records, built from a resource's UISpec, and back to JSON.

Three jobs, no Django forms (the fields are data, not classes):

- ``build_form_fields`` turns UISpec fields, a record and error messages into
  ``FormField`` trees the ``pages/partials/field.html`` template renders.
- ``parse_record_form`` turns submitted form data into a typed JSON body for
  ``ResourceRecords.create``/``merge`` plus the errors found while converting
  (a word in a number field, malformed JSON), located by JSON pointer exactly
  like the record validator's errors, so both end up next to their field.
- ``errors_by_pointer`` groups ``[{message, jsonPointer}]`` lists for that.

Input names are the dotted path of a field (``address.city``), the same
segments as its JSON pointer (``/address/city``).
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mockapi.mock import json_pointer

FORM_ERROR_KEY = ""
"""Key of errors that belong to no field (pointer ``""``) in ``errors_by_pointer``."""

SCALAR_INPUTS = {
    "string": "text", "email": "email", "url": "url", "uuid": "text", "date": "date",
    "datetime": "datetime-local", "integer": "number", "number": "number",
}
_DATETIME_LOCAL = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$")


@dataclass
class FormField:
    """One input (or fieldset, for objects) as the template renders it.

    ``widget`` is one of: input, textarea, select, checkbox, fieldset, lines
    (a textarea with one array item per line), json (a textarea holding JSON).
    """

    name: str
    input_name: str
    label: str
    type: str
    widget: str
    input_type: str = "text"
    required: bool = False
    read_only: bool = False
    value: str = ""
    checked: bool = False
    options: list[str] = field(default_factory=list)
    description: str = ""
    errors: list[str] = field(default_factory=list)
    children: list[FormField] = field(default_factory=list)
    step: str = ""
    minimum: Any = None
    maximum: Any = None
    max_length: Any = None

    @property
    def input_id(self) -> str:
        return "field-" + self.input_name.replace(".", "-")

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(child.has_errors for child in self.children)


def form_spec_fields(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The UISpec fields its form shows, in form order (all fields when it names none)."""
    by_name = {item["name"]: item for item in spec.get("fields", [])}
    names = (spec.get("form") or {}).get("fields") or list(by_name)
    return [by_name[name] for name in names if name in by_name]


def errors_by_pointer(errors: list[Mapping[str, Any]] | None) -> dict[str, list[str]]:
    """``{jsonPointer: [message, ...]}``; errors without a pointer go under ``FORM_ERROR_KEY``."""
    grouped: dict[str, list[str]] = {}
    for error in errors or []:
        grouped.setdefault(error.get("jsonPointer") or FORM_ERROR_KEY, []).append(str(error.get("message", "")))
    return grouped


def build_form_fields(
    spec_fields: list[dict[str, Any]],
    *,
    record: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
    errors: Mapping[str, list[str]] | None = None,
    creating: bool = False,
) -> tuple[list[FormField], list[str]]:
    """The form's field trees and the error messages no field claimed.

    Values come from ``data`` (submitted form input, redisplayed after an
    error) when given, else from ``record``, else the field's default when
    ``creating``. An error lands on the deepest field whose pointer is a
    prefix of the error's pointer (``/skills/2`` goes to ``skills``).
    """
    remaining = dict(errors or {})
    fields = [_build_field(item, (), record or {}, data, remaining, creating) for item in spec_fields]
    unclaimed = [message for messages in remaining.values() for message in messages]
    return fields, unclaimed


def _build_field(item: dict[str, Any], parent: tuple[str, ...], record: Mapping[str, Any],
                 data: Mapping[str, Any] | None, errors: dict[str, list[str]], creating: bool) -> FormField:
    path = (*parent, item["name"])
    kind = item.get("type", "string")
    form_field = FormField(
        name=item["name"], input_name=".".join(path), label=item.get("label") or item["name"], type=kind,
        widget="input", required=bool(item.get("required")), read_only=bool(item.get("readOnly")),
        description=item.get("description") or "", minimum=item.get("minimum"),
        maximum=item.get("maximum"), max_length=item.get("maxLength"),
    )
    stored = record.get(item["name"]) if isinstance(record, Mapping) else None
    if stored is None and creating and not form_field.read_only:
        stored = item.get("default")
    if kind == "object" and item.get("fields"):
        form_field.widget = "fieldset"
        nested = stored if isinstance(stored, Mapping) else {}
        form_field.children = [_build_field(child, path, nested, data, errors, creating) for child in item["fields"]]
    else:
        _set_widget(form_field, item)
        _set_value(form_field, item, stored, data)
    # Children claimed their (deeper) pointers first; this field takes the rest under it.
    pointer = json_pointer(path)
    for error_pointer in [p for p in errors if p == pointer or p.startswith(pointer + "/")]:
        form_field.errors.extend(errors.pop(error_pointer))
    return form_field


def _set_widget(form_field: FormField, item: dict[str, Any]) -> None:
    kind = form_field.type
    if kind == "boolean":
        form_field.widget = "checkbox"
    elif kind == "enum":
        form_field.widget = "select"
        form_field.options = [_text(option) for option in item.get("options") or []]
    elif kind == "text":
        form_field.widget = "textarea"
    elif kind == "array":
        scalar_items = (item.get("items") or {}).get("type") not in ("object", "array", None)
        form_field.widget = "lines" if scalar_items else "json"
    elif kind in ("object", "array"):
        form_field.widget = "json"
    else:
        form_field.input_type = SCALAR_INPUTS.get(kind, "text")
        if kind == "integer":
            form_field.step = "1"
        elif kind == "number":
            form_field.step = "any"


def _set_value(form_field: FormField, item: dict[str, Any], stored: Any, data: Mapping[str, Any] | None) -> None:
    if data is not None and not form_field.read_only:
        if form_field.widget == "checkbox":
            form_field.checked = form_field.input_name in data
        else:
            form_field.value = str(data.get(form_field.input_name, ""))
        return
    if item.get("writeOnly"):
        return
    if form_field.widget == "checkbox":
        form_field.checked = stored is True
    elif stored is None:
        form_field.value = ""
    elif form_field.widget == "lines" and isinstance(stored, list):
        form_field.value = "\n".join(_text(value) for value in stored)
    elif form_field.widget == "json":
        form_field.value = json.dumps(stored, indent=2, ensure_ascii=False)
    elif form_field.type == "datetime" and not form_field.read_only:
        form_field.value = _to_datetime_local(stored)
    else:
        form_field.value = _text(stored)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _to_datetime_local(value: Any) -> str:
    """``2026-03-14T09:26:53Z`` → ``2026-03-14T09:26:53`` (what ``datetime-local`` accepts)."""
    text = str(value)
    match = re.match(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)", text)
    return match.group(1) if match else text


@dataclass
class ParsedForm:
    """The JSON body a form submission means, and what could not be converted."""

    body: dict[str, Any]
    errors: list[dict[str, str]]


def parse_record_form(spec_fields: list[dict[str, Any]], data: Mapping[str, Any], *,
                      clear_empty: bool = False) -> ParsedForm:
    """Convert submitted form data to a typed JSON object.

    Read-only fields are skipped (the server owns them). An empty optional
    input is left out, or sent as ``None`` when ``clear_empty`` (for a JSON
    Merge Patch, where null removes the stored value). An empty write-only
    input is always left out, so editing never wipes a password the form
    cannot show. An empty required input is left out too: the record
    validator then reports it as missing, next to the field.
    """
    errors: list[dict[str, str]] = []
    body = _parse_object(spec_fields, (), data, errors, clear_empty)
    return ParsedForm(body=body, errors=errors)


_EMPTY = object()


def _parse_object(spec_fields: list[dict[str, Any]], parent: tuple[str, ...], data: Mapping[str, Any],
                  errors: list[dict[str, str]], clear_empty: bool) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for item in spec_fields:
        if item.get("readOnly"):
            continue
        path = (*parent, item["name"])
        if item.get("type") == "object" and item.get("fields"):
            value: Any = _parse_object(item["fields"], path, data, errors, clear_empty)
            if not any(v is not None for v in value.values()):
                value = _EMPTY
        else:
            value = _parse_value(item, path, data, errors)
        if value is _EMPTY:
            if clear_empty and not item.get("required") and not item.get("writeOnly"):
                body[item["name"]] = None
            continue
        body[item["name"]] = value
    return body


def _parse_value(item: dict[str, Any], path: tuple[str, ...], data: Mapping[str, Any],
                 errors: list[dict[str, str]]) -> Any:
    name = ".".join(path)
    kind = item.get("type", "string")
    if kind == "boolean":
        return name in data
    raw = str(data.get(name, ""))
    if kind == "array" and (item.get("items") or {}).get("type") not in ("object", "array", None):
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        if not lines:
            return _EMPTY
        return [_parse_scalar(item["items"], line, (*path, str(index)), errors) for index, line in enumerate(lines)]
    if not raw.strip():
        return _EMPTY
    return _parse_scalar(item, raw, path, errors)


def _parse_scalar(item: dict[str, Any], raw: str, path: tuple[str, ...], errors: list[dict[str, str]]) -> Any:
    kind = item.get("type", "string")
    text = raw.strip()
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            number = float(text)
            return int(number) if re.fullmatch(r"-?\d+", text) else number
        if kind in ("object", "array"):
            return json.loads(text)
        if kind == "enum":
            return next((option for option in item.get("options") or [] if _text(option) == text), text)
        if kind == "datetime":
            return _from_datetime_local(text)
        if kind == "text":
            return raw
        return text
    except ValueError as error:
        errors.append({"message": _conversion_message(kind, error), "jsonPointer": json_pointer(path)})
        return raw


def _conversion_message(kind: str, error: ValueError) -> str:
    if kind == "integer":
        return "Enter a whole number."
    if kind == "number":
        return "Enter a number."
    return f"Enter valid JSON ({error})."


def _from_datetime_local(text: str) -> str:
    """``datetime-local`` input (``2026-03-14T09:26``) → ISO 8601 UTC; other text as given."""
    match = _DATETIME_LOCAL.match(text)
    if not match:
        return text
    return f"{match.group(1)}T{match.group(2)}{match.group(3) or ':00'}Z"
