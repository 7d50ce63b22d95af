"""Named, versioned rules, and the settings that switch them.

Every extraction and resolution rule is a plain function listed, in the order
it runs, in the registry of its stage (``graph/extract/registry.py``,
``graph/resolve/registry.py``: filled there, not by import side effects).
A :class:`Rule` gives the function a stable name (``"events.verbal"``) and a
version; its id (``"events.verbal.v1"``) is what evidence records as the
extractor, and the ids of the extraction rules that ran key the extraction
cache, so changing one rule (and bumping its version) re-reads only what it
could change.

:class:`Settings` says which rules are switched off (``kg build
--without-rule NAME``) and which :class:`~graph.kinds.KindTable` is in use.

>>> r = Rule("events.verbal", 2, len, "A verb that names an event.")
>>> r.id
'events.verbal.v2'
>>> active((r,), Settings(without_rules=frozenset({"events.verbal"})))
()
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.errors import RegistryError
from graph.kinds import KindTable, default_kinds


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of one stage: a stable name, a version, the function, one line saying what it reads."""

    name: str
    version: int
    func: Callable[..., Any] = field(compare=False)
    description: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    @property
    def stage(self) -> str:
        return self.name.split(".", 1)[0]


def rule(name: str, version: int, func: Callable[..., Any]) -> Rule:
    """A Rule whose description is the first paragraph of the function's docstring."""
    paragraph = (func.__doc__ or "").strip().split("\n\n")[0]
    return Rule(name, version, func, " ".join(line.strip() for line in paragraph.splitlines()))


@dataclass(frozen=True, slots=True)
class Settings:
    """What a build runs with: the rules switched off, and the kinds of entity and event."""

    without_rules: frozenset[str] = frozenset()
    kinds: KindTable = field(default_factory=default_kinds)

    def enabled(self, r: Rule) -> bool:
        return r.name not in self.without_rules and r.id not in self.without_rules


DEFAULT = Settings()


def active(rules: Iterable[Rule], settings: Settings = DEFAULT) -> tuple[Rule, ...]:
    """The rules of a registry that the settings leave on, in order."""
    return tuple(r for r in rules if settings.enabled(r))


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, extraction first, in the order they run."""
    from graph.extract.registry import EXTRACT_RULES
    from graph.resolve.registry import RESOLVE_RULES

    return tuple(EXTRACT_RULES) + tuple(RESOLVE_RULES)


def check_names(names: Iterable[str], known: Iterable[Rule] | None = None) -> frozenset[str]:
    """The names, checked against the registries: an unknown one is an error that lists the valid ones."""
    rules = tuple(known) if known is not None else all_rules()
    valid = {r.name for r in rules} | {r.id for r in rules}
    wanted = frozenset(names)
    unknown = sorted(wanted - valid)
    if unknown:
        raise RegistryError(
            f"Unknown rule {', '.join(map(repr, unknown))}. Available: {', '.join(sorted(r.name for r in rules))}"
        )
    return wanted


def version_key(rules: Iterable[Rule], settings: Settings = DEFAULT) -> str:
    """A short hash of the ids of the rules that run, and of the kinds table: part of a cache key."""
    h = hashlib.sha256()
    for r in active(rules, settings):
        h.update(r.id.encode("utf-8") + b"\x1f")
    h.update(settings.kinds.digest().encode("utf-8"))
    return h.hexdigest()[:16]
