"""Public recruitment material: the printable flyer about the wijkverbinder role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib.pdf import pdf_response
from openkoffie.models import OpenKoffie
from wijken.base import doelen
from wijken.base.models import Wijk


@require_GET
def flyer(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    """One A4 for prikborden, the wijkkrantje and door to door: the role, what it gives,
    how to sign up without internet too, and the next Open Koffie."""
    wijk_obj = get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)
    aanmelden = request.build_absolute_uri(
        reverse("openkoffie:word_wijkverbinder", args=[regio, wijk])
    )
    context = {
        "wijk": wijk_obj,
        "titel": f"Word wijkverbinder in {wijk_obj.naam}",
        "stand": timezone.localdate(),
        "aanmelden": aanmelden,
        "doel": doelen.WIJKVERBINDERS,
        "open_koffie": OpenKoffie.objects.voor_wijk(wijk_obj)
        .gepland()
        .komend()
        .met_plaats()
        .first(),
    }
    return pdf_response(
        "pdf/wijkverbinder_flyer.html",
        context,
        filename=f"word-wijkverbinder-{wijk_obj.regio.slug}-{wijk_obj.slug}.pdf",
    )
