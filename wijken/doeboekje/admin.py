from django.contrib import admin

from wijken.doeboekje.models import DoeBoekjeItem


@admin.register(DoeBoekjeItem)
class DoeBoekjeItemAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "wijk",
        "categorie",
        "wanneer",
        "laatst_gecontroleerd_op",
        "gearchiveerd",
    ]
    list_filter = ["categorie", "gearchiveerd", "wijk__regio", "wijk"]
    search_fields = ["naam", "beschrijving", "wijk__naam"]
    list_select_related = ["wijk"]
    raw_id_fields = ["huis", "gecontroleerd_door"]
