"""Models of the matchmaking app; each lives in its own module and is re-exported here."""
