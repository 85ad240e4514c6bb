"""The feed's opaque cursor: the (change time, id) of the last entry a client has read."""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class Cursor:
    changed_at: datetime.datetime
    entry_id: int

    def encode(self) -> str:
        payload = json.dumps([self.changed_at.isoformat(), self.entry_id], separators=(",", ":"))
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> "Cursor":
        try:
            padded = token + "=" * (-len(token) % 4)
            changed_at, entry_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            changed_at = datetime.datetime.fromisoformat(changed_at)
            if changed_at.tzinfo is None or not isinstance(entry_id, int):
                raise ValueError
            if not 0 <= entry_id < 2**63:  # a database id
                raise ValueError
        except (ValueError, TypeError, UnicodeError, binascii.Error) as error:
            raise InvalidCursor(token) from error
        return cls(changed_at=changed_at, entry_id=entry_id)
