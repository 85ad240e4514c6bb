"""Operational endpoints that are not content."""

from django.db import connection
from django.http import JsonResponse


def healthz(request):
    """Tell a load balancer whether this process can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "database": str(exc)}, status=503)
    return JsonResponse({"status": "ok"})
