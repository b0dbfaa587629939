"""Models of the meetings app; each lives in its own module and is re-exported here."""
