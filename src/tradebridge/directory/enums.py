from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province")
    MUNICIPALITY = "municipality", _("Municipality")
    AUTONOMOUS_REGION = "autonomous_region", _("Autonomous region")
    SPECIAL_ADMINISTRATIVE_REGION = "sar", _("Special administrative region")
    STATE = "state", _("State")
    FEDERAL_DISTRICT = "district", _("Federal district")
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    PORT = "port", _("Port")
    OTHER = "other", _("Other")


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    AGENCY = "agency", _("Trade-promotion agency")
    CHAMBER = "chamber", _("Chamber or association")
    COMPANY = "company", _("Company")
    PORT_AUTHORITY = "port_authority", _("Port authority")
    UNIVERSITY = "university", _("University")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone can see it")
    PRIVATE = "private", _("Private: only the owning agency can see it")


LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
]
