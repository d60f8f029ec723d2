from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_contact_evidence"),
    ]

    operations = [
        migrations.AddField(
            model_name="suggestion",
            name="reason",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="reason_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
