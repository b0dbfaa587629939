from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")
    AGENCY_STAFF = "agency_staff", _("Agency staff")
    COMPANY_REPRESENTATIVE = "company_rep", _("Company representative")
    GOVERNMENT_VIEWER = "government_viewer", _("Government viewer")
