from tradebridge.accounts.domain import login_throttle


def test_locks_after_the_configured_failures(db, settings):
    settings.TRADEBRIDGE_LOGIN_ATTEMPTS = 3
    for _ in range(2):
        login_throttle.record_failure("alice", "10.0.0.1")
    assert not login_throttle.is_locked("alice", "10.0.0.1")
    login_throttle.record_failure("alice", "10.0.0.1")
    assert login_throttle.is_locked("ALICE", "10.0.0.2")
    assert not login_throttle.is_locked("bob", "10.0.0.2")


def test_an_address_trying_many_accounts_is_locked(db, settings):
    settings.TRADEBRIDGE_LOGIN_ATTEMPTS = 2
    for n in range(2 * login_throttle.ADDRESS_FACTOR):
        login_throttle.record_failure(f"user{n}", "10.0.0.9")
    assert login_throttle.is_locked("someone-new", "10.0.0.9")


def test_success_clears_the_account(db, settings):
    settings.TRADEBRIDGE_LOGIN_ATTEMPTS = 1
    login_throttle.record_failure("alice", None)
    login_throttle.clear("alice")
    assert not login_throttle.is_locked("alice", None)
