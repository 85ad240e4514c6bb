"""Tracking codes the applicant types back: unguessable, short, hard to misread."""

import secrets

# Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def tracking_code_new() -> str:
    """Twelve symbols (60 bits) in three groups, e.g. ``K7Q2-M9XD-4TPA``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def digits(text: str) -> str:
    """Only the digits of what was typed (phone numbers come with spaces, dashes, +86)."""
    return "".join(ch for ch in text if ch.isdigit())


def tracking_code_normalise(text: str) -> str:
    """The code as stored, from what a person typed (any case, spaces, dashes, O for 0)."""
    raw = "".join(ch for ch in text.upper().translate(_MISREAD) if ch in ALPHABET)
    if len(raw) != 12:
        return ""
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def tracking_code_unused(model, field: str = "tracking_code") -> str:
    """A new code no row of ``model`` holds yet in ``field``."""
    while True:
        code = tracking_code_new()
        if not model.objects.filter(**{field: code}).exists():
            return code


def tracking_lookup(queryset, *, code: str, phone_last4: str):
    """The row the code and the phone's last four digits open, or None.

    A row whose digits were purged (empty) is never found."""
    normalised = tracking_code_normalise(code)
    last4 = digits(phone_last4)
    if not normalised or len(last4) != 4:
        return None
    return queryset.filter(tracking_code=normalised, phone_last4=last4).first()
