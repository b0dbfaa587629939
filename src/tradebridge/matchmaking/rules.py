"""Matchmaking permissions. A profile, its recommendations and its feedback belong to the
organisation: its representatives act for it, and so do the staff of the agency that keeps its
record (``owner``), as for editing the organisation itself (directory/rules.py)."""

import rules

from tradebridge.accounts.rules import (
    is_agency_staff,
    is_company_representative,
    is_platform_admin,
)
from tradebridge.directory.rules import (
    belongs_to_users_agency,
    is_public,
    is_users_own_organisation,
)
from tradebridge.events.rules import can_organise


@rules.predicate
def represents_an_organisation(user) -> bool:
    return bool(is_company_representative(user) and user.organisation_id)


acts_for_organisation = is_platform_admin | belongs_to_users_agency | is_users_own_organisation

# Who has a "Partners" page at all (an organisation of their own, or organisations they keep).
rules.add_perm(
    "matchmaking.find_partners",
    is_platform_admin | is_agency_staff | represents_an_organisation,
)
# Profiles are the public face of an organisation: readable wherever the organisation is.
rules.add_perm(
    "matchmaking.view_profile",
    is_public | is_platform_admin | belongs_to_users_agency | is_users_own_organisation,
)
rules.add_perm("matchmaking.change_profile", acts_for_organisation)
rules.add_perm("matchmaking.view_recommendations", acts_for_organisation)
rules.add_perm("matchmaking.give_feedback", acts_for_organisation)
# On an event: its organisers see which participants have no good match yet.
rules.add_perm("matchmaking.view_event_gaps", can_organise)
