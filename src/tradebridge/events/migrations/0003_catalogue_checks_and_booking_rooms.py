import secrets

from django.db import migrations, models

import tradebridge.events.validators


def give_each_booking_a_room(apps, schema_editor):
    # A default in AddField would give every existing booking the same room.
    booking_model = apps.get_model("events", "ConsultationBooking")
    for booking in booking_model.objects.filter(room_token__isnull=True).only("pk"):
        booking.room_token = secrets.token_hex(16)
        booking.save(update_fields=["room_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_pavilions_and_consultations"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultationbooking",
            name="room_token",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_each_booking_a_room, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="product",
            name="hs_codes",
            field=models.CharField(
                blank=True,
                max_length=200,
                validators=[tradebridge.events.validators.validate_hs_codes],
                verbose_name="HS codes",
            ),
        ),
        migrations.AlterField(
            model_name="product",
            name="image",
            field=models.ImageField(
                blank=True,
                upload_to="products/",
                validators=[tradebridge.events.validators.validate_product_image],
                verbose_name="image",
            ),
        ),
    ]
