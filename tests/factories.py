import factory
from django.contrib.auth.models import Group

from wijken.base.models import Huis, Regio, User, Wijk, Wijkverbinder


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("geheim")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        skip_postgeneration_save = True

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")

    @factory.post_generation
    def coordinatoren(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinatoren.set(extracted)


class HuisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huis

    wijk = factory.SubFactory(WijkFactory)
    naam = factory.Sequence(lambda n: f"Huis {n}")
    adres = factory.Sequence(lambda n: f"Dorpsstraat {n}")
    postcode = "6301 AB"
    plaats = "Valkenburg"


class WijkverbinderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijkverbinder

    wijk = factory.SubFactory(WijkFactory)
    naam = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"verbinder{n}@example.net")
    telefoon = "06 1234 5678"
    toestemming_publiek = True
