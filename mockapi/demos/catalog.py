"""The bundled demo specs: names, picker labels, data sources and seed fixtures.

Pure data and file access, no Django. The demo series ``tasks-v1`` ..
``tasks-v3`` share the ``demo-tasks`` data source, so updating a compiled demo
from one version to the next keeps its records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DEMOS_DIR = Path(__file__).resolve().parent
SPECS_DIR = DEMOS_DIR / "specs"
FIXTURES_DIR = DEMOS_DIR / "fixtures"


@dataclass(frozen=True)
class DemoSpec:
    """One bundled OpenAPI document offered in the demo picker."""

    name: str
    title: str
    data_source: str
    path: Path

    def text(self) -> str:
        """Return the spec's YAML text exactly as stored."""
        return self.path.read_text(encoding="utf-8")


def _spec(name: str, title: str, data_source: str) -> DemoSpec:
    return DemoSpec(name=name, title=title, data_source=data_source, path=SPECS_DIR / f"{name}.yaml")


DEMO_SPECS: tuple[DemoSpec, ...] = (
    _spec("users", "User directory (OpenAPI 3.0, grouped by tags)", "demo-users"),
    _spec("products", "Product catalog (OpenAPI 3.1, grouped by paths)", "demo-products"),
    _spec("tasks-v1", "Team tasks v1 (OpenAPI 3.0, update series 1/3)", "demo-tasks"),
    _spec("tasks-v2", "Team tasks v2 (OpenAPI 3.0, update series 2/3)", "demo-tasks"),
    _spec("tasks-v3", "Team tasks v3 (OpenAPI 3.0, update series 3/3)", "demo-tasks"),
)

_BY_NAME: dict[str, DemoSpec] = {spec.name: spec for spec in DEMO_SPECS}
DATA_SOURCES: frozenset[str] = frozenset(spec.data_source for spec in DEMO_SPECS)


def demo_spec(name: str) -> DemoSpec | None:
    """Return the demo spec called ``name``, or None if there is none."""
    return _BY_NAME.get(name)


def fixture_records(data_source: str, resource_slug: str) -> list[dict]:
    """Return the seed records of one demo resource; [] when there are none.

    Each call parses the file again, so callers may mutate the result freely.
    Unknown or path-like names (``..``, ``/``) give [] rather than reading
    outside the fixtures folder.
    """
    if data_source not in DATA_SOURCES or not _is_plain_name(resource_slug):
        return []
    path = FIXTURES_DIR / data_source / f"{resource_slug}.json"
    if not path.is_file():
        return []
    records = json.loads(path.read_text(encoding="utf-8"))
    return [record for record in records if isinstance(record, dict)]


def _is_plain_name(value: str) -> bool:
    return bool(value) and value.replace("-", "").replace("_", "").isalnum() and value.isascii()
