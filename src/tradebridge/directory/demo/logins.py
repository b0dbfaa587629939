"""One demo login per role, all with the same published password.

A login that exists already is left as it is (its password included), so a demo where someone
changed a password keeps working for them; delete the user to get the published one back.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from tradebridge.accounts.enums import Role
from tradebridge.directory.demo.specs import (
    BAY_AREA_CHINA_OFFICE,
    TRADE_DEVELOPMENT_BUREAU,
    WASHINGTON_COMMERCE,
)
from tradebridge.directory.models import Organisation

# Published on purpose: these logins exist to be shared.
DEMO_PASSWORD = "tradebridge-demo"
PACIFIC = "America/Los_Angeles"
CHINA = "Asia/Shanghai"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str  # English name, "" for none
    language: str = "en"
    timezone: str = "UTC"

    @property
    def is_superuser(self) -> bool:
        return self.role == Role.PLATFORM_ADMIN


DEMO_LOGINS = [
    DemoLogin("admin", Role.PLATFORM_ADMIN, ""),
    DemoLogin("wa-commerce", Role.AGENCY_STAFF, WASHINGTON_COMMERCE, timezone=PACIFIC),
    DemoLogin("tdb", Role.AGENCY_STAFF, TRADE_DEVELOPMENT_BUREAU, "zh-hans", CHINA),
    DemoLogin("bayarea", Role.AGENCY_STAFF, BAY_AREA_CHINA_OFFICE, timezone=CHINA),
    DemoLogin("mebo", Role.COMPANY_REPRESENTATIVE, "MEBO Group", "zh-hans", PACIFIC),
    DemoLogin(
        "sacramento-export",
        Role.COMPANY_REPRESENTATIVE,
        "Sacramento Minority Business Development Agency Export Center",
        timezone=PACIFIC,
    ),
    DemoLogin("xiaomi", Role.COMPANY_REPRESENTATIVE, "Xiaomi", "zh-hans", CHINA),
    DemoLogin(
        "gov-viewer",
        Role.GOVERNMENT_VIEWER,
        "California Governor's Office of Business and Economic Development",
        timezone=PACIFIC,
    ),
]


def load_logins() -> int:
    """Create the demo logins that are missing; returns how many were created."""
    users = get_user_model()
    created = 0
    for login in DEMO_LOGINS:
        if users.objects.filter(username=login.username).exists():
            continue
        user = users(
            username=login.username,
            email=f"{login.username}@example.org",
            role=login.role,
            organisation=(
                Organisation.objects.get(name_en=login.organisation) if login.organisation else None
            ),
            language=login.language,
            timezone=login.timezone,
            is_staff=login.is_superuser,
            is_superuser=login.is_superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.full_clean()
        user.save()
        created += 1
    return created
