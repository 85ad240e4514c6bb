from tests.disclosure_requests.conftest import on_day, staff, submit  # noqa: F401
