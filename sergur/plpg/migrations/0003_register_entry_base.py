"""State only (no SQL): the register's account, rayon and subjects now come from the abstract
`registry.RayonRegisterEntry`, whose related names are written "%(class)s"; the names Django
resolves are the same as before (docs/plpg.md, "The instructor register and its criteria")."""

from __future__ import annotations

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('plpg', '0002_score_corrections'),
        ('registry', '0008_school_coordinates'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='instructor',
            name='rayon',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='%(class)ss', to='registry.rayon'),
        ),
        migrations.AlterField(
            model_name='instructor',
            name='subjects',
            field=models.ManyToManyField(related_name='%(class)ss', to='registry.subject', verbose_name='subjects'),
        ),
        migrations.AlterField(
            model_name='instructor',
            name='user',
            field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='%(class)s', to=settings.AUTH_USER_MODEL),
        ),
    ]
