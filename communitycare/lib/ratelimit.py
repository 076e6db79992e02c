"""Rate limits for public forms, kept in the shared cache.

Two budgets, both must allow a submission: one per network address, large enough for a
room of people behind one address (a shared tablet at the Open Koffie, a care home's
Wi-Fi), and a tighter one per browser session, which stops one person (or a script with
cookies) sending the same thing again and again. A script without cookies starts a new
session each time and meets the address budget.

A budget is "at most `count` submissions in any `seconds`": `count` slots, each taken
with cache.add (which only writes an absent key, so two rapid submissions cannot take
the same slot) and freed by its own expiry. The cache is shared by every app server
(the database cache by default), so a limit holds whichever server answers. The address
is read the way django-axes reads it for the login throttling, so one proxy setting
serves both.
"""

import hashlib
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

# A budget: at most this many submissions (count, seconds); see env.env_limits.
Budget = tuple[int, int]


def _take(key: str, budget: Budget, now: float) -> tuple[str | None, float]:
    """Takes a free slot of the budget: (its key, 0), or (None, when the first frees)."""
    count, seconds = budget
    keys = [f"{key}:{count}/{seconds}:{slot}" for slot in range(count)]
    taken = cache.get_many(keys)
    for slot_key in keys:
        if slot_key not in taken and cache.add(slot_key, now + seconds, seconds):
            return slot_key, 0
    # Every slot taken (some perhaps just now, by a parallel request): the value of a
    # slot is when it frees.
    taken = cache.get_many(keys)
    return None, min(taken.values(), default=now + 1)


def _take_all(key: str, budgets: tuple[Budget, ...], now: float) -> tuple[list[str], float]:
    """Takes a slot of each budget, or none: ([slot keys], 0) or ([], when to retry)."""
    slots: list[str] = []
    for budget in budgets:
        slot, retry = _take(key, budget, now)
        if slot is None:
            cache.delete_many(slots)
            return [], retry
        slots.append(slot)
    return slots, 0


def _session_key(request: HttpRequest) -> str:
    if request.session.session_key is None:
        # A first submission from this browser: the session that counts the next one.
        request.session.create()
    # Hashed: a cache key is no place for a live session key.
    return hashlib.sha256(str(request.session.session_key).encode()).hexdigest()


def toegestaan(request: HttpRequest, scope: str) -> float:
    """0 when a submission of this kind is allowed now (and counts it), else the moment
    (a Unix time) the budget that refused it has room again."""
    now = time.time()
    address = get_client_ip_address(request) or "onbekend"
    # The address first: a script without cookies then makes no session once refused.
    per_address, retry = _take_all(
        f"ratelimit:{scope}:adres:{address}", settings.RATELIMIT_PER_ADRES, now
    )
    if retry:
        return retry
    _, retry = _take_all(
        f"ratelimit:{scope}:sessie:{_session_key(request)}", settings.RATELIMIT_PER_SESSIE, now
    )
    if retry:
        # Refused by the session's budget: the room's turn is given back.
        cache.delete_many(per_address)
    return retry
