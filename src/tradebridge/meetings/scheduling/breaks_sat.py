"""Deciding budgets of a BREAKS problem with a CDCL SAT solver (CaDiCaL, through PySAT).

"Is there a fair schedule with at most B breaks?" is encoded once as clauses; the budget is an
assumption on a totalizer, so one incremental solver decides B = L, L + 1, ... and keeps what
it learnt from every refutation (CP-SAT starts each decision afresh). The solver answers in
chunks of conflicts, so deadlines and cancelling are honoured between chunks.

Clauses (single-day problems where somebody has at most one meeting, so fairness d means
"nobody has more than d breaks"):

* x[m, s] for allowed slots: each meeting exactly once, precedences;
* busy[p, s] <-> some meeting of p at s, at most one of them;
* tables: sum over participants of busy[p, s] <= 2 x tables (every meeting has two
  participants; else sum of x[m, s] <= tables). Counting busy participants rather than
  meetings is what lets the solver see that the middle of the day is full: on
  forum-13crafb / ticf-13crafb it made the decisions several times faster;
* breaks: brk[p, s] when p is busy at s, idle at s - 1 and busy somewhere before; a
  two-way unary counter per participant (ge[p][j]: at least j breaks), ge[p][d + 1] false,
  ge[p][own minimum] true;
* implied: a participant with no break (one break) follows one of its possible unbroken
  (once-broken) days from :mod:`.patterns`, i.e. days whose slots can take its meetings one
  to one: this puts each participant's matching into the clauses;
* the budget: a totalizer over all ge literals.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections.abc import Callable

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.formula import IDPool
from pysat.solvers import Solver

from .patterns import TooMany, participant_patterns, single_day
from .problem import Problem

#: the most patterns of one break count per participant turned into clauses
PATTERN_LIMIT = 3_000
#: conflicts per chunk (a few tenths of a second on the benchmark)
CHUNK = 2_000
#: conflict chunks one guess of :meth:`BreaksSat.guess` may take
GUESS_CHUNKS = 10
#: CaDiCaL in "stable" mode only (its setting for formulas that have a solution): it finds
#: the hard benchmark schedules 2 to 3 times sooner than the default, and refutes far worse
STABLE = {"stabilizeonly": 1}


def supported(problem: Problem, fairness: int | None) -> bool:
    """True when this encoding applies: one day per participant, fairness given, and someone
    with at most one meeting (the fewest breaks is then 0, so fairness caps everyone)."""
    if fairness is None or not single_day(problem):
        return False
    counts = [len(mine) for mine in problem.meetings_of]
    if not any(k <= 1 for k in counts):
        return False
    return all(
        person.max_meetings is None or person.max_meetings >= k
        for person, k in zip(problem.participants, counts, strict=True)
    )


def _counter(pool: IDPool, clauses: list, lits: list[int], top: int) -> list[int | None]:
    """A two-way sequential counter: out[j] is true exactly when at least j of ``lits`` are
    (j = 1..top; out[0] unused, None where the count cannot be reached)."""
    prev: list[int | None] = [None] * (top + 1)
    for lit in lits:
        cur: list[int | None] = [None] * (top + 1)
        for j in range(1, top + 1):
            same = prev[j]
            less = True if j == 1 else prev[j - 1]
            if same is None and less is None:
                continue
            out = cur[j] = pool.id()
            if same is not None:
                clauses.append([-same, out])
            if less is True:
                clauses.append([-lit, out])
            elif less is not None:
                clauses.append([-less, -lit, out])
            keep = [same] if same is not None else []
            clauses.append([-out, *keep, lit])
            if less is not True:
                clauses.append([-out, *keep, *([less] if less is not None else [])])
        prev = cur
    return prev


class BreaksSat:
    """The clauses of one BREAKS problem and an incremental solver over them."""

    def __init__(
        self, problem: Problem, fairness: int, lower: list[int], options: dict | None = None
    ) -> None:
        self.problem = problem
        pool = self.pool = IDPool()
        clauses: list[list[int]] = []
        #: True when the clauses are contradictory before any search (a participant's own
        #: minimum above the fairness cap)
        self.contradiction = False
        self.x = x = {}
        self.lower = lower
        #: per participant with breaks: ge[j] true when it has at least j breaks (None: cannot)
        self.ge: dict[int, list[int | None]] = {}
        #: per participant: how many days it could have with its own fewest breaks (where
        #: counted; fewer ways: likelier to need more in a full schedule)
        self.ways: dict[int, int] = {}
        for m, meeting in enumerate(problem.meetings):
            for s in meeting.allowed:
                x[m, s] = pool.id(("x", m, s))
        for m, meeting in enumerate(problem.meetings):
            lits = [x[m, s] for s in meeting.allowed]
            clauses.append(lits)
            clauses.extend(CardEnc.atmost(lits, 1, vpool=pool, encoding=EncType.seqcounter).clauses)
            for before in meeting.after:
                earlier = problem.meetings[before].allowed
                for s in meeting.allowed:
                    clauses.append([-x[m, s], *(x[before, t] for t in earlier if t < s)])
        busy_at: dict[int, list[int]] = {}
        counted: list[int] = []
        for p, _person in enumerate(problem.participants):
            busy = self._busy(p, clauses)
            for s, lit in busy.items():
                busy_at.setdefault(s, []).append(lit)
            breaks = self._breaks(p, busy, clauses)
            if not breaks:
                continue
            top = min(len(breaks), fairness + 1)
            ge = self.ge[p] = _counter(pool, clauses, breaks, top)
            if top == fairness + 1 and ge[top] is not None:
                clauses.append([-ge[top]])
            if lower[p] > fairness:
                self.contradiction = True
            elif lower[p] > 0:
                clauses.append([ge[lower[p]]])
            counted.extend(lit for lit in ge[1 : fairness + 1] if lit is not None)
            self._patterns(p, busy, ge, min(1, fairness), clauses)
        self._tables(busy_at, clauses)
        self.most = len(counted)
        self.total = None
        if counted:
            self.total = ITotalizer(lits=counted, ubound=len(counted), top_id=pool.top)
            pool.occupy(pool.top + 1, self.total.top_id)
            clauses.extend(self.total.cnf.clauses)
        self.solver = Solver(name="cadical195")
        if options:
            self.solver.configure(options)  # only possible before the first clause
        self.solver.append_formula(clauses)
        self.size = (self.total.top_id if self.total else pool.top, len(clauses))

    def _busy(self, p: int, clauses: list) -> dict[int, int]:
        by_slot: dict[int, list[int]] = {}
        for m in self.problem.meetings_of[p]:
            for s in self.problem.meetings[m].allowed:
                by_slot.setdefault(s, []).append(self.x[m, s])
        busy = {}
        for s in sorted(by_slot):
            lits = by_slot[s]
            lit = busy[s] = self.pool.id(("busy", p, s))
            clauses.append([-lit, *lits])
            clauses.extend([-v, lit] for v in lits)
            if len(lits) > 1:
                encoding = EncType.pairwise if len(lits) < 7 else EncType.seqcounter
                clauses.extend(CardEnc.atmost(lits, 1, vpool=self.pool, encoding=encoding).clauses)
        return busy

    def _breaks(self, p: int, busy: dict[int, int], clauses: list) -> list[int]:
        """brk[s]: busy at s, idle at s - 1, busy before (only forced true: they are counted
        against the budget, so nothing gains from making them true)."""
        if len(self.problem.meetings_of[p]) < 2:
            return []
        day = self.problem.participants[p].days[0]
        breaks = []
        before = None  # "busy at some earlier slot of the day"
        previous = None
        for s in day:
            now = busy.get(s)
            if now is not None and before is not None:
                lit = self.pool.id(("brk", p, s))
                clauses.append([-now, *([previous] if previous else []), -before, lit])
                breaks.append(lit)
            if now is not None or before is not None:
                following = self.pool.id(("before", p, s))
                if now is not None:
                    clauses.append([-now, following])
                if before is not None:
                    clauses.append([-before, following])
                before = following
            previous = now
        return breaks

    def _patterns(self, p, busy, ge, most, clauses) -> None:
        """With exactly b breaks (b <= most), p's day is one of its possible b-break days."""
        day = self.problem.participants[p].days[0]
        for b in range(most + 1):
            try:
                found = participant_patterns(self.problem, p, b, limit=PATTERN_LIMIT)
            except TooMany:
                continue
            if b == self.lower[p]:
                self.ways[p] = sum(1 for pattern in found if pattern.breaks == b)
            clause = []
            if b >= 1:
                if ge[b] is None:
                    continue
                clause.append(-ge[b])
            if b + 1 < len(ge) and ge[b + 1] is not None:
                clause.append(ge[b + 1])
            for pattern in found:
                if pattern.breaks != b:
                    continue
                chosen = self.pool.id()
                clause.append(chosen)
                inside = {day[i] for i in pattern.slots}
                for s, lit in busy.items():
                    clauses.append([-chosen, lit if s in inside else -lit])
            clauses.append(clause)

    def _tables(self, busy_at: dict[int, list[int]], clauses: list) -> None:
        problem = self.problem
        pairs = all(len(m.participants) == 2 for m in problem.meetings)
        if pairs:
            groups, cap = busy_at, 2 * problem.tables
        else:
            groups, cap = {}, problem.tables
            for (_m, s), lit in self.x.items():
                groups.setdefault(s, []).append(lit)
        for lits in groups.values():
            if len(lits) > cap:
                encoded = CardEnc.atmost(lits, cap, vpool=self.pool, encoding=EncType.seqcounter)
                clauses.extend(encoded.clauses)

    def decide(
        self, budget: int, deadline: float, should_stop: Callable[[], bool]
    ) -> tuple[bool | None, list[int | None] | None]:
        """(True, slots) for a fair schedule within ``budget``, (False, None) when there is
        none, (None, None) when the deadline passed or ``should_stop`` said so first."""
        assumptions = []
        if self.total is not None and budget < self.most:
            assumptions = [-self.total.rhs[max(0, budget)]]
        if budget < 0 or self.contradiction:
            return False, None
        while time.monotonic() < deadline and not should_stop():
            self.solver.conf_budget(CHUNK)
            answer = self.solver.solve_limited(assumptions=assumptions)
            if answer is None:
                continue
            if not answer:
                return False, None
            return True, self._slots()
        return None, None

    def guess(
        self, budget: int, deadline: float, should_stop: Callable[[], bool]
    ) -> tuple[bool | None, list[int | None] | None]:
        """Decide ``budget`` like :meth:`decide`, by guessing who takes breaks above their
        own fewest (implicit hitting sets).

        With spare = budget - sum of the participants' own fewest breaks, a schedule within
        the budget has at most ``spare`` participants above their fewest. Each guess G (at
        most ``spare`` participants) is decided with everybody else held at their fewest; a
        refuted guess leaves a core, participants of whom at least one must be above their
        fewest. The next guess hits every core so far, trying the participants with the
        fewest unbroken ways first. Held-down participants leave a small formula, so a guess
        is decided in tens of milliseconds; on the benchmark's hard instances this finds the
        optimal schedule several times faster than deciding the budget as a whole. No guess
        hitting all cores is a proof that the budget is infeasible; a guess that runs out of
        conflicts is set aside, and once none is left the budget is decided as a whole.
        """
        spare = budget - sum(self.lower)
        if spare < 0 or self.contradiction:
            return False, None
        if self.total is None or budget >= self.most:
            return self.decide(budget, deadline, should_stop)
        held = {
            p: ge[self.lower[p] + 1]
            for p, ge in self.ge.items()
            if self.lower[p] + 1 < len(ge) and ge[self.lower[p] + 1] is not None
        }
        order = sorted(held, key=lambda p: (self.ways.get(p, PATTERN_LIMIT), p))
        rank = {p: i for i, p in enumerate(order)}
        by_literal = {lit: p for p, lit in held.items()}
        cores: list[frozenset[int]] = []
        skipped: list[frozenset[int]] = []  # guesses undecided within their conflicts
        within = -self.total.rhs[budget]
        while time.monotonic() < deadline and not should_stop():
            group = _hitting_set(cores + skipped, spare, rank)
            if group is None:
                if not skipped:
                    return False, None  # every way of placing the spare breaks is refuted
                return self.decide(budget, deadline, should_stop)
            assumptions = [within, *(-lit for p, lit in held.items() if p not in group)]
            answer = None
            for _ in range(GUESS_CHUNKS):
                if time.monotonic() >= deadline or should_stop():
                    return None, None
                self.solver.conf_budget(CHUNK)
                answer = self.solver.solve_limited(assumptions=assumptions)
                if answer is not None:
                    break
            if answer is None:
                skipped.append(frozenset(p for p in held if p not in group))
                continue
            if answer:
                return True, self._slots()
            failed = {-lit for lit in self.solver.get_core() or []}
            core = frozenset(by_literal[lit] for lit in failed if lit in by_literal)
            if not core:
                return False, None  # the budget alone is refuted
            cores.append(core)
        return None, None

    def _slots(self) -> list[int | None]:
        true = {v for v in self.solver.get_model() if v > 0}
        slots: list[int | None] = [None] * len(self.problem.meetings)
        for (m, s), lit in self.x.items():
            if lit in true:
                slots[m] = s
        return slots

    def close(self) -> None:
        self.solver.delete()


def _hitting_set(cores, size, rank, chosen=frozenset()):
    """A set of at most ``size`` participants meeting every core (extending ``chosen``),
    low ranks first; None when there is none."""
    unmet = [core for core in cores if not core & chosen]
    if not unmet:
        return chosen
    if len(chosen) >= size:
        return None
    if len(chosen) == size - 1:  # one more: it must be in all the unmet cores
        common = frozenset.intersection(*unmet)
        return chosen | {min(common, key=rank.__getitem__)} if common else None
    for p in sorted(unmet[0], key=rank.__getitem__):
        found = _hitting_set(unmet, size, rank, chosen | {p})
        if found is not None:
            return found
    return None


class SatSide:
    """The budget decisions in a child process, so that the solver's long calls (which keep
    Python's global lock) do not stall the CP-SAT search in this one.

    The child climbs from the bound it is given; :meth:`tell` passes it a higher bound proven
    elsewhere. Its findings arrive as messages: ``("unsat", budget)``, ``("sat", slots)``,
    ``("infeasible",)`` and finally ``("done",)``. With ``guess`` it decides each budget by
    :meth:`BreaksSat.guess`, else as a whole.
    """

    def __init__(
        self,
        problem: Problem,
        fairness: int,
        lower: list[int],
        budget: int,
        seconds: float,
        guess: bool = False,
        options: dict | None = None,
    ) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_child,
            args=(problem, fairness, lower, budget, seconds, guess, options, child),
            daemon=True,
        )
        self.process.start()
        child.close()

    def tell(self, proven: int) -> None:
        with contextlib.suppress(OSError):  # OSError: the child has finished
            self.connection.send(("bound", proven))

    def messages(self):
        """Yield the child's messages until it is done (blocking between them)."""
        while True:
            try:
                message = self.connection.recv()
            except (EOFError, OSError):
                return
            if message[0] == "done":
                return
            yield message

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(("stop",))
        self.process.join(2.0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def _child(problem, fairness, lower, budget, seconds, guess, options, connection) -> None:
    deadline = time.monotonic() + seconds
    state = {"stop": False, "bound": budget}

    def should_stop() -> bool:
        while connection.poll():
            message = connection.recv()
            if message[0] == "stop":
                state["stop"] = True
            elif message[0] == "bound":
                state["bound"] = max(state["bound"], message[1])
        return state["stop"] or state["bound"] > budget

    try:
        sat = BreaksSat(problem, fairness, lower, options)
        decide = sat.guess if guess else sat.decide
        while not state["stop"] and time.monotonic() < deadline:
            budget = state["bound"]
            found, slots = decide(budget, deadline, should_stop)
            if found is None:
                continue  # a higher bound arrived (or stop / the deadline: the loop ends)
            if found:
                connection.send(("sat", slots))
                break
            if budget >= sat.most:
                connection.send(("infeasible",))
                break
            connection.send(("unsat", budget))
            state["bound"] = max(state["bound"], budget + 1)
        sat.close()
    finally:
        with contextlib.suppress(OSError):
            connection.send(("done",))
        connection.close()
