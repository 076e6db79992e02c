"""The open-data API: read-only JSON of what the public pages show, and nothing more.

No personal data (no coördinatoren, wijkverbinders or contact lines) and nothing
that is not public. Lists are paginated with `?page=N` and carry next/previous links.
"""

import re

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib.site import absolute_url
from communitycare.portaal.api_schema import OPENAPI
from wijken.base.models import Wijk
from wijken.wijkdata.maten import MAAT_LABELS, Bron
from wijken.wijkdata.models import Wijkcijfer, beleefde_wijkdata_prefetch

PER_PAGINA = 100


def json_antwoord(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it from the browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def fout(status: int, melding: str) -> JsonResponse:
    return json_antwoord({"fout": melding}, status=status)


def onbekend(request: HttpRequest, onbekend: str) -> JsonResponse:
    return fout(404, "Dit adres bestaat niet in de API. Alle adressen staan op /api/.")


def _getal(waarde) -> float | None:
    return None if waarde is None else float(waarde)


def pagina(request: HttpRequest, queryset: QuerySet, serialiseer) -> JsonResponse:
    paginator = Paginator(queryset, PER_PAGINA)
    try:
        pagina = paginator.page(int(request.GET.get("page", "1")))
    except (ValueError, EmptyPage):
        return fout(404, "Deze pagina bestaat niet.")

    def link(nummer: int) -> str:
        params = request.GET.copy()
        params["page"] = str(nummer)
        return absolute_url(f"{request.path}?{params.urlencode()}")

    return json_antwoord(
        {
            "count": paginator.count,
            "page": pagina.number,
            "pages": paginator.num_pages,
            "next": link(pagina.next_page_number()) if pagina.has_next() else None,
            "previous": link(pagina.previous_page_number()) if pagina.has_previous() else None,
            "results": [serialiseer(request, obj) for obj in pagina],
        }
    )


def _wijk(request: HttpRequest, wijk: Wijk) -> dict:
    return {
        "naam": wijk.naam,
        "slug": wijk.slug,
        "regio": {"naam": wijk.regio.naam, "slug": wijk.regio.slug},
        "cbs_code": wijk.cbs_code or None,
        "introductie": wijk.introductie,
        "url": absolute_url(wijk.get_absolute_url()),
        "api_url": absolute_url(reverse("api:wijk", args=[wijk.regio.slug, wijk.slug])),
    }


def _cbs_code(waarde: str) -> str | None:
    """The CBS wijkcode of a wijk in the portal, or None: an unknown code is a 400."""
    code = waarde.upper()
    # PostgreSQL refuses a NUL in a text value.
    if not code or "\x00" in code or not Wijk.objects.filter(cbs_code=code).exists():
        return None
    return code


def _cijfer(cijfer: Wijkcijfer, wijk: Wijk) -> dict:
    return {
        "wijk": {"regio": wijk.regio.slug, "slug": wijk.slug, "cbs_code": wijk.cbs_code or None},
        "maat": cijfer.maat,
        "maat_label": cijfer.maat_label,
        "jaar": cijfer.jaar,
        "waarde": _getal(cijfer.waarde),
        "eenheid": cijfer.eenheid,
        "bron": cijfer.bron,
        "bron_label": cijfer.get_bron_display(),
        "vergelijking": {
            "gemeente": _getal(cijfer.vergelijking_gemeente),
            "regio": _getal(cijfer.vergelijking_regio),
            "nederland": _getal(cijfer.vergelijking_nederland),
        },
        "demo": cijfer.demo,
    }


@require_GET
def index(request: HttpRequest) -> JsonResponse:
    return json_antwoord(
        {
            "wijken": absolute_url(reverse("api:wijken")),
            "wijkdata": absolute_url(reverse("api:wijkdata")),
            "initiatieven": absolute_url(reverse("api:initiatieven")),
            "open_koffie": absolute_url(reverse("api:open_koffie")),
            "openapi": absolute_url(reverse("api:openapi")),
            "toelichting": "Openbare gegevens van het wijkportaal. Alleen lezen; "
            "lijsten per 100, met ?page=N.",
        }
    )


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return json_antwoord(OPENAPI)


@require_GET
def wijken(request: HttpRequest) -> JsonResponse:
    queryset = Wijk.objects.select_related("regio").order_by("regio__naam", "naam", "pk")
    return pagina(request, queryset, _wijk)


@require_GET
def wijk(request: HttpRequest, regio: str, wijk: str) -> JsonResponse:
    queryset = Wijk.objects.select_related("regio").prefetch_related(
        "huizen",
        Prefetch("wijkcijfers", queryset=Wijkcijfer.objects.order_by("maat", "jaar", "bron")),
        beleefde_wijkdata_prefetch(),
    )
    wijk_obj = queryset.filter(regio__slug=regio, slug=wijk).first()
    if wijk_obj is None:
        return fout(404, "Deze wijk bestaat niet.")
    data = _wijk(request, wijk_obj)
    data.update(
        wie_leeft_hier=wijk_obj.wie_leeft_hier,
        behoeften=wijk_obj.behoeften,
        huizen=[
            {"naam": h.naam, "adres": h.adres, "postcode": h.postcode, "plaats": h.plaats}
            for h in wijk_obj.huizen.all()
        ],
        wijkdata=[_cijfer(c, wijk_obj) for c in wijk_obj.wijkcijfers.all()],
        beleefde_wijkdata=[
            {
                "indicator": b.indicator,
                "herkenning": b.herkenning,
                "open_koffie_datum": timezone.localdate(b.open_koffie.begin),
                "nadruk": b.nadruk,
            }
            for b in wijk_obj.beleefde_wijkdata.all()
        ],
    )
    return json_antwoord(data)


@require_GET
def wijkdata(request: HttpRequest) -> JsonResponse:
    """All figures; filter with ?wijk=<CBS-wijkcode>, ?maat=, ?jaar=, ?bron=."""
    queryset = Wijkcijfer.objects.select_related("wijk__regio").order_by(
        "wijk__regio__slug", "wijk__slug", "maat", "jaar", "bron", "pk"
    )
    filters = {
        "wijk": ("wijk__cbs_code", _cbs_code),
        "maat": ("maat", lambda v: v if v in MAAT_LABELS else None),
        # ASCII digits: str.isdigit() also accepts "²", which int() refuses.
        "jaar": ("jaar", lambda v: int(v) if re.fullmatch(r"[0-9]{1,4}", v) else None),
        "bron": ("bron", lambda v: v if v in Bron.values else None),
    }
    for naam, (veld, lees) in filters.items():
        if naam not in request.GET:
            continue
        waarde = lees(request.GET[naam])
        if waarde is None:
            return fout(400, f"Onbekende waarde voor {naam}: {request.GET[naam]!r}.")
        queryset = queryset.filter(**{veld: waarde})
    return pagina(request, queryset, lambda request, cijfer: _cijfer(cijfer, cijfer.wijk))
