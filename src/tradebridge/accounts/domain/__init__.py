"""Business logic of accounts: what changes when a user acts on their own account."""
