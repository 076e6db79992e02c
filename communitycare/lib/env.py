"""Reading settings from the environment, with the failures spelled out."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on", "ja"}
FALSE_WORDS = {"0", "false", "no", "off", "nee", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_limits(name: str, default: str) -> tuple[tuple[int, int], ...]:
    """Rate limits as "20/3600" or "1/120,5/3600": (count, seconds) pairs, each meaning
    at most `count` in any `seconds`."""
    raw = os.environ.get(name) or default
    limits = []
    for part in raw.split(","):
        count, _, seconds = part.strip().partition("/")
        try:
            limit = (int(count), int(seconds))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}={raw!r}: write each limit as count/seconds, e.g. 20/3600."
            ) from None
        if min(limit) < 1:
            raise ImproperlyConfigured(f"{name}={raw!r}: count and seconds must be at least 1.")
        limits.append(limit)
    return tuple(limits)
