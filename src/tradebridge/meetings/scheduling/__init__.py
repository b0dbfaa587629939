"""Meeting scheduler for TradeBridge events and the B2B benchmark (plain library, no Django).

Typical use::

    from tradebridge.meetings.scheduling import compile_instance, load_instance, solve

    problem = compile_instance(load_instance("event.json"))
    result = solve(problem, time_limit=60, progress=print, cancel=stop_event)
    print(result.to_json(problem))
"""

from .compile import compile_instance, keep_existing
from .dzn_format import load_dzn, parse_dzn
from .errors import InstanceError
from .json_format import load_instance, parse_instance
from .problem import Kind, Problem
from .solve import Result, solve
from .validate import check_instance_rules, validate

__all__ = [
    "InstanceError",
    "Kind",
    "Problem",
    "Result",
    "check_instance_rules",
    "compile_instance",
    "keep_existing",
    "load_dzn",
    "load_instance",
    "parse_dzn",
    "parse_instance",
    "solve",
    "validate",
]
