from django.core.management import call_command

from wijken.base.models import Wijk
from wijken.wijkplan.models import Actie, Vaststelling, Wijkplan


def counts():
    return (
        Wijkplan.objects.count(),
        Wijkplan.history.count(),
        Actie.objects.count(),
        Actie.history.count(),
        Vaststelling.objects.count(),
    )


def test_every_demo_wijk_has_a_filled_in_wijkplan_with_history(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    for wijk in Wijk.objects.all():
        plan = wijk.wijkplan
        assert all(getattr(plan, veld) for veld in ["wijkdata", "doel_wijkverbinders"])
        versies = plan.history.all()
        assert versies.count() >= 3
        assert len({versie.history_user_id for versie in versies}) >= 2
        assert len({versie.history_date.date() for versie in versies}) >= 3
        assert 10 <= plan.acties.count() <= 14
        assert plan.acties.filter(afgerond=True).exists()
        assert any(actie.is_te_laat for actie in plan.acties.all())
        # Heer is behind on purpose: its only Open Koffie so far was cancelled.
        assert plan.vaststellingen.exists() == (wijk.slug != "heer")
        # Chapter 4 is the agenda: the adopted version refers to a held Open Koffie.
        for vaststelling in plan.vaststellingen.all():
            assert vaststelling.open_koffie.is_geweest
