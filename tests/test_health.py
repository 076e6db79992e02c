def test_liveness(client, db):
    assert client.get("/healthz/").json() == {"status": "ok"}


def test_readiness_checks_database_and_migrations(client, db):
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
