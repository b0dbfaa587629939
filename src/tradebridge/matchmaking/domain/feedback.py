"""What an organisation says about recommended partners, and what the engine makes of it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.models import Organisation
from tradebridge.matchmaking.engine import Feedback, Preferences
from tradebridge.matchmaking.enums import DISMISSING_MARKS, FeedbackMark
from tradebridge.matchmaking.models import PartnerFeedback

# Marks the engine treats as exclusions with a reason (the others are Feedback marks).
_EXCLUSIONS = {FeedbackMark.COMPETITOR, FeedbackMark.ALREADY_MET}


def _check(user, organisation: Organisation, partner: Organisation) -> None:
    if not user.has_perm("matchmaking.give_feedback", organisation):
        raise PermissionDenied
    if partner.pk == organisation.pk:
        raise ValidationError({"partner": _("An organisation cannot be its own partner.")})
    if not visible_organisations(user).filter(pk=partner.pk).exists():
        raise ValidationError({"partner": _("Unknown organisation.")})


def _record(user, organisation, partner, mark: str, event) -> PartnerFeedback:
    feedback, _created = PartnerFeedback.objects.update_or_create(
        organisation=organisation,
        partner=partner,
        defaults={"mark": mark, "event": event, "created_by": user},
    )
    return feedback


@transaction.atomic
def mark_partner(
    user, organisation: Organisation, partner: Organisation, mark: str, *, event=None
) -> PartnerFeedback:
    """Mark a partner not relevant, a competitor or already met: it is not recommended again,
    and partners much like a "not relevant" one move down.

    Side effects: one PartnerFeedback row (replacing an earlier mark for the same partner).
    """
    _check(user, organisation, partner)
    if mark not in DISMISSING_MARKS:
        raise ValidationError(
            {"mark": _("Choose one of: %(marks)s.") % {"marks": ", ".join(DISMISSING_MARKS)}}
        )
    return _record(user, organisation, partner, mark, event)


@transaction.atomic
def clear_mark(user, organisation: Organisation, partner: Organisation) -> bool:
    """Forget the mark left on a partner (it may be recommended again); True if there was one."""
    if not user.has_perm("matchmaking.give_feedback", organisation):
        raise PermissionDenied
    deleted, _by_model = PartnerFeedback.objects.filter(
        organisation=organisation, partner=partner
    ).delete()
    return bool(deleted)


def record_meeting_request(user, organisation: Organisation, partner: Organisation, event=None):
    """Note that a meeting was requested with ``partner`` (it leaves the recommendations)."""
    _check(user, organisation, partner)
    return _record(user, organisation, partner, FeedbackMark.MEETING_REQUESTED, event)


def engine_inputs(organisation_ids) -> tuple[dict[str, Preferences], dict[str, Feedback]]:
    """The stored marks of these organisations as the engine's Preferences and Feedback."""
    excluded: dict[str, dict[str, str]] = {}
    marks: dict[str, list[tuple[str, str]]] = {}
    rows = PartnerFeedback.objects.filter(organisation_id__in=organisation_ids).values_list(
        "organisation_id", "partner_id", "mark"
    )
    for organisation_id, partner_id, mark in rows:
        key, partner = str(organisation_id), str(partner_id)
        if mark in _EXCLUSIONS:
            excluded.setdefault(key, {})[partner] = mark
        else:
            marks.setdefault(key, []).append((partner, mark))
    preferences = {key: Preferences(excluded=value) for key, value in excluded.items()}
    feedback = {key: Feedback.from_marks(value) for key, value in marks.items()}
    return preferences, feedback
