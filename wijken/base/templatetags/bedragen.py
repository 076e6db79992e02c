"""{{ bedrag|euro }}: an amount as "€ 1.160,00" (communitycare.lib.bedragen) in templates,
with &nbsp; after the sign so a table cell never breaks the amount in two."""

from django import template
from django.utils.html import format_html

from communitycare.lib import bedragen

register = template.Library()


@register.filter(name="euro")
def euro_filter(value):
    tekst = bedragen.euro(value, spatie=" ")
    if tekst.startswith("€ "):
        return format_html("€&nbsp;{}", tekst[2:])
    return tekst  # None or not a number: as text, escaped by the template
