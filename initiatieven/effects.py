"""What follows from a change to an initiative: its beschrijving PDF (Bijlage 6) rendered
ahead, and the e-mail about its begroting.

Receivers, not calls from each view: the description is edited through the back office,
the admin and the API, and a receiver on each model it shows sees every save and
delete whatever path made it. `prerender_after_commit` queues the render once per
initiative per transaction, after commit. The evaluation PDF (Bijlage 7) is rendered
on download only. What a receiver cannot see: queryset .update() and bulk_create;
`zet_indicatoren` adds with bulk_create, but in the same transaction its callers save
the initiative or (step 1) the startstap, and both are watched.

The e-mail follows from the begroting's history: every domain method of the begroting
(`indienen`, `na_wijziging`, `keur_goed`, `wijs_af`) records its event as a
Begrotingsbesluit, so one receiver on that record sends one message per event, sent
by `meldingen` after commit, whichever view, admin action or command called the method.
"""

from django.conf import settings
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from communitycare.lib.pdf import prerender_after_commit
from initiatieven import meldingen
from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Begrotingsregel,
    Initiatief,
    InitiatiefIndicator,
    Startstap,
)
from initiatieven.tasks import render_beschrijving_pdf
from wijken.base.models import Regio, Wijk, Wijkverbinder


def _via_begroting(begroting_id) -> list[int]:
    return list(Begroting.objects.filter(pk=begroting_id).values_list("initiatief_id", flat=True))


# Per model: the initiatives whose description shows a row. Queries, not related
# objects: in a cascading delete the row's parents may be gone already.
INITIATIEVEN = {
    Initiatief: lambda initiatief: [initiatief.pk],
    InitiatiefIndicator: lambda indicator: [indicator.initiatief_id],
    # Not shown, but step 1 sets the indicatoren (see above) and step 8 the wijkverbinder.
    Startstap: lambda stap: [stap.initiatief_id],
    Begroting: lambda begroting: [begroting.initiatief_id],
    Begrotingsregel: lambda regel: _via_begroting(regel.begroting_id),
    Begrotingsbesluit: lambda besluit: _via_begroting(besluit.begroting_id),
    # The heading names the wijk and its regio; the description the wijkverbinder.
    Wijk: lambda wijk: list(wijk.initiatieven.publiek().values_list("pk", flat=True)),
    Regio: lambda regio: list(
        Initiatief.objects.publiek().filter(wijk__regio=regio).values_list("pk", flat=True)
    ),
    Wijkverbinder: lambda verbinder: list(verbinder.initiatieven.values_list("pk", flat=True)),
}


def beschrijving_pdf_na_commit(initiatief_ids) -> None:
    for initiatief_id in set(initiatief_ids) - {None}:
        prerender_after_commit(render_beschrijving_pdf, initiatief_id)


def _pdf(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    lookup = INITIATIEVEN.get(type(instance)._meta.concrete_model)  # proxies as their model
    if lookup is not None and not raw and settings.PDF_VOORAF_RENDEREN:
        beschrijving_pdf_na_commit(lookup(instance))


def _mail(sender, instance: Begrotingsbesluit, created: bool, raw: bool = False, **kwargs):
    if raw or not created:
        return
    begroting = instance.begroting
    if instance.soort == Begrotingsbesluit.Soort.INGEDIEND:
        meldingen.ter_goedkeuring(begroting)
    elif instance.soort == Begrotingsbesluit.Soort.GEWIJZIGD and _was_goedgekeurd(instance):
        meldingen.ter_goedkeuring(begroting, opnieuw=True)
    elif instance.soort in Begrotingsbesluit.BESLUITEN:
        meldingen.besluit(begroting, instance)


def _was_goedgekeurd(wijziging: Begrotingsbesluit) -> bool:
    """The change withdrew an approval: the entry before it approved. A change of a
    begroting already up for approval tells nobody again."""
    vorige = (
        Begrotingsbesluit.objects.filter(begroting_id=wijziging.begroting_id, pk__lt=wijziging.pk)
        .order_by("-pk")
        .values_list("soort", flat=True)
        .first()
    )
    return vorige == Begrotingsbesluit.Soort.GOEDGEKEURD


def connect() -> None:
    """Called from InitiatievenConfig.ready()."""
    post_save.connect(_pdf, dispatch_uid="beschrijving_pdf.post_save")
    post_delete.connect(_pdf, dispatch_uid="beschrijving_pdf.post_delete")
    post_save.connect(_mail, sender=Begrotingsbesluit, dispatch_uid="begroting.mail")
