from django import template

from wijken.base.models import Huis
from wijken.mogelijkheden.models import Rooster, rooster

register = template.Library()


@register.filter(name="rooster")
def rooster_filter(huis: Huis, soort: str) -> Rooster:
    """`huis|rooster:"receptie"`: the opening hours of one kind."""
    return rooster(huis, soort)
