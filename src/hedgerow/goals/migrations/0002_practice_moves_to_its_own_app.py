# Practice (aspiration, action ratio, visibility, skills) moved to its own app, `practice`, which
# keeps these tables under their old names: only Django's idea of which app owns them changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveField(
            model_name='actiontarget',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='aspiration',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='aspirationatage',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='aspirationrating',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='impulse',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='pitch',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='practicesession',
            name='owner',
        ),
        migrations.RemoveField(
            model_name='reflection',
            name='owner',
        ),
        migrations.DeleteModel(
            name='Accomplishment',
        ),
        migrations.DeleteModel(
            name='ActionTarget',
        ),
        migrations.DeleteModel(
            name='Aspiration',
        ),
        migrations.DeleteModel(
            name='AspirationAtAge',
        ),
        migrations.DeleteModel(
            name='AspirationRating',
        ),
        migrations.DeleteModel(
            name='Impulse',
        ),
        migrations.DeleteModel(
            name='Pitch',
        ),
        migrations.DeleteModel(
            name='PracticeSession',
        ),
        migrations.DeleteModel(
            name='Reflection',
        ),
            ],
            database_operations=[],
        ),
    ]
