from django import template

from wijken.base.models import Wijk
from wijken.wijkplan.models import Actie

register = template.Library()


@register.simple_tag
def acties_in_wijkplan(wijk: Wijk) -> set:
    """The tokens of the wijk's acties: which vervolgafspraken of an Open Koffie are in the
    plan already (the meeting page asks the plan; the meetings know nothing of it)."""
    return set(Actie.objects.filter(wijkplan__wijk=wijk).values_list("token", flat=True))
