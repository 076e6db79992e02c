"""Liveness and readiness for load balancers and orchestration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
def readiness(request: HttpRequest) -> JsonResponse:
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse(
            {"status": "database niet bereikbaar", "error": type(exc).__name__}, status=503
        )
    if pending:
        return JsonResponse(
            {"status": "migraties niet toegepast", "open": len(pending)}, status=503
        )
    return JsonResponse({"status": "ok"})
