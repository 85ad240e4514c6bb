from rest_framework.throttling import BaseThrottle


def client_ip(request) -> str:
    """The client's address for per-IP limits, read as the API's throttles read it:
    REMOTE_ADDR, or X-Forwarded-For behind NUM_PROXIES trusted reverse proxies."""
    return BaseThrottle().get_ident(request)
