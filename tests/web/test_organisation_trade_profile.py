"""The organisation page shows its trade profile and leads to its partners, for those allowed."""

import pytest
from django.urls import reverse

from tests.factories.matchmaking import make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def profiled(company, encoder):
    return make_profile(
        company,
        offers_en="Lithium-ion batteries",
        offers_zh="锂离子蓄电池",
        needs_en="Distributors in Guangdong",
        offer_hs_codes="8507",
        deal_types=["export"],
        targets=["CN-GD"],
    )


def test_visitors_read_the_profile_in_their_language_without_edit_links(client, profiled):
    page = client.get(reverse("web:organisation-detail", args=[profiled.organisation.pk]))
    text = page.content.decode()
    assert "Lithium-ion batteries" in text and "锂离子蓄电池" in text
    assert "8507" in text and "Distributors in Guangdong" in text
    assert reverse("web:match-profile-edit", args=[profiled.organisation.pk]) not in text
    assert reverse("web:partner-list", args=[profiled.organisation.pk]) not in text

    page = client.get(
        reverse("web:organisation-detail", args=[profiled.organisation.pk]),
        headers={"accept-language": "zh-hans"},
    )
    text = page.content.decode()
    assert text.index("锂离子蓄电池") < text.index("Lithium-ion batteries")


def test_the_representative_gets_edit_and_partner_links(client, representative, profiled):
    client.force_login(representative)
    text = client.get(reverse("web:organisation-detail", args=[profiled.organisation.pk]))
    text = text.content.decode()
    assert reverse("web:match-profile-edit", args=[profiled.organisation.pk]) in text
    assert reverse("web:partner-list", args=[profiled.organisation.pk]) in text


def test_without_a_profile_the_representative_is_invited_to_state_one(
    client, representative, company
):
    client.force_login(representative)
    text = client.get(reverse("web:organisation-detail", args=[company.pk])).content.decode()
    assert "State what you offer and seek" in text
    assert reverse("web:match-profile-edit", args=[company.pk]) in text
