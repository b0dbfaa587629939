from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    FORUM = "forum", _("Forum")
    EXPO = "expo", _("Expo")
    TRADE_MISSION = "trade_mission", _("Trade mission or delegation visit")
    WORKING_GROUP_MEETING = "working_group", _("Working-group meeting")
    ONLINE_CONSULTATIONS = "online_consultations", _("Online consultation programme")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft: only the organising agency sees it")
    PUBLISHED = "published", _("Published")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class HostRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    CO_HOST = "co_host", _("Co-host")
    SUPPORTER = "supporter", _("Supporter")


class SessionKind(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    PANEL = "panel", _("Panel")
    CEREMONY = "ceremony", _("Ceremony")
    SIGNING_CEREMONY = "signing", _("Signing ceremony")
    WORKSHOP = "workshop", _("Workshop")
    CONSULTATION_HOUR = "consultation", _("Consultation hour")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    DECLINED = "declined", _("Declined")
