"""{{ tekst|contactlinks }}: phone numbers and e-mail addresses in a text as tel: and
mailto: links (communitycare.lib.contactlinks); the rest escaped, unchanged."""

from django import template

from communitycare.lib.contactlinks import contact_links

register = template.Library()


@register.filter(name="contactlinks")
def contactlinks_filter(value):
    return contact_links(value or "")
