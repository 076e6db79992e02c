from django.contrib.auth import views as auth_views
from django.urls import path

from communitycare.portaal import views_besluit, views_dashboard
from communitycare.portaal import views_jaarverslag as jaarverslag
from communitycare.portaal import views_programma as programma
from communitycare.portaal import views_voorbereiding as voorbereiding
from wijken.base import views as beheer
from wijken.base.forms import InlogForm
from wijken.doeboekje import views_beheer as doeboekje_beheer
from wijken.mogelijkheden import views as mogelijkheden
from wijken.wijkdata import views as wijkdata

app_name = "beheer"

wijk = "<slug:regio>/<slug:wijk>/"

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=InlogForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views_dashboard.dashboard, name="dashboard"),
    path("plakken/", beheer.plakken, name="plakken"),
    # Before the wijk URLs: "programma/wijkdata/" would otherwise read as regio/wijk.
    path("programma/", programma.dashboard, name="programma"),
    path("programma/export.csv", programma.export_csv, name="programma_export_csv"),
    path("programma/export.xlsx", programma.export_xlsx, name="programma_export_xlsx"),
    path("programma/budget/", programma.budget, name="programma_budget"),
    path("programma/jaarverslag/", jaarverslag.programma, name="programma_jaarverslag"),
    path("programma/jaarverslag.pdf", jaarverslag.programma_pdf, name="programma_jaarverslag_pdf"),
    path(
        "programma/jaarverslag.xlsx",
        jaarverslag.programma_xlsx,
        name="programma_jaarverslag_xlsx",
    ),
    path("programma/wijkdata/", wijkdata.programma_importeren, name="programma_wijkdata"),
    path(
        "programma/wijkdata/toepassen/",
        wijkdata.programma_toepassen,
        name="programma_wijkdata_toepassen",
    ),
    path(wijk, beheer.wijk, name="wijk"),
    path(wijk + "jaarverslag/", jaarverslag.beheer_wijk, name="jaarverslag"),
    path(wijk + "jaarverslag.pdf", jaarverslag.beheer_wijk_pdf, name="jaarverslag_pdf"),
    # Beside the initiative's own back office, as the programme reviews it there.
    path(
        wijk + "initiatieven/<slug:slug>/begroting/besluit/",
        views_besluit.begroting,
        name="begroting_besluit",
    ),
    path(wijk + "huizen/nieuw/", beheer.huis_nieuw, name="huis_nieuw"),
    path(wijk + "huizen/<int:pk>/", beheer.huis, name="huis"),
    path(wijk + "huizen/<int:pk>/verwijderen/", beheer.huis_verwijderen, name="huis_verwijderen"),
    path(wijk + "vrijwilligers/nieuw/", beheer.vrijwilliger_nieuw, name="vrijwilliger_nieuw"),
    path(wijk + "vrijwilligers/<int:pk>/", beheer.vrijwilliger, name="vrijwilliger"),
    path(
        wijk + "vrijwilligers/<int:pk>/verwijderen/",
        beheer.vrijwilliger_verwijderen,
        name="vrijwilliger_verwijderen",
    ),
    path(wijk + "wijkverbinders/nieuw/", beheer.wijkverbinder_nieuw, name="wijkverbinder_nieuw"),
    path(wijk + "wijkverbinders/<int:pk>/", beheer.wijkverbinder, name="wijkverbinder"),
    path(
        wijk + "wijkverbinders/<int:pk>/verwijderen/",
        beheer.wijkverbinder_verwijderen,
        name="wijkverbinder_verwijderen",
    ),
    path(
        wijk + "open-koffie/<int:pk>/voorbereiding/",
        voorbereiding.voorbereiding,
        name="ok_voorbereiding",
    ),
    path(
        wijk + "open-koffie/<int:pk>/voorbereiding.pdf",
        voorbereiding.voorbereiding_pdf,
        name="ok_voorbereiding_pdf",
    ),
    path(wijk + "open-koffie/<int:pk>/poster.pdf", voorbereiding.poster, name="ok_poster"),
    path(wijk + "wijkdata/", wijkdata.wijkdata, name="wijkdata"),
    path(wijk + "wijkdata/importeren/", wijkdata.importeren, name="wijkdata_importeren"),
    path(wijk + "wijkdata/toepassen/", wijkdata.toepassen, name="wijkdata_toepassen"),
    path(wijk + "wijkdata/beleefd/<slug:indicator>/", wijkdata.beleefd, name="wijkdata_beleefd"),
    path(
        wijk + "huizen/<int:pk>/mogelijkheden/",
        mogelijkheden.mogelijkheden,
        name="mogelijkheden",
    ),
    path(wijk + "doe-boekje/", doeboekje_beheer.lijst, name="doeboekje"),
    path(wijk + "doe-boekje/nieuw/", doeboekje_beheer.nieuw, name="doeboekje_nieuw"),
    path(wijk + "doe-boekje/<int:pk>/", doeboekje_beheer.bewerken, name="doeboekje_bewerken"),
    path(wijk + "doe-boekje/<int:pk>/snel/", doeboekje_beheer.snel, name="doeboekje_snel"),
    path(
        wijk + "doe-boekje/<int:pk>/gecontroleerd/",
        doeboekje_beheer.gecontroleerd,
        name="doeboekje_gecontroleerd",
    ),
    path(
        wijk + "doe-boekje/<int:pk>/archiveren/",
        doeboekje_beheer.archiveren,
        name="doeboekje_archiveren",
    ),
    path(
        wijk + "doe-boekje/<int:pk>/terugzetten/",
        doeboekje_beheer.terugzetten,
        name="doeboekje_terugzetten",
    ),
]
