"""Errors raised for invalid scheduling instances."""


class InstanceError(ValueError):
    """The instance is invalid; the message names the offending field, e.g.
    ``meetings[3].participants: unknown participant "p9"``."""
