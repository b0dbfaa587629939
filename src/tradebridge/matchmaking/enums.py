from django.db import models
from django.utils.translation import gettext_lazy as _


class DealType(models.TextChoices):
    """What kind of deal an organisation looks for; the values are the engine's deal types."""

    EXPORT = "export", _("Export: we sell abroad")
    IMPORT = "import", _("Import: we buy from abroad")
    DISTRIBUTION = "distribution", _("Distribution: we distribute others' products")
    INVESTMENT_IN = "investment_in", _("Investment: we invest in projects")
    INVESTMENT_FROM = "investment_from", _("Investment: we seek investors")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    LICENSING_OUT = "licensing_out", _("Licensing: we license our technology or brand")
    LICENSING_IN = "licensing_in", _("Licensing: we seek a licence")
    SERVICES_OFFER = "services_offer", _("Services: we provide them")
    SERVICES_NEED = "services_need", _("Services: we need them")


class CompanySize(models.TextChoices):
    MICRO = "micro", _("Fewer than 10 people")
    SMALL = "small", _("10 to 49 people")
    MEDIUM = "medium", _("50 to 249 people")
    LARGE = "large", _("250 people or more")


class FeedbackMark(models.TextChoices):
    """What an organisation said about a recommended partner."""

    NOT_RELEVANT = "not_relevant", _("Not relevant")
    COMPETITOR = "competitor", _("Competitor")
    ALREADY_MET = "already_met", _("Already met")
    MEETING_REQUESTED = "meeting_requested", _("Meeting requested")


# The marks that hide a partner for good (the engine's exclusions and "not relevant").
DISMISSING_MARKS = (
    FeedbackMark.NOT_RELEVANT,
    FeedbackMark.COMPETITOR,
    FeedbackMark.ALREADY_MET,
)
