"""Search for BREAKS problems (every meeting mandatory, minimise breaks, fairness d).

Plain objective minimisation with CP-SAT finds good schedules slowly here: tables are tight and
the breaks objective gives the search little direction. Deciding "is there a schedule with at
most B breaks?" on the span model (:mod:`.runs_model`) is much faster, so the search climbs:

1. a valid lower bound L: per participant, the fewest breaks it could have alone
   (:mod:`.patterns`, exact), and the pattern relaxation's bound (:mod:`.pattern_lp`);
2. decide B = L, L+1, ...: "infeasible" (from CP-SAT or from the pattern LP) proves the optimum
   is above B, a schedule at the proven lower bound is optimal. Each decision only uses what
   the LP's reduced costs allow within budget B: participants left with unbroken days only
   become rigid blocks with their possible first slots, unusable (meeting, slot) pairs go;
3. if a decision times out, any fair schedule is found and improved, and the budgets between
   the proven bound and the best schedule are retried with the time left.

Beside this CP-SAT search, a thread decides the same budgets with a SAT solver
(:mod:`.breaks_sat`) where its encoding applies; whichever proves the optimum first ends the
search, and each side's schedules and refutations serve the other (one shared bound).
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from ortools.sat.python import cp_model

from . import breaks_sat
from .cpsat_model import build_model
from .gap_bounds import participant_gap_lower_bounds
from .pattern_lp import PatternRelaxation, Restriction, break_caps
from .patterns import TooMany, fewest_breaks, single_day
from .problem import Problem, count_gaps
from .runs_model import add_blocks, add_spans

Runner = Callable[..., tuple]

#: CP-SAT's portfolio for pure decisions on 2 workers (its default pairs one full solver with
#: LNS, which has nothing to improve without an objective)
DECISION_SUBSOLVERS = ("default_lp", "fixed")


def lower_bounds(problem: Problem, time_limit: float) -> list[int]:
    """Per participant, a valid lower bound on its breaks (exact on single-day problems)."""
    if single_day(problem):
        return [fewest_breaks(problem, p) for p in range(len(problem.participants))]
    return participant_gap_lower_bounds(problem, time_limit=time_limit)


def restrict(problem: Problem, restriction: Restriction) -> Problem:
    """The problem with only the (meeting, slot) pairs a budget still allows.

    A slot stays for a meeting when the LP keeps the pair and when it lies in some remaining
    pattern of each participant; slots keep their numbers, so schedules carry over unchanged.
    """
    reach: dict[int, set[int]] = {}
    for p, kept in restriction.patterns.items():
        day = problem.participants[p].days[0]
        reach[p] = {day[i] for q in kept for i in q.slots}
    meetings = []
    for m, meeting in enumerate(problem.meetings):
        allowed = tuple(
            s
            for s in meeting.allowed
            if (m, s) in restriction.pairs
            and all(s in reach.get(p, (s,)) for p in meeting.participants)
        )
        meetings.append(replace(meeting, allowed=allowed))
    return replace(problem, meetings=meetings)


def add_reduced_cost_cut(built, problem: Problem, restriction: Restriction, budget: int) -> None:
    """Add what the LP's weak-duality inequality says about schedules within ``budget``.

    breaks >= bound + sum of chosen columns' excess reduced costs + sum of table prices times
    free tables, and every term is >= 0, so their sum is at most budget - bound: slots whose
    price exceeds that must be full, and the weighted sum itself is one linear constraint
    (coefficients scaled and rounded down, so it stays valid).
    """
    model = built.model
    slack = budget - restriction.bound
    scale = 1000
    by_slot: dict[int, list] = {}
    for (_m, s), var in built.x.items():
        by_slot.setdefault(s, []).append(var)
    terms = []
    for (m, s), var in built.x.items():
        weight = math.floor(scale * restriction.pair_excess.get((m, s), 0.0))
        if weight > 0:
            terms.append(weight * var)
    for s, price in restriction.table_price.items():
        used = sum(by_slot.get(s, []))
        if price > slack + 1e-6:
            model.add(used == problem.tables)
        weight = math.floor(scale * price)
        if weight > 0:
            terms.append(weight * (problem.tables - used))
    if terms:
        model.add(sum(terms) <= math.floor(scale * slack + 1e-3))


class _Search:
    def __init__(self, problem, time_limit, fairness, run, should_stop, report):
        self.problem = problem
        self.deadline = time.monotonic() + time_limit
        self.time_limit = time_limit
        self.fairness = fairness
        self.run = run
        self.cancelled = should_stop
        #: set once the optimum is proven (or infeasibility): stops the other side's search
        self.settled = threading.Event()
        self.should_stop = lambda: should_stop() or self.settled.is_set()
        self._lock = threading.Lock()
        self.sat = False  # whether the SAT encoding applies (set when the search starts)
        self._sides: list[breaks_sat.SatSide] = []
        self._listeners: list[threading.Thread] = []
        self._waiting_from: int | None = None  # the bound when the SAT sides took over
        self._stable = False  # whether the first side was replaced by a stable-mode one
        self.report = report
        self.single = single_day(problem)
        self.lower = lower_bounds(problem, min(0.2, time_limit / 50))
        self.proven = sum(self.lower)
        caps = break_caps(problem, fairness, self.lower) if self.single else None
        self.relax = PatternRelaxation(problem, self.lower, caps) if caps is not None else None
        self.caps_total = sum(caps) if caps is not None else None
        self._restrictions: dict[int, Restriction | None] = {}
        self.best: list[int | None] | None = None
        self.best_value: float | None = None
        self.infeasible = False
        self._guesses: dict[int, dict] = {}

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def restriction(self, budget: int) -> Restriction | None:
        """The pattern LP for ``budget`` (cached); None when unavailable."""
        if self.relax is None:
            return None
        if budget not in self._restrictions:
            found = self.relax.at_budget(budget, deadline=self.deadline - 0.25 * self.left())
            self._restrictions[budget] = found
            if found is not None and self.relax.complete(budget):
                if math.isinf(found.bound):
                    self.infeasible = True  # no fractional schedule at all
                else:
                    self.raise_bound(math.ceil(found.bound - 1e-6))
        return self._restrictions[budget]

    def raise_bound(self, value: int) -> None:
        with self._lock:
            if value > self.proven:
                self.proven = value
                self.report(self.best_value, float(self.proven))
                for side in self._sides:
                    side.tell(value)
            self._check_settled()

    def offer(self, slots: list[int | None] | None) -> None:
        if slots is None:
            return
        value = float(sum(count_gaps(self.problem, slots)))
        with self._lock:
            if self.best_value is None or value < self.best_value:
                self.best, self.best_value = slots, value
                self.report(self.best_value, float(self.proven))
            self._check_settled()

    def _check_settled(self) -> None:
        if self.infeasible or (self.best_value is not None and self.best_value <= self.proven):
            self.settled.set()

    def _listen(self, side: breaks_sat.SatSide) -> None:
        """Take in what the SAT side finds, until it is done."""
        for message in side.messages():
            if message[0] == "unsat":
                self.raise_bound(message[1] + 1)
            elif message[0] == "sat":
                if _fair(self.problem, message[1], self.fairness):
                    self.offer(message[1])
            elif message[0] == "infeasible":
                with self._lock:
                    self.infeasible = True
                    self._check_settled()

    def decide(self, budget, limit, restriction=None, minimise=True, spans=True):
        """Solve the span model within ``budget`` (None: minimise, or any schedule when not
        ``minimise``); returns (status, slots, cancelled, objective bound)."""
        problem = self.problem
        lower = self.lower
        fairness = self.fairness
        model_problem = restrict(problem, restriction) if restriction is not None else problem
        exact_spans = self.single and spans
        built = build_model(
            model_problem,
            mandatory=True,
            count_gaps=not exact_spans,
            fairness=None if exact_spans else fairness,
            gap_lower_bounds=None if exact_spans else lower,
        )
        if exact_spans:
            rigid: set[int] = set()
            starts: dict[int, set[int]] = {}
            uppers: dict[int, int] = {}
            if restriction is not None:
                starts = restriction.rigid()
                rigid = set(starts)
                for p, kept in restriction.patterns.items():
                    if kept and p not in rigid:
                        uppers[p] = max(q.breaks for q in kept)
            elif budget is not None and budget == sum(lower):
                # at budget = sum of per-participant bounds, each participant has exactly its
                # bound: those with bound 0 meet in one unbroken block
                rigid = {p for p, b in enumerate(lower) if b == 0}
            add_spans(
                model_problem,
                built,
                fairness,
                lower,
                rigid=rigid,
                budget=budget,
                gap_upper_bounds=uppers,
            )
            if rigid:
                add_blocks(model_problem, built, rigid, starts)
        if restriction is not None and budget is not None:
            add_reduced_cost_cut(built, model_problem, restriction, budget)
        if isinstance(built.total_gaps, int):
            pass  # nobody can have a gap in this model
        elif budget is not None:
            built.model.add(built.total_gaps <= budget)
        elif minimise:
            built.model.minimize(built.total_gaps)
        if self.best is not None:
            for (m, s), var in built.x.items():
                built.model.add_hint(var, self.best[m] == s)
        decision = budget is not None or not minimise
        solver, status, cancelled = self.run(
            built.model,
            limit,
            subsolvers=DECISION_SUBSOLVERS if decision else None,
            stop=self.should_stop,
        )
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        slots = built.slots(solver.value) if found else None
        bound = solver.best_objective_bound if budget is None and slots is not None else None
        if slots is not None and not _fair(problem, slots, fairness):
            slots = None
        return status, slots, cancelled, bound

    def guess(self, budget: int, seconds: float) -> None:
        """Decide the budget with extra breaks allowed only in small random groups.

        With ``spare`` = budget - sum of per-participant bounds, participants outside the
        group keep exactly their own fewest breaks (mostly: rigid blocks), which CP-SAT
        decides far faster than the whole budget. With one spare break the refutations are
        proofs: a refuted group cannot hold the extra break, so its members stay at their
        bound in every later guess, and once nobody is left the budget is infeasible.
        """
        spare = budget - sum(self.lower)
        if spare < 1 or self.relax is None:
            return
        base = self.restriction(budget)
        most = self.relax.max_breaks(budget)
        state = self._guesses.get(budget)
        if state is None:
            candidates = [
                p
                for p in range(len(self.problem.participants))
                if len(self.problem.meetings_of[p]) >= 2
                and most[p] > self.lower[p]
                and (base is None or any(q.breaks > self.lower[p] for q in base.patterns[p]))
            ]
            # the most constrained first: fewest unbroken ways to hold their meetings (an
            # extra break relieves them most); ties in random order
            random.Random(budget).shuffle(candidates)
            candidates.sort(key=lambda p: len(self.relax.patterns_of(p, self.lower[p])))
            state = self._guesses[budget] = {
                "queue": candidates,
                "retry": [],
                "limit": 0.5,
                "first": set(candidates[:4]),  # the likeliest get more time in the first pass
            }
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.should_stop():
            if not state["queue"]:
                if not state["retry"]:
                    break
                # next round: the undecided ones again, with more time each
                state["queue"], state["retry"] = state["retry"], []
                state["limit"] *= 2
                if spare > 1:  # new groups
                    random.Random(len(state["queue"]) + state["limit"]).shuffle(state["queue"])
            size = 1 if spare == 1 else max(1, math.ceil(len(state["queue"]) / 12))
            group = state["queue"][:size]
            del state["queue"][:size]
            try:
                patterns = self._guess_patterns(budget, base, set(group))
            except TooMany:
                return
            if base is not None:
                guess = Restriction(
                    budget, base.bound, base.pairs, patterns, base.pair_excess, base.table_price
                )
            else:
                guess = Restriction(budget, -math.inf, self._all_pairs(), patterns)
            longer = 8 if state["first"].intersection(group) else 1
            state["first"].difference_update(group)
            limit = min(max(0.3, end - time.monotonic()), longer * state["limit"])
            status, slots, cancelled, _ = self.decide(budget, limit, guess)
            self.offer(slots)
            if slots is not None or cancelled:
                return
            if status != cp_model.INFEASIBLE or spare > 1:
                state["retry"].extend(group)
        candidates = state["queue"] + state["retry"]
        if spare == 1 and not candidates:
            self.raise_bound(budget + 1)  # every participant refuted as the one to break

    def _guess_patterns(self, budget, base, group) -> dict:
        """Patterns for one guess: group members may take the spare breaks."""
        most = self.relax.max_breaks(budget)
        out = {}
        for p in range(len(self.problem.participants)):
            if not self.problem.meetings_of[p]:
                continue
            if base is not None:
                kept = base.patterns[p]
            else:
                kept = self.relax.patterns_of(p, most[p] if p in group else self.lower[p])
            out[p] = [q for q in kept if q.breaks == self.lower[p] or p in group]
        return out

    def _all_pairs(self) -> set[tuple[int, int]]:
        return {(m, s) for m, meeting in enumerate(self.problem.meetings) for s in meeting.allowed}

    def any_schedule(self) -> bool:
        """Find some fair schedule (no objective: quick); False when there is none."""
        limit = max(0.05, min(self.left() / 3, 8.0))
        status, slots, _cancelled, _ = self.decide(None, limit, minimise=False, spans=False)
        if status == cp_model.INFEASIBLE:
            return False
        self.offer(slots)
        return True

    def add_side(self, guess: bool = False, options: dict | None = None) -> None:
        """Start a SAT side (a child process) that decides budgets from the proven bound."""
        with self._lock:
            side = breaks_sat.SatSide(
                self.problem,
                self.fairness,
                self.lower,
                self.proven,
                self.left(),
                guess=guess,
                options=options,
            )
            self._sides.append(side)
        listener = threading.Thread(target=self._listen, args=(side,), daemon=True)
        self._listeners.append(listener)
        listener.start()

    def wait_for_sides(self, budget: int, until: float) -> bool:
        """Let the SAT sides have the machine while the bound stays at ``budget``: where the
        pattern LP is too large to restrict CP-SAT's decisions, CP-SAT rarely finds a schedule
        before them, and it would take their cores. A second side decides the budgets by
        guessing who takes the spare breaks (:meth:`.BreaksSat.guess`) beside the first, which
        decides them as a whole. Once a budget is refuted here, the first side is replaced by
        one in CaDiCaL's stable mode (refuting is left to the guesses). On the benchmark's
        hard instances one of the two finds the optimal schedule two to three times sooner
        than the first side would.

        Returns False (at once) when no side is running any more, and returns when fewer than
        ``until`` seconds are left, so that the caller can look for some schedule in time."""
        if not any(side.process.is_alive() for side in self._sides):
            return False
        if len(self._sides) < 2:
            self._waiting_from = budget
            self.add_side(guess=True)
        elif budget > self._waiting_from and not self._stable:
            self._stable = True
            self.replace_first(breaks_sat.STABLE)
        while self.proven == budget and not self.should_stop() and not self.infeasible:
            if self.left() <= max(0.05, until):
                break
            if not any(side.process.is_alive() for side in self._sides):
                break
            self.settled.wait(0.05)
        return True

    def replace_first(self, options: dict) -> None:
        """Stop the first SAT side and start one with ``options`` in its place."""
        with self._lock:
            first = self._sides.pop(0)
        first.stop()
        self.add_side(options=options)

    def search(self):
        self.report(None, float(self.proven))
        self.sat = breaks_sat.supported(self.problem, self.fairness) and self.left() > 0.5
        if self.sat:
            self.add_side()
        try:
            self._search()
        finally:
            with self._lock:
                sides, self._sides = self._sides, []
            for side in sides:
                side.stop()  # the CP-SAT side is done: the SAT sides stop too
            for listener in self._listeners:
                listener.join()
        if self.infeasible:
            return "infeasible", None, None, float(self.proven)
        if self.best is None:
            return "unknown", None, None, float(self.proven)
        status_name = "optimal" if self.best_value <= self.proven else "feasible"
        return status_name, self.best, self.best_value, float(self.proven)

    def _search(self):
        slice_ = max(1.0, self.time_limit / 10)
        tried_any = False
        # at the proven bound, in turn: guesses of who takes the spare breaks, the
        # LP-restricted decision (strong for refuting a budget), the plain decision (often
        # faster to find a schedule), twice, then improving the schedule in hand; slices grow
        # after each round. Short attempts with new seeds: run times are heavy-tailed.
        steps = ("guess", "restricted", "plain", "guess", "restricted", "plain", "improve")
        step = 0
        while not self.should_stop() and not self.infeasible:
            left = self.left()
            if left <= 0.05 or (self.best_value is not None and self.best_value <= self.proven):
                break
            kind = steps[step % len(steps)]
            step += 1
            if self.best is None and not tried_any and left < 0.7 * self.time_limit:
                tried_any = True  # something to return before the time runs out
                if not self.any_schedule():
                    self.infeasible = True
                    break
            if kind == "improve":
                if self.best_value is None:
                    if tried_any:
                        slice_ *= 1.5
                        continue
                    tried_any = True
                    if not self.any_schedule():
                        self.infeasible = True
                        break
                    continue
                # minimise, hinted by the schedule in hand (CP-SAT's LNS does the rest)
                status, slots, cancelled, bound = self.decide(None, min(left, slice_))
                self.offer(slots)
                if bound is not None:
                    self.raise_bound(math.ceil(bound - 1e-6))
                if status == cp_model.OPTIMAL and slots is not None:
                    self.raise_bound(int(sum(count_gaps(self.problem, slots))))
                if cancelled:
                    break
                slice_ *= 1.5
                continue
            budget = self.proven
            restriction = self.restriction(budget)
            if self.infeasible:
                break
            if restriction is not None and restriction.infeasible:
                self.raise_bound(budget + 1)  # the LP rules this budget out
                step = 0
                continue
            if restriction is None and self.sat and self.relax is not None:
                # some schedule to return in time, as below
                until = 0.7 * self.time_limit if self.best is None and not tried_any else 0.0
                if self.wait_for_sides(budget, until):
                    continue
            if kind == "restricted" and restriction is None:
                continue
            if kind == "guess":
                before = self.proven
                # one spare break: guessing who takes it is complete, give it more time
                share = 3 * slice_ if budget - sum(self.lower) == 1 else slice_
                self.guess(budget, min(self.left(), share))
                if self.proven > before:
                    step = 0
                continue
            limit = min(self.left(), slice_ if kind == "restricted" else 2 * slice_)
            used = restriction if kind == "restricted" else None
            status, slots, cancelled, _ = self.decide(budget, limit, used)
            self.offer(slots)
            if cancelled:
                break
            if status == cp_model.INFEASIBLE:
                if self.caps_total is not None and budget >= self.caps_total:
                    self.infeasible = True  # the budget no longer restricts anything
                    break
                self.raise_bound(budget + 1)  # no schedule within this budget
                step = 0
                if self.best is None and not tried_any and not self.sat:
                    # is there a schedule at all? (a SAT side finds out as it climbs)
                    tried_any = True
                    if not self.any_schedule():
                        self.infeasible = True
                        break


def search_breaks(
    problem: Problem,
    *,
    time_limit: float,
    fairness: int | None,
    run: Runner,
    should_stop: Callable[[], bool],
    report: Callable[[float | None, float], None],
) -> tuple[str, list[int | None] | None, float | None, float]:
    """Return (status, slots, breaks, proven lower bound). ``run(model, limit, subsolvers=,
    stop=)`` solves a model, stopping early when ``stop()`` says so, and returns (solver,
    status, cancelled)."""
    return _Search(problem, time_limit, fairness, run, should_stop, report).search()


def _fair(problem: Problem, slots: list[int | None], fairness: int | None) -> bool:
    gaps = count_gaps(problem, slots)
    return fairness is None or not gaps or max(gaps) - min(gaps) <= fairness
