"""Every role against every scheduler page and API route (rows added with the routes)."""

SCHEDULING_MATRIX: list[tuple[str, str | None, str, str]] = []

SCHEDULING_MATRIX_NAMES = [row[0] for row in SCHEDULING_MATRIX]
