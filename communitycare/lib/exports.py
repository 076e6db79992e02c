"""Tables to download: Excel (xlsx) by default, CSV as Dutch Excel opens it.

One table, two formats, the same cells. Amounts (Decimal values) stay numbers in xlsx,
shown as "€ 1.234,56" by the cell format; the CSV is UTF-8 with a BOM and semicolons,
with a decimal comma, which is what Excel with Dutch settings reads without a wizard.
"""

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO

from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from communitycare.lib.bedragen import getal_nl

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's own notation; a Dutch Excel shows it as € 1.234,56 (and € -1.234,56).
EURO_FORMAAT = '"€" #,##0.00;"€" -#,##0.00'
# A spreadsheet runs a cell that starts with one of these as a formula: a wijk named
# '=HYPERLINK(...)' must arrive as text (OWASP "CSV injection").
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def formaat(request: HttpRequest) -> str:
    """The format asked for: "csv" for ?formaat=csv, else "xlsx"."""
    return "csv" if request.GET.get("formaat") == "csv" else "xlsx"


def _als_tekst(waarde):
    """A text cell that a spreadsheet shows as typed, never runs."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde


def _csv_cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return getal_nl(waarde).replace(".", "")  # "1234,56": Excel reads it as a number
    return _als_tekst(waarde)


def csv_response(bestandsnaam: str, koppen: Sequence[str], rijen: Iterable[Sequence]):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.csv"'
    response.write("\ufeff")  # the BOM: without it Excel reads UTF-8 as Windows-1252
    schrijver = csv.writer(response, delimiter=";")
    schrijver.writerow(koppen)
    schrijver.writerows([_csv_cel(waarde) for waarde in rij] for rij in rijen)
    return response


def xlsx_response(
    bestandsnaam: str,
    titel: str,
    koppen: Sequence[str],
    rijen: Iterable[Sequence],
    *,
    breedtes: Sequence[int] = (),
    vastzetten: str = "A2",
) -> HttpResponse:
    boek = Workbook()
    blad = boek.active
    blad.title = titel[:31]  # Excel's limit for a sheet name
    blad.append(list(koppen))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        blad.append(list(rij))
        for cel in blad[blad.max_row]:
            if cel.data_type == "f":  # openpyxl reads a leading '=' as a formula: keep text
                cel.data_type = "s"
            elif isinstance(cel.value, Decimal):
                cel.number_format = EURO_FORMAAT
    blad.freeze_panes = vastzetten
    for nummer, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[blad.cell(1, nummer).column_letter].width = breedte
    inhoud = BytesIO()
    boek.save(inhoud)
    response = HttpResponse(inhoud.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.xlsx"'
    return response


def tabel_response(
    request: HttpRequest, bestandsnaam: str, titel: str, koppen, rijen, **xlsx
) -> HttpResponse:
    """The table as xlsx, or as CSV with ?formaat=csv."""
    if formaat(request) == "csv":
        return csv_response(bestandsnaam, koppen, rijen)
    return xlsx_response(bestandsnaam, titel, koppen, rijen, **xlsx)
