"""Reader for the B2B meeting scheduling benchmark's MiniZinc data files (``.dzn``).

Format (Bofill et al., JAIR 74, 2022): ``nBusiness``, ``nMeetings``, ``nTables``, ``nTotalSlots``,
``nMorningSlots``, ``requested`` (rows ``p1, p2, session`` with session 1 = morning, 2 =
afternoon, 3 = any), ``meetingsxBusiness`` (ids shifted by one, with a dummy ``1``),
``forbidden`` (1-based slots with a dummy ``0``), ``fixed`` (0 = free, else 1-based slot) and
``precedences`` (per meeting, 1-based meetings that must come earlier).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InstanceError
from .problem import Kind, PMeeting, PParticipant, Problem

_ASSIGNMENT = re.compile(r"(\w+)\s*=\s*(.*?);", re.S)
_SCALARS = ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots")


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("%", 1)[0] for line in text.splitlines())


def _int_list(text: str, name: str) -> list[int]:
    try:
        return [int(tok) for tok in re.findall(r"-?\d+", text)]
    except ValueError as exc:  # pragma: no cover - regex only yields integers
        raise InstanceError(f"{name}: not a list of integers") from exc


def _set_list(text: str, name: str) -> list[list[int]]:
    body = text.strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise InstanceError(f"{name}: expected [ {{...}}, ... ]")
    return [_int_list(group, name) for group in re.findall(r"\{([^}]*)\}", body)]


def parse_dzn(text: str, fairness: int | None = 2) -> Problem:
    """Parse the text of a B2B ``.dzn`` file into a BREAKS problem (every meeting mandatory)."""
    values = dict(_ASSIGNMENT.findall(_strip_comments(text)))
    for name in (*_SCALARS, "requested"):
        if name not in values:
            raise InstanceError(f"{name}: missing")
    scalars = {}
    for name in _SCALARS:
        try:
            scalars[name] = int(values[name].strip())
        except ValueError:
            raise InstanceError(f"{name}: not an integer: {values[name].strip()!r}") from None
    n_business, n_meetings = scalars["nBusiness"], scalars["nMeetings"]
    n_slots, n_morning = scalars["nTotalSlots"], scalars["nMorningSlots"]
    if n_slots <= 0 or not 0 <= n_morning <= n_slots:
        raise InstanceError("nTotalSlots/nMorningSlots: inconsistent")

    flat = _int_list(values["requested"], "requested")
    if len(flat) != 3 * n_meetings:
        raise InstanceError(f"requested: expected {n_meetings} rows of 3, got {len(flat)} numbers")
    forbidden = [[]] * n_business
    if "forbidden" in values:
        forbidden = _set_list(values["forbidden"], "forbidden")
        if len(forbidden) != n_business:
            raise InstanceError(f"forbidden: expected {n_business} sets, got {len(forbidden)}")
    fixed = [0] * n_meetings
    if "fixed" in values:
        fixed = _int_list(values["fixed"], "fixed")
        if len(fixed) != n_meetings:
            raise InstanceError(f"fixed: expected {n_meetings} values, got {len(fixed)}")
    precedences = [[] for _ in range(n_meetings)]
    if "precedences" in values:
        precedences = _set_list(values["precedences"], "precedences")
        if len(precedences) != n_meetings:
            raise InstanceError(f"precedences: expected {n_meetings} sets")

    morning = tuple(range(n_morning))
    afternoon = tuple(range(n_morning, n_slots))
    every = tuple(range(n_slots))
    blocked = [{s - 1 for s in group if 1 <= s <= n_slots} for group in forbidden]
    meetings = []
    for m in range(n_meetings):
        a, b, session = flat[3 * m : 3 * m + 3]
        for who in (a, b):
            if not 1 <= who <= n_business:
                raise InstanceError(f"requested[{m + 1}]: unknown participant {who}")
        if a == b:
            raise InstanceError(f"requested[{m + 1}]: participant {a} meets itself")
        if session not in (1, 2, 3):
            raise InstanceError(f"requested[{m + 1}]: session must be 1, 2 or 3, got {session}")
        pool = {1: morning, 2: afternoon, 3: every}[session]
        allowed = tuple(s for s in pool if s not in blocked[a - 1] and s not in blocked[b - 1])
        fixed_slot = fixed[m] - 1 if fixed[m] else None
        if fixed_slot is not None and not 0 <= fixed_slot < n_slots:
            raise InstanceError(f"fixed[{m + 1}]: slot {fixed[m]} out of range")
        after = tuple(sorted(q - 1 for q in precedences[m] if 1 <= q <= n_meetings))
        meetings.append(
            PMeeting(
                id=str(m + 1),
                participants=(a - 1, b - 1),
                priority=1,
                allowed=allowed if fixed_slot is None else (fixed_slot,),
                fixed_slot=fixed_slot,
                after=after,
            )
        )
    participants = [
        PParticipant(id=str(p + 1), max_meetings=None, max_per_day=None, days=(every,))
        for p in range(n_business)
    ]
    return Problem(
        kind=Kind.BREAKS,
        n_slots=n_slots,
        tables=scalars["nTables"],
        meetings=meetings,
        participants=participants,
        slot_ids=[str(s + 1) for s in range(n_slots)],
        fairness=fairness,
    )


def load_dzn(path: str | Path, fairness: int | None = 2) -> Problem:
    """Read and parse a B2B ``.dzn`` file."""
    return parse_dzn(Path(path).read_text(encoding="utf-8"), fairness=fairness)
