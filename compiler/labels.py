"""Human labels from identifiers: ``firstName`` → "First name", ``userId`` → "User ID"."""
from __future__ import annotations

import re

_ACRONYMS = {"id": "ID", "url": "URL", "uri": "URI", "uuid": "UUID", "sku": "SKU", "api": "API", "ip": "IP",
             "html": "HTML", "json": "JSON", "http": "HTTP", "iso": "ISO", "vat": "VAT", "isbn": "ISBN"}
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def words(identifier: str) -> list[str]:
    return [word.lower() for word in _WORDS.findall(identifier)]


def humanize(identifier: str) -> str:
    """A sentence-case label; acronyms stay upper case."""
    parts = [_ACRONYMS.get(word, word) for word in words(identifier)]
    if not parts:
        return identifier
    first = parts[0]
    parts[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(parts)


def singular(name: str) -> str:
    """English singular of a plural resource name, good enough for headings."""
    lowered = name.lower()
    if lowered.endswith("ies") and len(name) > 3:
        return name[:-3] + ("Y" if name[-3].isupper() else "y")
    if lowered.endswith(("sses", "xes", "ches", "shes", "zes", "atuses")):
        return name[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return name[:-1]
    return name
