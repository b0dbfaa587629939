"""One router per resource of /api/v1/; each view is thin and calls the domain functions."""
