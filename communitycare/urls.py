from django.contrib import admin
from django.urls import include, path

from communitycare import health
from communitycare.portaal import views_info
from communitycare.security_txt import security_txt
from wijken.base.forms import AdminInlogForm

admin.site.site_header = "Community Care — beheer"
admin.site.site_title = "Community Care"
admin.site.index_title = "Programmabeheer"
admin.site.login_form = AdminInlogForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/", health.liveness, name="healthz"),
    path("readyz/", health.readiness, name="readyz"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # About the portal itself, linked from every page's footer (see RESERVED_SLUGS).
    path("methode/", views_info.methode, name="methode"),
    path("contact/", views_info.contact, name="contact"),
    path("privacy/", views_info.privacy, name="privacy"),
    path("toegankelijkheid/", views_info.toegankelijkheid, name="toegankelijkheid"),
    path("beheer/", include("initiatieven.urls_beheer")),
    path("beheer/", include("communitycare.portaal.urls_beheer")),
    path("beheer/", include("openkoffie.urls_beheer")),
    # Before the other apps' /<regio>/<wijk>/...: /initiatieven/thema/open-koffie/ would
    # otherwise read as the Open Koffies of a wijk "thema" in a regio "initiatieven".
    path("", include("initiatieven.urls")),
    path("", include("openkoffie.urls")),
    path("api/", include("communitycare.portaal.urls_api")),
    path("", include("wijken.wijkplan.urls")),
    # Last: the public wijkbeeld takes /<regio>/<wijk>/, see wijken.base.models.RESERVED_SLUGS.
    path("", include("communitycare.portaal.urls")),
]
