"""Matchmaking profiles, made through the domain function as a user would (vectors stored)."""

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory, region
from tradebridge.accounts.enums import Role
from tradebridge.directory.models import Region, Sector
from tradebridge.matchmaking.domain.profiles import save_profile


def make_profile(organisation=None, *, offer_sectors=(), need_sectors=(), targets=(), **data):
    """A saved profile; ``data`` holds profile fields (deal_types as a list or a string)."""
    organisation = organisation or OrganisationFactory()
    if isinstance(data.get("deal_types"), list | tuple):
        data["deal_types"] = ",".join(data["deal_types"])
    admin = UserFactory(role=Role.PLATFORM_ADMIN, is_superuser=True)
    return save_profile(
        admin,
        organisation,
        data,
        offer_sectors=list(Sector.objects.filter(code__in=offer_sectors)),
        need_sectors=list(Sector.objects.filter(code__in=need_sectors)),
        target_regions=list(Region.objects.filter(code__in=targets)),
    )


def company_in(code: str, **fields):
    """A public company whose home region is ``code``."""
    return OrganisationFactory(home_region=region(code), **fields)
