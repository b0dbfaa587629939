"""Every role against every matchmaking page and API route (rows added with the routes)."""

MATCHING_MATRIX: list[tuple[str, str | None, str, str]] = []

MATCHING_MATRIX_NAMES = [row[0] for row in MATCHING_MATRIX]
