"""The process's index follows the database: one edited profile is re-read, not re-encoded,
and nobody else's vectors are touched."""

import pytest
from django.core.management import call_command

from tests.factories.directory import region
from tests.factories.matchmaking import company_in, make_profile
from tradebridge.directory.models import Organisation
from tradebridge.matchmaking.domain.index_cache import using_index
from tradebridge.matchmaking.domain.profiles import save_profile
from tradebridge.matchmaking.domain.recommendations import recommend_partners
from tradebridge.matchmaking.models import IndexState, MatchProfile, StoredVectors


@pytest.fixture
def spy(encoder, monkeypatch):
    """The texts the shared encoder is asked to encode, call by call."""
    calls: list[list[str]] = []
    real = encoder.encode

    def encode(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(encoder, "encode", encode)
    return calls


def _vectors():
    return dict(StoredVectors.objects.values_list("profile_id", "data"))


def test_editing_one_profile_encodes_it_alone_and_the_index_catches_up(
    db, encoder, admin_user, spy
):
    buyer = make_profile(needs_en="Walnuts", deal_types=["import"]).organisation
    others = [make_profile(offers_en=f"Almonds grade {n}", deal_types=["export"]) for n in range(3)]
    nuts = make_profile(offers_en="Shelled walnuts", deal_types=["export"]).organisation
    assert [m.organisation for m in recommend_partners(admin_user, buyer)][:1] == [nuts]
    before, state = _vectors(), IndexState.objects.get()
    spy.clear()

    save_profile(admin_user, buyer, {"needs_en": "Almonds grade 2"})

    assert spy == [["Almonds grade 2"]]
    after = _vectors()
    assert after[buyer.match_profile.pk] != before[buyer.match_profile.pk]
    assert all(after[p.pk] == before[p.pk] for p in others)
    assert IndexState.objects.get().generation == state.generation + 1
    matches = recommend_partners(admin_user, buyer)
    assert spy == [["Almonds grade 2"]]  # the index read the stored vectors
    assert matches[0].organisation == others[2].organisation


def test_profiles_deleted_with_their_organisation_leave_the_index(db, encoder, admin_user):
    buyer = make_profile(needs_en="Almonds", deal_types=["import"]).organisation
    gone = make_profile(offers_en="Almonds", deal_types=["export"]).organisation
    assert [m.organisation for m in recommend_partners(admin_user, buyer)] == [gone]
    gone.delete()
    assert recommend_partners(admin_user, buyer) == []
    with using_index() as index:
        assert str(gone.pk) not in index


def test_a_new_home_region_reaches_the_index(db, encoder, admin_user):
    buyer = make_profile(needs_en="Almonds", deal_types=["import"], targets=["US-CA"])
    grower = company_in("US-TX")
    make_profile(grower, offers_en="Almonds", deal_types=["export"])
    reasons = recommend_partners(admin_user, buyer.organisation)[0].reasons
    assert not any(r["kind"] == "region" and r["relation"] == "in_your_targets" for r in reasons)
    grower.home_region = region("US-CA")
    grower.save()
    reasons = recommend_partners(admin_user, buyer.organisation)[0].reasons
    assert {"kind": "region", "region": "US-CA", "relation": "in_your_targets"} in reasons


def test_rebuild_command_encodes_everything_again(db, encoder, admin_user, spy, capsys):
    profiles = [make_profile(offers_en=f"Item {n}", needs_zh="杏仁") for n in range(3)]
    epoch = IndexState.objects.get().epoch
    StoredVectors.objects.filter(profile=profiles[0]).delete()
    StoredVectors.objects.filter(profile=profiles[1]).update(text_hash="stale")
    spy.clear()
    call_command("rebuild_match_vectors", "--stale-only")
    assert sorted(t for call in spy for t in call) == sorted(["Item 0", "杏仁", "Item 1", "杏仁"])
    assert "Encoded 2 profiles (4 texts)" in capsys.readouterr().out
    spy.clear()
    call_command("rebuild_match_vectors")
    assert len([t for call in spy for t in call]) == 6
    assert StoredVectors.objects.count() == MatchProfile.objects.count() == 3
    assert IndexState.objects.get().epoch != epoch
    buyer = Organisation.objects.get(pk=profiles[0].organisation_id)
    assert recommend_partners(admin_user, buyer) is not None
