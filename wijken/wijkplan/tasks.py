"""Background tasks of the wijken: the wijkplan PDF rendered ahead of its download."""

from django.tasks import task

from communitycare.lib.pdf import prerender_after_commit
from wijken.base.models import Wijk
from wijken.wijkplan.models import wijkplan_wijk_queryset


@task
def render_wijkplan_pdf(wijk_id: int) -> None:
    """Puts the current wijkplan PDF of a wijk in the PDF cache (a no-op when it is
    there already, or when the wijk is gone)."""
    # Imported here: the wijkplan views import this module to enqueue the task.
    from wijken.wijkplan.pdf import wijkplan_document

    wijk = wijkplan_wijk_queryset().filter(pk=wijk_id).first()
    if wijk is not None:
        wijkplan_document(wijk).pdf()


def wijkplan_pdf_vooraf_renderen(wijk: Wijk) -> None:
    """Call after an edit of the wijkplan: its PDF is rendered once the edit commits."""
    prerender_after_commit(render_wijkplan_pdf, wijk.pk)
