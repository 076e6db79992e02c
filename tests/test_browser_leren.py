"""In Chromium: step 3's examples from other wijken and a theme page, accessible at
320, 390 and 1280 px (screenshots in /tmp/leren)."""

import os
import re

import pytest
from django.utils import timezone

from initiatieven.models import Evaluatie, Status, Thema
from tests.conftest import assert_accessible
from tests.factories_initiatieven import InitiatiefFactory

pytestmark = pytest.mark.browser
SCHERM = "/tmp/leren"
BREEDTES = (320, 390, 1280)


def test_step_3_examples_and_the_theme_page(
    page, live_server, login, wijk_a, wijk_b, coordinator_a
):
    os.makedirs(SCHERM, exist_ok=True)
    eigen = InitiatiefFactory(wijk=wijk_a, naam="Samen koken", thema=Thema.SAMEN_AAN_TAFEL)
    elders = InitiatiefFactory(
        wijk=wijk_b,
        naam="Kookclub Welten",
        globale_beschrijving="Samen koken en eten.",
        thema=Thema.SAMEN_AAN_TAFEL,
        status=Status.ACTIEF,
    )
    Evaluatie.objects.create(
        initiatief=elders,
        soort=Evaluatie.Soort.ZES_MAANDEN,
        ingevuld_door="Els",
        datum=timezone.localdate(),
        opstart="Een buurvrouw kwam met het idee.",
        voortgang="Volgens plan.",
        effect_beleving="Mensen eten niet meer alleen.",
        voortzetten="Ja, elke donderdag.",
        gepubliceerd_op=timezone.now(),
    )
    page.goto(live_server.url + "/initiatieven/thema/samen-aan-tafel/")
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        page.screenshot(path=f"{SCHERM}/thema-{breedte}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    assert_accessible(page)
    login(page, coordinator_a)
    page.goto(live_server.url + eigen.get_beheer_url())
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        page.locator("#stap-3").screenshot(path=f"{SCHERM}/stap3-{breedte}.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Begin met dit voorbeeld.*Kookclub Welten$")).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/nieuw/?voorbeeld={elders.pk}")
