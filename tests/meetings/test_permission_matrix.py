"""Every role against every meetings page and API route (rows added with the routes)."""

MEETINGS_MATRIX: list[tuple[str, str | None, str, str]] = []

MEETINGS_MATRIX_NAMES = [row[0] for row in MEETINGS_MATRIX]
