"""Background tasks of the initiatives: the initiatiefbeschrijving PDF (Bijlage 6)
rendered ahead of its download (enqueued by initiatieven.effects after every change
the description shows)."""

from django.tasks import task


@task
def render_beschrijving_pdf(initiatief_id: int) -> None:
    """Puts the current beschrijving PDF of a public initiative in the PDF cache (a no-op
    when it is there already, or when the initiative is gone or not public)."""
    # Imported here: the effects import this module while the apps load, before the
    # views (and the forms and URLs they pull in) can be imported.
    from initiatieven.views.public import beschrijving_document, publieke_initiatieven

    initiatief = publieke_initiatieven().filter(pk=initiatief_id).first()
    if initiatief is not None:
        beschrijving_document(initiatief).pdf()
