import pytest
from django.core.management import CommandError, call_command

from wijken.base import roles
from wijken.base.models import Huis, User, Wijk, Wijkverbinder

DEMO_USERS = [
    "programmamanager",
    "projectleider",
    "coordinator-heuvelland",
    "coordinator-heerlen",
    "coordinator-maastricht",
]


def counts():
    return (
        User.objects.count(),
        Wijk.objects.count(),
        Huis.objects.count(),
        Wijkverbinder.objects.count(),
    )


def test_load_demo_is_idempotent_and_complete(db, capsys):
    call_command("load_demo", force=True)
    first = counts()
    call_command("load_demo", force=True)
    assert counts() == first
    output = capsys.readouterr().out
    for username in DEMO_USERS:
        assert username in output
        assert User.objects.get(username=username).check_password("demo")
    slugs = set(Wijk.objects.values_list("regio__slug", "slug"))
    assert {
        ("heuvelland", "valkenburg-oosterbeemd"),
        ("heuvelland", "hulsberg-panhuys"),
        ("heerlen", "welten-benzenrade-douvenrade"),
    } <= slugs
    assert any(regio == "maastricht" for regio, _ in slugs)
    for wijk in Wijk.objects.all():
        assert wijk.huizen.exists()
        assert wijk.wijkverbinders.count() >= 2
    heuvelland = User.objects.get(username="coordinator-heuvelland")
    assert heuvelland.has_role(roles.COORDINATOR)
    assert set(heuvelland.wijken_als_coordinator.values_list("slug", flat=True)) == {
        "valkenburg-oosterbeemd",
        "hulsberg-panhuys",
    }
    heerlen = User.objects.get(username="coordinator-heerlen")
    assert list(heerlen.wijken_als_coordinator.values_list("slug", flat=True)) == [
        "welten-benzenrade-douvenrade"
    ]


def test_load_demo_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("load_demo")
