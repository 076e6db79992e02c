"""People and places: regio, wijk, huis, users and roles, wijkverbinders and volunteers:
the base every other app stands on."""
