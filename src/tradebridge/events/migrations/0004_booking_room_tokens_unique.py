from django.db import migrations, models

import tradebridge.events.models.session


class Migration(migrations.Migration):
    # Apart from 0003 so that PostgreSQL alters the table in a transaction of its own, after the
    # rows were filled in.
    dependencies = [
        ("events", "0003_catalogue_checks_and_booking_rooms"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consultationbooking",
            name="room_token",
            field=models.CharField(
                default=tradebridge.events.models.session.new_room_token,
                editable=False,
                max_length=32,
                unique=True,
            ),
        ),
    ]
