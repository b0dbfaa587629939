"""A participant's possible days ("busy patterns") when every meeting is mandatory.

A participant with k meetings on a one-day grid is busy in exactly k slots; with b breaks those
slots form b + 1 runs. A pattern is *possible* when its k slots can take the participant's k
meetings one to one (each meeting in a slot it allows: a bipartite matching, Hall's theorem);
other participants are ignored, so the possible patterns are a superset of what any full
schedule uses. They give

* the exact fewest breaks a participant could have alone (a valid per-participant lower bound),
* the columns of the pattern relaxation (:mod:`.pattern_lp`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .problem import Problem


class TooMany(Exception):
    """More patterns than the caller's limit."""


@dataclass(frozen=True)
class Pattern:
    """Busy positions (indices into the participant's day) and the number of breaks."""

    slots: tuple[int, ...]
    breaks: int


def single_day(problem: Problem) -> bool:
    """True when every participant's slots form one day (the B2B benchmark's form)."""
    return all(len(p.days) <= 1 for p in problem.participants)


def _runs(day_len: int, k: int, usable: list[bool], max_breaks: int, limit: int):
    """Every way to be busy in k usable positions of a day of ``day_len`` in at most
    ``max_breaks`` + 1 runs, as (positions, breaks)."""
    out: list[tuple[tuple[int, ...], int]] = []
    current: list[int] = []

    def extend(start_from: int, left: int, breaks: int) -> None:
        for start in range(start_from, day_len - left + 1):
            if not usable[start]:
                continue
            length = 0
            while length < left and start + length < day_len and usable[start + length]:
                length += 1
                current.append(start + length - 1)
                if length == left:
                    out.append((tuple(current), breaks))
                    if len(out) > limit:
                        raise TooMany
                elif breaks < max_breaks:
                    extend(start + length + 1, left - length, breaks + 1)
            del current[len(current) - length :]

    extend(0, k, 0)
    return out


def count_runs(day_len: int, k: int, usable: list[bool], max_breaks: int) -> int:
    """How many candidates :func:`_runs` would produce (dynamic programming, no listing)."""

    @cache
    def ways(i: int, left: int, runs_left: int, inside: bool) -> int:
        """Ways to place ``left`` busy positions from position i on."""
        if left == 0:
            return 1
        if day_len - i < left:
            return 0
        total = ways(i + 1, left, runs_left, False)  # idle at i (ends a run)
        if usable[i]:
            if inside:
                total += ways(i + 1, left - 1, runs_left, True)
            elif runs_left > 0:
                total += ways(i + 1, left - 1, runs_left - 1, True)
        return total

    return ways(0, k, max_breaks + 1, False)


def _matchable(options: list[list[int]], busy: tuple[int, ...]) -> bool:
    """True when each meeting (its allowed positions) gets its own busy position."""
    free = set(busy)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for pos in options[i]:
            if pos in free and pos not in seen:
                seen.add(pos)
                if pos not in owner or augment(owner[pos], seen):
                    owner[pos] = i
                    return True
        return False

    return all(augment(i, set()) for i in range(len(options)))


def participant_patterns(
    problem: Problem, p: int, max_breaks: int, limit: int = 200_000
) -> list[Pattern]:
    """Possible patterns of participant ``p`` with at most ``max_breaks`` breaks (single-day
    problems only). Raises :class:`TooMany` beyond ``limit`` candidates."""
    mine = problem.meetings_of[p]
    day = problem.participants[p].days[0] if problem.participants[p].days else ()
    position = {s: i for i, s in enumerate(day)}
    options = [
        sorted(position[s] for s in problem.meetings[m].allowed if s in position) for m in mine
    ]
    k = len(mine)
    if k == 0:
        return [Pattern((), 0)]
    usable = [False] * len(day)
    for opts in options:
        for i in opts:
            usable[i] = True
    if any(not opts for opts in options) or sum(usable) < k:
        return []
    if count_runs(len(day), k, usable, max_breaks) > limit:
        raise TooMany
    everywhere = all(len(opts) == sum(usable) for opts in options)
    result = []
    for busy, breaks in _runs(len(day), k, usable, max_breaks, limit):
        if everywhere or _matchable(options, busy):
            result.append(Pattern(busy, breaks if k >= 2 else 0))
    return result


def fewest_breaks(problem: Problem, p: int, cap: int = 3) -> int:
    """The fewest breaks participant ``p`` could have on its own (exact up to ``cap``; ``cap``
    means "at least cap"). Single-day problems only."""
    if len(problem.meetings_of[p]) <= 1:
        return 0
    for breaks in range(cap):
        try:
            found = participant_patterns(problem, p, breaks, limit=50_000)
        except TooMany:
            return breaks
        if any(pattern.breaks == breaks for pattern in found):
            return breaks
    return cap
