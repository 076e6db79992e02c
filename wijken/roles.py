"""The roles of the method, kept as Django groups (created by a data migration)."""

PROGRAMMAMANAGER = "Programmamanager"
PROJECTLEIDER = "Projectleider"
COORDINATOR = "Coördinator"
WIJKVERBINDER = "Wijkverbinder"

ALL_ROLES = [PROGRAMMAMANAGER, PROJECTLEIDER, COORDINATOR, WIJKVERBINDER]

# These roles look after the whole programme and so may open every wijk.
PROGRAMME_ROLES = {PROGRAMMAMANAGER, PROJECTLEIDER}
