import pytest
from django.core import mail


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """``sent(action)``: run ``action`` and return (its result, the mails it sent after commit
    by recipient address)."""

    def run(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result, {message.to[0]: message for message in mail.outbox}

    return run
