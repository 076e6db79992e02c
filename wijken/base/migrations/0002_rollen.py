"""The method's roles exist as groups in every database, so code can rely on them."""

from django.db import migrations

ROLES = ["Programmamanager", "Projectleider", "Coördinator", "Wijkverbinder"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wijken", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
