"""The method's standard goals per wijk, defined once (wijkplan 2.1 and the Open Koffie).

The wijkplan's chapter 2, the progress bars in the back office, the programme dashboard,
the Open Koffie planning and its signals all read them from here.
"""

# 2.1.1: ten wijkverbinders in the wijk.
WIJKVERBINDERS = 10
# Phase 2: at least twice a year into the wijk with an action to inform and recruit.
WERVINGSACTIES_PER_JAAR = 2
# 2.1.2: four to six new initiatives a year in the first three years.
INITIATIEVEN_PER_JAAR_MIN = 4
INITIATIEVEN_PER_JAAR_MAX = 6
INITIATIEVEN_PER_JAAR = f"{INITIATIEVEN_PER_JAAR_MIN} tot {INITIATIEVEN_PER_JAAR_MAX}"
JAREN_MET_INITIATIEFDOEL = 3
# 2.1.3, our house as a meeting place: ten residents a year as volunteers in the house.
VRIJWILLIGERS_PER_JAAR = 10
# The Open Koffie: four a year, each with at least ten residents.
OPEN_KOFFIES_PER_JAAR = 4
BUURTBEWONERS_PER_OPEN_KOFFIE = 10
