"""Recommended partners of an organisation, and who at an event has no good match yet."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language

from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.enums import Visibility
from tradebridge.directory.models import Organisation
from tradebridge.events.models import Event
from tradebridge.matchmaking.domain.feedback import engine_inputs
from tradebridge.matchmaking.domain.index_cache import using_index
from tradebridge.matchmaking.domain.participants import participant_ids
from tradebridge.matchmaking.domain.reason_names import CatalogueNames
from tradebridge.matchmaking.engine import Recommendation, recommend, recommend_all
from tradebridge.matchmaking.engine.render import render_reason, render_reasons
from tradebridge.matchmaking.models import MatchProfile

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
# Below this score a best match is not a good one (a shared text of middling similarity, or
# a shared sector alone); see docs/decisions/0202-matching-in-the-web-app.md.
GOOD_MATCH_SCORE = 0.45


@dataclass
class PartnerMatch:
    """One recommended partner, with its reasons as data and rendered in ``language``."""

    organisation: Organisation
    profile: MatchProfile
    score: float
    reasons: tuple[dict, ...]
    language: str
    phrases: list[str] = field(default_factory=list)
    explanation: str = ""

    @property
    def is_good(self) -> bool:
        return self.score >= GOOD_MATCH_SCORE


def _language(language: str | None) -> str:
    language = (language or get_language() or "en").lower()
    return "zh-hans" if language.startswith("zh") else "en"


def _hidden_from(user) -> set[int]:
    """Profiles of private organisations ``user`` may not see: never recommend them."""
    if user.is_authenticated and user.is_platform_admin:
        return set()
    private = MatchProfile.objects.filter(organisation__visibility=Visibility.PRIVATE)
    visible = visible_organisations(user).values("pk")
    return set(private.exclude(organisation__in=visible).values_list("organisation_id", flat=True))


def _candidates(user, index, event: Event | None) -> list[str] | None:
    """Ids the engine may recommend to ``user`` (None: everyone indexed)."""
    hidden = _hidden_from(user)
    if event is not None:
        return [str(pk) for pk in participant_ids(event) if pk not in hidden]
    if not hidden:
        return None
    return [pid for pid in index.ids() if int(pid) not in hidden]


def _matches(recommendations: list[Recommendation], language: str) -> list[PartnerMatch | None]:
    """Recommendations with their organisations and profiles, reasons rendered, in the same
    order (None for a partner deleted since the index last looked). Three queries."""
    ids = [int(r.id) for r in recommendations]
    profiles = {
        p.organisation_id: p
        for p in MatchProfile.objects.filter(organisation_id__in=ids).select_related(
            "organisation__home_region"
        )
    }
    names = CatalogueNames(reason for r in recommendations for reason in r.reasons)
    out = []
    for r in recommendations:
        profile = profiles.get(int(r.id))
        if profile is None:
            out.append(None)
            continue
        out.append(
            PartnerMatch(
                organisation=profile.organisation,
                profile=profile,
                score=r.score,
                reasons=r.reasons,
                language=language,
                phrases=[render_reason(reason, language, names) for reason in r.reasons],
                explanation=render_reasons(r.reasons, language, names),
            )
        )
    return out


def recommend_partners(
    user,
    organisation: Organisation,
    *,
    event: Event | None = None,
    limit: int = DEFAULT_LIMIT,
    language: str | None = None,
) -> list[PartnerMatch] | None:
    """The best partners for ``organisation`` among what ``user`` may see, best first.

    ``event`` limits them to its participants. Partners marked not relevant, competitor or
    already met, and those a meeting was requested with, are left out. None when the
    organisation has no profile. Changes nothing.
    """
    if not user.has_perm("matchmaking.view_recommendations", organisation):
        raise PermissionDenied
    if not MatchProfile.objects.filter(organisation=organisation).exists():
        return None
    key = str(organisation.pk)
    preferences, feedback = engine_inputs([organisation.pk])
    with using_index() as index:
        if key not in index:
            return []
        recommendations = recommend(
            index,
            key,
            k=max(1, min(limit, MAX_LIMIT)),
            candidates=_candidates(user, index, event),
            preferences=preferences.get(key),
            feedback=feedback.get(key),
        )
    return [m for m in _matches(recommendations, _language(language)) if m is not None]


@dataclass
class ParticipantMatch:
    """An event participant and its best partner among the other participants, if any."""

    organisation: Organisation
    has_profile: bool
    best: PartnerMatch | None

    @property
    def is_matched(self) -> bool:
        return self.best is not None and self.best.is_good


def event_matches(user, event: Event, *, language: str | None = None) -> list[ParticipantMatch]:
    """Every participant of ``event`` that ``user`` may see, with its best match there.

    Only the event's organisers may ask. Participants are compared with the participants
    ``user`` may see, honouring each one's own marks. Changes nothing.
    """
    if not user.has_perm("matchmaking.view_event_gaps", event):
        raise PermissionDenied
    participants = list(
        visible_organisations(user)
        .filter(pk__in=participant_ids(event))
        .select_related("match_profile")
        .order_by("name_en", "name_zh")
    )
    with_profile = [o for o in participants if hasattr(o, "match_profile")]
    ids = [str(o.pk) for o in with_profile]
    preferences, feedback = engine_inputs([o.pk for o in with_profile])
    best: dict[str, Recommendation] = {}
    with using_index() as index:
        indexed = [pid for pid in ids if pid in index]
        for pid, recommendations in recommend_all(
            index,
            k=1,
            ids=indexed,
            candidates=[str(o.pk) for o in participants],
            preferences=preferences,
            feedback=feedback,
        ):
            if recommendations:
                best[pid] = recommendations[0]
    rendered = dict(zip(best, _matches(list(best.values()), _language(language)), strict=True))
    return [
        ParticipantMatch(
            organisation,
            hasattr(organisation, "match_profile"),
            rendered.get(str(organisation.pk)),
        )
        for organisation in participants
    ]
