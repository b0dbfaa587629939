"""Table numbers for a schedule: tables are interchangeable, so any numbering within capacity
works; confirmed (fixed) tables are kept and the others take the lowest free numbers."""

from __future__ import annotations

from .problem import Problem


def assign_tables(problem: Problem, slots: list[int | None]) -> list[int | None]:
    """Table number (1-based) for each scheduled meeting, ``None`` for unscheduled ones.

    Raises ``ValueError`` if a slot holds more meetings than tables or two fixed tables clash.
    """
    tables: list[int | None] = [None] * len(slots)
    taken: dict[int, set[int]] = {}
    for m, s in enumerate(slots):
        fixed = problem.meetings[m].fixed_table
        if s is not None and fixed is not None and s == problem.meetings[m].fixed_slot:
            used = taken.setdefault(s, set())
            if fixed in used:
                raise ValueError(f"two confirmed meetings share table {fixed} in one slot")
            used.add(fixed)
            tables[m] = fixed
    cursor: dict[int, int] = {}
    for m, s in enumerate(slots):
        if s is None or tables[m] is not None:
            continue
        used = taken.setdefault(s, set())
        table = cursor.get(s, 1)
        while table in used:
            table += 1
        if table > problem.tables:
            raise ValueError(f"slot {problem.slot_ids[s]} holds more meetings than tables")
        used.add(table)
        cursor[s] = table + 1
        tables[m] = table
    return tables
