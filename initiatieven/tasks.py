"""Background tasks of the initiatives: the initiatiefbeschrijving PDF (Bijlage 6)
rendered ahead of its download."""

from django.tasks import task

from communitycare.lib.pdf import prerender_after_commit
from initiatieven.models import Initiatief


@task
def render_beschrijving_pdf(initiatief_id: int) -> None:
    """Puts the current beschrijving PDF of a public initiative in the PDF cache (a no-op
    when it is there already, or when the initiative is gone or not public)."""
    # Imported here: the back-office views import this module to enqueue the task.
    from initiatieven.views.public import beschrijving_document, publieke_initiatieven

    initiatief = publieke_initiatieven().filter(pk=initiatief_id).first()
    if initiatief is not None:
        beschrijving_document(initiatief).pdf()


def beschrijving_pdf_vooraf_renderen(initiatief: Initiatief) -> None:
    """Call after an edit of what the initiatiefbeschrijving shows (description, status,
    begroting, approval): its PDF is rendered once the edit commits."""
    prerender_after_commit(render_beschrijving_pdf, initiatief.pk)
