"""/api/v1/matching/: matchmaking profiles, recommendations and feedback.

Profiles are read wherever their organisation may be seen and written by those who act for it
(its representatives, the staff of the agency keeping it, platform admins), through the same
domain functions as the pages.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import resolve_references, sectors_by_codes
from tradebridge.api.schemas.matching import (
    FeedbackIn,
    FeedbackOut,
    MeetingRequestIn,
    MeetingRequestOut,
    ProfileIn,
    ProfileOut,
    ProfilePatch,
    RecommendationsOut,
    RecommendationsQuery,
)
from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.models import Organisation, Region
from tradebridge.matchmaking.domain.engine_profiles import profile_queryset
from tradebridge.matchmaking.domain.feedback import clear_mark, mark_partner
from tradebridge.matchmaking.domain.meeting_requests import request_meeting_with
from tradebridge.matchmaking.domain.participants import events_of
from tradebridge.matchmaking.domain.profiles import save_profile
from tradebridge.matchmaking.domain.recommendations import recommend_partners
from tradebridge.matchmaking.models import MatchProfile, PartnerFeedback

router = Router(tags=["matching"])

LIST_FIELDS = ("offer_hs_codes", "need_hs_codes", "deal_types", "languages")


def _organisation(user, organisation_id: int) -> Organisation:
    """The organisation, or 404 when it does not exist or ``user`` may not see it."""
    return get_object_or_404(visible_organisations(user), pk=organisation_id)


def _acting_for(user, organisation_id: int, permission: str) -> Organisation:
    organisation = _organisation(user, organisation_id)
    if not user.has_perm(permission, organisation):
        raise PermissionDenied
    return organisation


def _profile(organisation: Organisation) -> MatchProfile:
    return get_object_or_404(profile_queryset(), organisation=organisation)


def regions_by_codes(codes: list[str]) -> list[Region]:
    wanted = {code.upper() for code in codes}
    regions = list(Region.objects.filter(code__in=wanted))
    unknown = sorted(wanted - {region.code.upper() for region in regions})
    if unknown:
        raise ValidationError(
            _("Unknown region code: %(code)s."), params={"code": ", ".join(unknown)}
        )
    return regions


def _save(user, organisation: Organisation, fields: dict):
    resolved = resolve_references(
        fields,
        {
            "offer_sectors": sectors_by_codes,
            "need_sectors": sectors_by_codes,
            "target_regions": regions_by_codes,
        },
    )
    links = {name: resolved.pop(name, None) for name in ("offer_sectors", "need_sectors")}
    links["target_regions"] = resolved.pop("target_regions", None)
    data = {
        name: ",".join(value) if name in LIST_FIELDS else value for name, value in resolved.items()
    }
    save_profile(user, organisation, data, **links)
    return _profile(organisation)


@router.get("/profiles/", response=list[ProfileOut], auth=READ, url_name="match-profile-list")
@paginate(DirectoryPagination)
def list_profiles(request):
    """Profiles of the organisations you may see, most recently changed first."""
    visible = visible_organisations(request.auth).values("pk")
    return profile_queryset().filter(organisation__in=visible).order_by("-updated_at", "-pk")


@router.get(
    "/profiles/{int:organisation_id}/",
    response=ProfileOut,
    auth=READ,
    url_name="match-profile-detail",
)
def read_profile(request, organisation_id: int):
    """The profile of an organisation (404 if it has none, or you may not see it)."""
    return _profile(_organisation(request.auth, organisation_id))


@router.put(
    "/profiles/{int:organisation_id}/",
    response=ProfileOut,
    auth=WRITE,
    url_name="match-profile-detail",
)
def replace_profile(request, organisation_id: int, payload: ProfileIn):
    """Create or replace the whole profile; its texts are encoded if they changed."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.change_profile")
    return _save(user, organisation, payload.model_dump())


@router.patch(
    "/profiles/{int:organisation_id}/",
    response=ProfileOut,
    auth=WRITE,
    url_name="match-profile-detail",
)
def change_profile(request, organisation_id: int, payload: ProfilePatch):
    """Change only the fields given (the profile must exist)."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.change_profile")
    _profile(organisation)
    return _save(user, organisation, payload.model_dump(exclude_unset=True))


@router.get(
    "/organisations/{int:organisation_id}/recommendations/",
    response=RecommendationsOut,
    auth=WRITE,
    url_name="match-recommendations",
)
def recommendations(request, organisation_id: int, query: Query[RecommendationsQuery]):
    """Partners recommended to the organisation, best first, with their reasons as data and
    as a sentence in ``lang``. ``event`` limits them to that event's participants."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.view_recommendations")
    event = None
    if query.event is not None:
        event = events_of(user, organisation.pk).filter(pk=query.event).first()
        if event is None:
            raise ValidationError(
                {"event": _("The organisation does not take part in this event.")}
            )
    language = query.lang or ("zh-hans" if get_language().startswith("zh") else "en")
    matches = recommend_partners(
        user, organisation, event=event, limit=query.limit, language=language
    )
    return {
        "organisation": organisation.pk,
        "language": language,
        "event": event.pk if event else None,
        "has_profile": matches is not None,
        "items": matches or [],
    }


@router.get(
    "/organisations/{int:organisation_id}/feedback/",
    response=list[FeedbackOut],
    auth=WRITE,
    url_name="match-feedback-list",
)
def list_feedback(request, organisation_id: int):
    """The marks the organisation left on partners, latest first."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.give_feedback")
    visible = visible_organisations(user).values("pk")
    return PartnerFeedback.objects.filter(
        organisation=organisation, partner__in=visible
    ).select_related("partner")


def _partner(user, partner_id: int) -> Organisation:
    partner = visible_organisations(user).filter(pk=partner_id).first()
    if partner is None:
        raise ValidationError({"partner": _("Unknown organisation.")})
    return partner


def _event(user, organisation, event_id: int | None):
    if event_id is None:
        return None
    event = events_of(user, organisation.pk).filter(pk=event_id).first()
    if event is None:
        raise ValidationError({"event": _("The organisation does not take part in this event.")})
    return event


@router.post(
    "/organisations/{int:organisation_id}/feedback/",
    response={201: FeedbackOut},
    auth=WRITE,
    url_name="match-feedback-list",
)
def give_feedback(request, organisation_id: int, payload: FeedbackIn):
    """Mark a partner not relevant, a competitor or already met: it is not recommended again."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.give_feedback")
    feedback = mark_partner(
        user,
        organisation,
        _partner(user, payload.partner),
        payload.mark,
        event=_event(user, organisation, payload.event),
    )
    return Status(201, feedback)


@router.delete(
    "/organisations/{int:organisation_id}/feedback/{int:partner_id}/",
    response={204: None},
    auth=WRITE,
    url_name="match-feedback-detail",
)
def forget_feedback(request, organisation_id: int, partner_id: int):
    """Forget the mark on a partner: it may be recommended again."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.give_feedback")
    partner = _organisation(user, partner_id)
    if not clear_mark(user, organisation, partner):
        raise ValidationError({"partner": _("There is no mark on this partner.")})
    return Status(204, None)


@router.post(
    "/organisations/{int:organisation_id}/meeting-requests/",
    response={201: MeetingRequestOut},
    auth=WRITE,
    url_name="match-meeting-requests",
)
def request_meeting(request, organisation_id: int, payload: MeetingRequestIn):
    """Ask a recommended partner for a meeting; it leaves the recommendations. A
    representative's request goes to the partner (see /api/v1/meetings/); agency staff acting
    for an organisation they keep note a lead."""
    user = request.auth
    organisation = _acting_for(user, organisation_id, "matchmaking.give_feedback")
    feedback, meeting = request_meeting_with(
        user,
        organisation,
        _partner(user, payload.partner),
        event=_event(user, organisation, payload.event),
        message=payload.message,
    )
    return Status(
        201,
        {
            "partner": feedback.partner_id,
            "mark": feedback.mark,
            "meeting_request": meeting.pk if meeting else None,
        },
    )
