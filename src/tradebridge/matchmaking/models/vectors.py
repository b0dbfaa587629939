from django.db import models


class StoredVectors(models.Model):
    """A profile's sentence vectors (``ProfileVectors.to_bytes``), kept so that nothing is
    encoded twice. A row whose encoder, encoder version or text hash no longer fits its profile
    is stale and recomputed."""

    profile = models.OneToOneField(
        "matchmaking.MatchProfile",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stored_vectors",
    )
    encoder = models.CharField(max_length=100)
    encoder_version = models.CharField(max_length=40)
    text_hash = models.CharField(max_length=64)
    data = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"vectors of profile {self.profile_id} ({self.encoder} {self.encoder_version})"


class IndexState(models.Model):
    """One row: the version of the profiles as a whole.

    ``generation`` rises with every change of a profile (the profile row takes the new value);
    ``epoch`` is replaced when everything changes at once (a rebuild). A process holding an index
    built at (epoch, generation) brings it up to date by reading the newer rows only.
    """

    epoch = models.CharField(max_length=32)
    generation = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"index state {self.epoch}/{self.generation}"
