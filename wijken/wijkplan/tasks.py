"""Background tasks of the wijken: the wijkplan PDF rendered ahead of its download
(enqueued by wijken.wijkplan.effects after every change the plan shows)."""

from django.tasks import task

from wijken.wijkplan.models import wijkplan_wijk_queryset


@task
def render_wijkplan_pdf(wijk_id: int) -> None:
    """Puts the current wijkplan PDF of a wijk in the PDF cache (a no-op when it is
    there already, or when the wijk is gone)."""
    # Imported here: the effects import this module while the apps load; the document
    # (templates, WeasyPrint) loads when a render runs.
    from wijken.wijkplan.pdf import wijkplan_document

    wijk = wijkplan_wijk_queryset().filter(pk=wijk_id).first()
    if wijk is not None:
        wijkplan_document(wijk).pdf()
