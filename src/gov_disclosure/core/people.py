"""How staff are named to each other: by their name, the user name only when none is set."""


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
