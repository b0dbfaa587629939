"""The demo's profiles: Yili's need, written in Chinese, finds Fresno County's English almonds."""

from tests.factories.accounts import UserFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.directory.models import Organisation
from tradebridge.matchmaking.demo import PROFILES, load_match_profiles
from tradebridge.matchmaking.domain.recommendations import recommend_partners
from tradebridge.matchmaking.models import MatchProfile


def test_demo_profiles_match_across_languages(db, encoder):
    load_demo([step for step in DEMO_STEPS if step.name not in {"regions", "sectors"}])
    assert MatchProfile.objects.count() == len(PROFILES)
    assert load_match_profiles() == 0  # loading again changes nothing

    admin = UserFactory(role=Role.PLATFORM_ADMIN, is_superuser=True)
    yili = Organisation.objects.get(name_en="Yili Industrial Group")
    first = recommend_partners(admin, yili, language="zh-hans")[0]
    assert first.organisation.name_en in {
        "Fresno County",
        "Central Valley Almond Cooperative (example)",
    }
    text = next(r for r in first.reasons if r["kind"] == "text")
    assert text["need"] == "加州杏仁" and "almonds" in text["offer"].lower()
    assert "您的需求“加州杏仁”" in first.explanation

    xiaomi_rep = UserFactory(
        role=Role.COMPANY_REPRESENTATIVE, organisation=Organisation.objects.get(name_en="Xiaomi")
    )
    partners = [
        m.organisation.name_en for m in recommend_partners(xiaomi_rep, xiaomi_rep.organisation)
    ]
    assert {"Microsoft", "21Vianet"} <= set(partners)
    # The private almond cooperative is shown only to those who may see it.
    yili_rep = UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=yili)
    names = [m.organisation.name_en for m in recommend_partners(yili_rep, yili)]
    assert names[0] == "Fresno County"
    assert "Central Valley Almond Cooperative (example)" not in names
