"""Profile validation and normalisation."""

import pytest

from tradebridge.matchmaking.engine import ProfileError, profile_from_dict
from tradebridge.matchmaking.engine.profiles import normalize_deal_type, normalize_hs_code


def test_hs_codes_are_normalised_and_checked():
    assert normalize_hs_code("8507.60") == "850760"
    for bad in ("04X1", "123", "", "123456789", None):
        with pytest.raises(ValueError):
            normalize_hs_code(bad)


def test_deal_type_aliases():
    assert normalize_deal_type("Joint venture") == "joint_venture"
    assert normalize_deal_type("licensing need") == "licensing_in"
    assert normalize_deal_type("investment from") == "investment_from"
    with pytest.raises(ValueError):
        normalize_deal_type("barter")


def test_profile_shapes():
    p = profile_from_dict(
        {
            "id": 7,
            "offers": {"texts": ["milk"], "hs_codes": ["0401"]},
            "needs": "packaging",
            "hs_codes": ["84"],
            "regions": ["cn-gd", "US"],
            "deal_types": "export",
        }
    )
    assert p.id == "7"
    assert p.offers.hs_codes == ("0401", "84") and p.needs.hs_codes == ("84",)
    assert p.regions == ("CN-GD", "US") and p.deal_types == {"export"}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"id": "a", "hs_codes": ["04X1"]}, "hs_codes"),
        ({"id": "a", "regions": ["China"]}, "regions"),
        ({"id": "a", "deal_types": ["barter"]}, "deal_types"),
        ({"id": "a", "offers": 3}, "offers"),
        ({"id": "a", "offers": {"hs_codes": ["x"]}}, "offers.hs_codes"),
        ({"name": "no id"}, "id"),
        ({"id": ""}, "id"),
        ({"id": "a", "home": "Guangdong"}, "home"),
    ],
)
def test_invalid_fields_are_named(data, field):
    with pytest.raises(ProfileError) as exc:
        profile_from_dict(data)
    assert exc.value.field == field
