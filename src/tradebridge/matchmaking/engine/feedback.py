"""What an organisation has told us, as plain inputs to the scorer.

:class:`Preferences` are stated up front (exclusions with a reason, preferred partners, regions
and sectors); :class:`Feedback` comes from acting on recommendations ("not relevant",
"meeting requested"). The web app keeps both in its database and passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

EXCLUSION_REASONS = ("not_interested", "competitor", "already_met")


@dataclass(frozen=True)
class Preferences:
    """Explicit wishes of one organisation.

    ``excluded`` maps partner ids to one of :data:`EXCLUSION_REASONS`; excluded partners are
    never recommended. Preferred partners, regions (hierarchical) and sectors get a bonus.
    """

    excluded: Mapping[str, str] = field(default_factory=dict)
    preferred: frozenset[str] = frozenset()
    preferred_regions: tuple[str, ...] = ()
    preferred_sectors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for pid, reason in self.excluded.items():
            if reason not in EXCLUSION_REASONS:
                raise ValueError(f"exclusion of {pid}: {reason!r} not in {EXCLUSION_REASONS}")


@dataclass(frozen=True)
class Feedback:
    """Marks one organisation left on earlier recommendations.

    ``not_relevant`` partners are excluded and partners similar to them are slightly
    down-weighted. ``meeting_requested`` partners are already in contact: with
    ``requested="exclude"`` (default) they are left out, with ``"mark"`` they stay and carry a
    ``meeting_requested`` reason.
    """

    not_relevant: frozenset[str] = frozenset()
    meeting_requested: frozenset[str] = frozenset()
    requested: Literal["exclude", "mark"] = "exclude"

    @classmethod
    def from_marks(cls, marks: Iterable[tuple[str, str]], requested: str = "exclude") -> Feedback:
        """Build from (partner id, mark) pairs, mark being "not_relevant" or "meeting_requested"."""
        not_relevant, met = set(), set()
        for pid, mark in marks:
            if mark == "not_relevant":
                not_relevant.add(pid)
            elif mark == "meeting_requested":
                met.add(pid)
            else:
                raise ValueError(f"unknown feedback mark {mark!r}")
        if requested not in ("exclude", "mark"):
            raise ValueError("requested must be 'exclude' or 'mark'")
        return cls(frozenset(not_relevant), frozenset(met), requested)  # type: ignore[arg-type]
