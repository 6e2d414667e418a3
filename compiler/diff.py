"""What changed between two compiled versions of a spec, for a client of the mock API.

``diff_compilations(previous, current)`` compares UISpecs keyed by resource
slug. A change is *breaking* when a client written against the previous
version could now fail: a resource, operation or field gone, a field's type,
format or options narrowed, a field newly required, or the id field changed.
Screen-only changes (labels, columns, form order, filters) never break.
"""
from __future__ import annotations

from typing import Any, Iterator, TypedDict

from compiler.model import UIField, UISpec


class Change(TypedDict):
    kind: str
    resource: str
    field: str | None
    breaking: bool
    message: str
    before: Any
    after: Any


class SpecDiff(TypedDict):
    hasBreakingChanges: bool
    summary: dict[str, int]
    changes: list[Change]


def diff_compilations(previous: dict[str, UISpec], current: dict[str, UISpec]) -> SpecDiff:
    changes: list[Change] = []
    for slug in sorted(set(previous) | set(current)):
        if slug not in current:
            changes.append(_change("resource_removed", slug, None, True,
                                   f"Resource {previous[slug]['title']} was removed.", previous[slug]["title"], None))
        elif slug not in previous:
            changes.append(_change("resource_added", slug, None, False,
                                   f"Resource {current[slug]['title']} was added.", None, current[slug]["title"]))
        else:
            changes.extend(_resource_changes(slug, previous[slug], current[slug]))
    breaking = sum(1 for change in changes if change["breaking"])
    return SpecDiff(hasBreakingChanges=breaking > 0,
                    summary={"breaking": breaking, "nonBreaking": len(changes) - breaking, "total": len(changes)},
                    changes=changes)


def _change(kind: str, resource: str, field: str | None, breaking: bool, message: str,
            before: Any, after: Any) -> Change:
    return Change(kind=kind, resource=resource, field=field, breaking=breaking, message=message,
                  before=before, after=after)


def _resource_changes(slug: str, before: UISpec, after: UISpec) -> Iterator[Change]:
    if before["idField"] != after["idField"]:
        yield _change("id_field_changed", slug, None, True,
                      f"The id field changed from {before['idField']} to {after['idField']}.",
                      before["idField"], after["idField"])
    for kind in sorted(set(before["operations"]) | set(after["operations"])):
        old, new = before["operations"].get(kind), after["operations"].get(kind)
        if old and not new:
            yield _change("operation_removed", slug, None, True, f"The {kind} operation was removed.", old, None)
        elif new and not old:
            yield _change("operation_added", slug, None, False, f"A {kind} operation was added.", None, new)
        elif old != new:
            yield _change("operation_changed", slug, None, True,
                          f"The {kind} operation moved from {old['method']} {old['path']} to {new['method']} {new['path']}.",
                          old, new)
    yield from _field_changes(slug, before["fields"], after["fields"], prefix="")
    for part, label, values in (
        ("table", "Table columns", lambda spec: [column["field"] for column in spec["table"]["columns"]]),
        ("form", "Form fields", lambda spec: spec["form"]["fields"]),
        ("filters", "Filters", lambda spec: [item["field"] for item in spec["filters"]]),
    ):
        old_values, new_values = values(before), values(after)
        if old_values != new_values:
            yield _change(f"{part}_changed", slug, None, False, _list_change(label, old_values, new_values),
                          old_values, new_values)


def _field_changes(slug: str, before: list[UIField], after: list[UIField], prefix: str) -> Iterator[Change]:
    old_fields = {field["name"]: field for field in before}
    new_fields = {field["name"]: field for field in after}
    for name in sorted(set(old_fields) | set(new_fields)):
        path = prefix + name
        old, new = old_fields.get(name), new_fields.get(name)
        if new is None:
            yield _change("field_removed", slug, path, True, f"Field {path} was removed.", _summary(old), None)
        elif old is None:
            required = new["required"] and not new["readOnly"]
            yield _change("field_added", slug, path, required,
                          f"Field {path} was added{' as required' if required else ''}.", None, _summary(new))
        else:
            yield from _changed_field(slug, path, old, new)


def _changed_field(slug: str, path: str, old: UIField, new: UIField) -> Iterator[Change]:
    if (old["type"], old.get("format")) != (new["type"], new.get("format")):
        yield _change("field_type_changed", slug, path, True,
                      f"Field {path} changed type from {_type_label(old)} to {_type_label(new)}.",
                      _type_label(old), _type_label(new))
    if old["required"] != new["required"]:
        yield _change("field_required_changed", slug, path, new["required"],
                      f"Field {path} is {'now required' if new['required'] else 'no longer required'}.",
                      old["required"], new["required"])
    if old["readOnly"] != new["readOnly"]:
        yield _change("field_read_only_changed", slug, path, new["readOnly"],
                      f"Field {path} is {'now read-only' if new['readOnly'] else 'now writable'}.",
                      old["readOnly"], new["readOnly"])
    old_options, new_options = old.get("options") or [], new.get("options") or []
    if old["type"] == new["type"] == "enum" and old_options != new_options:
        removed = [option for option in old_options if option not in new_options]
        yield _change("field_options_changed", slug, path, bool(removed),
                      f"Options of {path} changed" + (f"; removed: {', '.join(map(str, removed))}." if removed else "."),
                      old_options, new_options)
    if old["label"] != new["label"]:
        yield _change("field_label_changed", slug, path, False, f"Label of {path} changed.", old["label"], new["label"])
    if old["type"] == new["type"] == "object":
        yield from _field_changes(slug, old.get("fields") or [], new.get("fields") or [], prefix=path + ".")
    if old["type"] == new["type"] == "array" and "items" in old and "items" in new:
        yield from _field_changes(slug, [old["items"]], [new["items"]], prefix=path + "[].")


def _list_change(label: str, before: list[str], after: list[str]) -> str:
    """``Table columns: added priority; removed done.`` (or reordered)."""
    added = [name for name in after if name not in before]
    removed = [name for name in before if name not in after]
    parts = ([f"added {', '.join(added)}"] if added else []) + ([f"removed {', '.join(removed)}"] if removed else [])
    return f"{label}: {'; '.join(parts) if parts else 'reordered'}."


def _type_label(field: UIField) -> str:
    return field["type"] + (f" ({field['format']})" if field.get("format") and field["format"] not in field["type"] else "")


def _summary(field: UIField | None) -> dict[str, Any] | None:
    if field is None:
        return None
    return {"type": field["type"], "required": field["required"], "readOnly": field["readOnly"], "label": field["label"]}
