import time


def wait_for(condition, message: str, seconds: float = 30) -> None:
    """Poll ``condition`` until it holds; fail with ``message`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)
