"""The wijk and its own parts, each sub-package a Django app: people and places (`base`),
wijkdata, the doe-boekje, Bijlage 2 (`mogelijkheden`) and the wijkplan. See the README's
Architecture section for the layers."""
