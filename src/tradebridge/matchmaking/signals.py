"""Keep the match index in step with changes made outside the matchmaking domain functions:
an organisation's home region (part of its profile as the engine sees it), and profiles
deleted along with their organisation."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tradebridge.directory.models import Organisation
from tradebridge.matchmaking.domain.index_cache import record_change
from tradebridge.matchmaking.models import MatchProfile


@receiver(post_save, sender=Organisation, dispatch_uid="matchmaking-organisation-saved")
def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    profile_id = (
        MatchProfile.objects.filter(organisation_id=instance.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if profile_id is not None:
        record_change(profile_id)


@receiver(post_delete, sender=MatchProfile, dispatch_uid="matchmaking-profile-deleted")
def profile_deleted(sender, instance, **kwargs):
    record_change()
