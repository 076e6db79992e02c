from tests.factories import UserFactory
from tests.factories_wijkplan import ActieFactory, WijkplanFactory


def test_admin_pages_for_the_wijkplan(client, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    actie = ActieFactory(wijkplan=plan)
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))
    for url in [
        "/admin/wijkplan/wijkplan/",
        f"/admin/wijkplan/wijkplan/{plan.pk}/change/",
        f"/admin/wijkplan/wijkplan/{plan.pk}/history/",
        "/admin/wijkplan/actie/",
        f"/admin/wijkplan/actie/{actie.pk}/history/",
        "/admin/wijkplan/vaststelling/",
    ]:
        assert client.get(url).status_code == 200, url
