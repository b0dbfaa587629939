"""Fast primal heuristics for large PRIORITY problems: greedy placement and ejection-chain repair.

``first_come`` is the baseline an organiser would do by hand (requests in arrival order, earliest
free slot). ``greedy`` orders requests by priority and scarcity and prefers slots next to the
participants' other meetings (fewer idle gaps). ``repair`` then tries to insert every still
unscheduled meeting by moving blocking meetings elsewhere (chains of depth ``depth``), and
evicts lower-priority blockers when that strictly increases the total priority.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable

import numpy as np

from .problem import Problem


class Board:
    """Incremental schedule state: who is busy when, table load, caps."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.slot: list[int | None] = [None] * len(problem.meetings)
        self.busy: list[dict[int, int]] = [{} for _ in problem.participants]
        self.load = [0] * problem.n_slots
        self.count = [0] * len(problem.participants)
        days = problem.day_index()
        self.day_of = days
        self.day_count: list[dict[int, int]] = [{} for _ in problem.participants]
        self.value = 0

    def caps_ok(self, m: int, s: int) -> bool:
        """True when adding meeting m at slot s respects every participant's caps."""
        for p in self.problem.meetings[m].participants:
            person = self.problem.participants[p]
            if person.max_meetings is not None and self.count[p] >= person.max_meetings:
                return False
            if person.max_per_day is not None:
                d = self.day_of[p].get(s, -1 - s)
                if self.day_count[p].get(d, 0) >= person.max_per_day:
                    return False
        return True

    def free(self, m: int, s: int) -> bool:
        """True when meeting m fits at slot s right now."""
        if self.load[s] >= self.problem.tables:
            return False
        for p in self.problem.meetings[m].participants:
            if s in self.busy[p]:
                return False
        return self.caps_ok(m, s)

    def place(self, m: int, s: int) -> None:
        """Put meeting m at slot s (the caller checked it fits)."""
        self.slot[m] = s
        self.load[s] += 1
        self.value += self.problem.meetings[m].priority
        for p in self.problem.meetings[m].participants:
            self.busy[p][s] = m
            self.count[p] += 1
            d = self.day_of[p].get(s, -1 - s)
            self.day_count[p][d] = self.day_count[p].get(d, 0) + 1

    def remove(self, m: int) -> int:
        """Unschedule meeting m; return the slot it had."""
        s = self.slot[m]
        assert s is not None
        self.slot[m] = None
        self.load[s] -= 1
        self.value -= self.problem.meetings[m].priority
        for p in self.problem.meetings[m].participants:
            del self.busy[p][s]
            self.count[p] -= 1
            d = self.day_of[p].get(s, -1 - s)
            self.day_count[p][d] -= 1
        return s

    def adjacency(self, m: int, s: int) -> int:
        """How many participants of m are busy right before or after slot s."""
        return sum(
            (s - 1 in self.busy[p]) + (s + 1 in self.busy[p])
            for p in self.problem.meetings[m].participants
        )


def first_come(problem: Problem) -> list[int | None]:
    """Baseline: requests in the given order, each in its earliest free allowed slot."""
    board = Board(problem)
    order = sorted(
        range(len(problem.meetings)), key=lambda m: problem.meetings[m].fixed_slot is None
    )
    for m in order:
        for s in sorted(problem.meetings[m].allowed):
            if board.free(m, s):
                board.place(m, s)
                break
    return board.slot


def greedy(
    problem: Problem,
    hint: list[int | None] | None = None,
    preferred: dict[tuple[int, int], float] | None = None,
    pairs: Iterable[tuple[int, int]] | None = None,
) -> Board:
    """Priority-first, scarcest-first placement, preferring slots adjacent to other meetings.

    ``hint`` (slot per meeting) is placed first where it still fits; then ``pairs`` (meeting,
    slot) in the given order, or ``preferred`` (e.g. an LP solution, value per (meeting, slot))
    in decreasing order of value times priority.
    """
    board = Board(problem)
    meetings = problem.meetings
    demand = [len(problem.meetings_of[p]) for p in range(len(problem.participants))]
    fixed = [m for m, meeting in enumerate(meetings) if meeting.fixed_slot is not None]
    for m in fixed:  # confirmed meetings first, whatever it costs
        board.place(m, meetings[m].fixed_slot)
    if hint:
        for m, s in enumerate(hint):
            if (
                s is not None
                and board.slot[m] is None
                and s in meetings[m].allowed
                and board.free(m, s)
            ):
                board.place(m, s)
    if preferred and pairs is None:
        ranked = sorted(preferred.items(), key=lambda kv: -kv[1] * meetings[kv[0][0]].priority)
        pairs = [pair for pair, _ in ranked]
    for m, s in pairs or ():
        if board.slot[m] is None and board.free(m, s):
            board.place(m, s)
    rest = [m for m in range(len(meetings)) if board.slot[m] is None]
    rest.sort(
        key=lambda m: (
            -meetings[m].priority,
            len(meetings[m].allowed),
            -max(demand[p] for p in meetings[m].participants),
        )
    )
    for m in rest:
        best, best_score = None, None
        for s in meetings[m].allowed:
            if board.free(m, s):
                score = (board.adjacency(m, s), -board.load[s])
                if best_score is None or score > best_score:
                    best, best_score = s, score
        if best is not None:
            board.place(m, best)
    return board


def lp_rounding(problem: Problem, relaxed, hint: list[int | None] | None = None) -> Board:
    """Round an LP solution: (meeting, slot) pairs in decreasing order of LP value times
    priority, each placed if it still fits, then the greedy for the rest. Unlike "value >= 0.5
    first", this also uses an interior (first-order) solution's small values."""
    weights = np.fromiter((m.priority for m in problem.meetings), dtype=float)
    score = relaxed.x * weights[relaxed.meetings]
    order = np.argsort(-score, kind="stable")
    order = order[score[order] > 1e-9]
    pairs = zip(relaxed.meetings[order].tolist(), relaxed.slots[order].tolist(), strict=True)
    return greedy(problem, hint, pairs=pairs)


def _try_insert(board: Board, m: int, depth: int, chain: set[int], rng: random.Random) -> bool:
    """Insert m, moving at most one blocker per level along a chain of length ``depth``."""
    problem = board.problem
    allowed = list(problem.meetings[m].allowed)
    rng.shuffle(allowed)
    for s in allowed:
        if board.free(m, s):
            board.place(m, s)
            return True
    if depth == 0:
        return False
    for s in allowed:
        blockers = {
            board.busy[p][s] for p in problem.meetings[m].participants if s in board.busy[p]
        }
        if len(blockers) != 1:
            continue
        (b,) = blockers
        if b in chain or problem.meetings[b].fixed_slot is not None:
            continue
        board.remove(b)
        if not board.free(m, s):
            board.place(b, s)
            continue
        board.place(m, s)
        chain.add(m)
        if _try_insert(board, b, depth - 1, chain, rng) and board.slot[b] != s:
            return True
        chain.discard(m)
        if board.slot[b] is not None:
            board.remove(b)
        board.remove(m)
        board.place(b, s)
    return False


def _try_evict(board: Board, m: int) -> list[int] | None:
    """Place m by evicting strictly less valuable blockers; return the evicted meetings."""
    problem = board.problem
    weight = problem.meetings[m].priority
    best = None
    for s in problem.meetings[m].allowed:
        blockers = {
            board.busy[p][s] for p in problem.meetings[m].participants if s in board.busy[p]
        }
        if any(problem.meetings[b].fixed_slot is not None for b in blockers):
            continue
        lost = sum(problem.meetings[b].priority for b in blockers)
        if lost < weight and (best is None or lost < best[0]):
            best = (lost, s, blockers)
    if best is None:
        return None
    _, s, blockers = best
    for b in blockers:
        board.remove(b)
    if board.free(m, s):
        board.place(m, s)
        return list(blockers)
    for b in blockers:
        board.place(b, s)
    return None


def repair(
    board: Board,
    *,
    deadline: float,
    depth: int = 3,
    seed: int = 0,
    should_stop: Callable[[], bool] | None = None,
    on_round: Callable[[int], None] | None = None,
) -> Board:
    """Improve a schedule in place until no move helps, the deadline passes or a stop is asked."""
    rng = random.Random(seed)
    problem = board.problem
    for round_ in range(1, 50):
        improved = False
        waiting = [m for m in range(len(problem.meetings)) if board.slot[m] is None]
        waiting.sort(key=lambda m: -problem.meetings[m].priority)
        for i, m in enumerate(waiting):
            if i % 64 == 0 and (time.monotonic() > deadline or (should_stop and should_stop())):
                return board
            if board.slot[m] is not None:
                continue
            if _try_insert(board, m, depth, set(), rng):
                improved = True
                continue
            evicted = _try_evict(board, m)
            if evicted is not None:
                improved = True
                for b in evicted:
                    _try_insert(board, b, depth, set(), rng)
        if on_round:
            on_round(round_)
        if not improved:
            break
    return board
