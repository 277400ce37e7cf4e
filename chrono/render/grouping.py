"""Group a timeline's events under headings (year, month, source) without changing their order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, cast

from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import Document, Event
from chrono.render.labels import group_key

GroupBy = Literal["year", "month", "source"]
GROUPINGS: tuple[str, ...] = ("year", "month", "source")


@dataclass(frozen=True, slots=True)
class EventGroup:
    """A heading and the events under it, in the order they had in the timeline."""

    key: str
    events: tuple[Event, ...]


def group_events(events: Iterable[Event], by: GroupBy = "year", *,
                 source_names: Mapping[str, str] | None = None,
                 language: Language | None = None) -> list[EventGroup]:
    """Year and month groups are runs of consecutive events, so the timeline's sort order is kept as is
    (a reverse timeline gets its years newest first). Source groups collect each document's events in the
    order the documents first appear.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    names = source_names or {}
    if by == "source":
        return _collect(events, lambda event: names.get(event.document, event.document))
    return _runs(events, lambda event: group_key(event.when, by, language=language))


def _runs(events: Iterable[Event], key: Callable[[Event], str]) -> list[EventGroup]:
    groups: list[tuple[str, list[Event]]] = []
    for event in events:
        name = key(event)
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append(event)
    return [EventGroup(name, tuple(members)) for name, members in groups]


def _collect(events: Iterable[Event], key: Callable[[Event], str]) -> list[EventGroup]:
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(key(event), []).append(event)
    return [EventGroup(name, tuple(members)) for name, members in groups.items()]


def group_headings(events: Iterable[Event], by: str = "year", *,
                 documents: Iterable[Document] = ()) -> list[tuple[str, list[Event]]]:
    """Ordered (label, events) groups for templates and `--group-by`.

    ``year``/``month`` label each run of consecutive events with its year ("2023") or month ("March
    2023"), so groups follow the timeline's sort; values coarser than the grouping keep their own label
    ("the 1990s"). ``source`` gathers each document's events under its title (else outlet, else id), in
    the order documents first appear; a merged event sits under its primary document.
    """
    if by not in GROUPINGS:
        raise ChronoInputError(f"unknown grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    names = {document.id: document.title or document.outlet or document.id for document in documents}
    groups = group_events(events, cast(GroupBy, by), source_names=names)
    return [(group.key, list(group.events)) for group in groups]
