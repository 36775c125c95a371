"""A Redis cache that a dead, slow or full Redis cannot break.

Django's ``RedisCache`` raises when Redis does not answer, which turned every page, login and member action
into a 500 while Redis was away. ``FailSoftRedisCache`` answers like an empty cache instead ("not found",
"not stored") and logs the trouble once; the site then renders pages and reads sessions from the database.
Connections give up after half a second, and after a failure the whole process leaves Redis alone for
``BACKOFF_SECONDS`` (10 s) so that a dead Redis costs one timeout now and then, not one per call.

For the session copies (``PURGE_ON_RECOVERY``): a write or delete that did not reach Redis may leave an old
copy there, say of a session that was logged out meanwhile. Before anything else once Redis answers again,
the process deletes every key under the alias's own ``KEY_PREFIX``, so that copies are read afresh from the
database, which holds the truth.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

CONNECTION_DEFAULTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def _clock() -> float:
    return time.monotonic()


class _ServerState:
    """What the threads of this process know about one Redis (and key prefix)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.purge_pending = False


_states: dict[tuple, _ServerState] = {}
_states_lock = threading.Lock()


def _state_for(key: tuple) -> _ServerState:
    with _states_lock:
        return _states.setdefault(key, _ServerState())


class _FailSoftClient(RedisCacheClient):
    def __init__(self, servers, *, backoff: float, purge_prefix: str | None, **options):
        super().__init__(servers, **{**CONNECTION_DEFAULTS, **options})
        self._backoff = backoff
        self._purge_prefix = purge_prefix
        self._state = _state_for((tuple(servers), purge_prefix))
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # One client per connection pool, made once: Django makes a new one for every call, and making a
        # redis-py client (its table of reply handlers) costs more than the call itself. Clients are
        # thread-safe; each command takes a connection from the pool.
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client

    def _guard(self, operation, default, *args, writes: bool = True):
        state = self._state
        if state.down and _clock() < state.retry_at:
            state.purge_pending = state.purge_pending or writes
            return default
        try:
            if state.purge_pending and self._purge_prefix:
                self._purge()
            result = operation(*args)
        except self._lib.exceptions.RedisError as error:
            self._failed(error, writes=writes)
            return default
        if state.down:
            state.down = False
            logger.warning("Redis at %s answers again", self._servers[0])
        return result

    def _failed(self, error: Exception, *, writes: bool) -> None:
        state = self._state
        state.purge_pending = state.purge_pending or writes
        if isinstance(error, self._lib.exceptions.ConnectionError | self._lib.exceptions.TimeoutError):
            with state.lock:
                was_down, state.down, state.retry_at = state.down, True, _clock() + self._backoff
            if not was_down:
                logger.error(
                    "Redis at %s cannot be reached (%s); working without it", self._servers[0], error
                )
        else:
            # Redis answered with an error (e.g. out of memory under "noeviction"): skip this call only.
            logger.warning("Redis at %s refused a command: %s", self._servers[0], error)

    def _purge(self) -> None:
        client = super().get_client(write=True)
        batch = []
        for key in client.scan_iter(match=f"{self._purge_prefix}:*", count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.unlink(*batch)
                batch.clear()
        if batch:
            client.unlink(*batch)
        self._state.purge_pending = False
        logger.warning("Emptied the copies under %s after Redis trouble", self._purge_prefix)

    def ping(self) -> None:
        """Raises unless Redis answers now (ignoring any back-off): for the health check."""
        super().get_client(write=True).ping()

    def redis(self):
        """The redis-py client itself (it raises when Redis is away)."""
        return self.get_client(write=True)

    def publish(self, channel, message):
        return self._guard(lambda: self.get_client(write=True).publish(channel, message), 0)

    def add(self, key, value, timeout):
        return self._guard(super().add, False, key, value, timeout)

    def get(self, key, default):
        return self._guard(super().get, default, key, default, writes=False)

    def set(self, key, value, timeout):
        return self._guard(super().set, None, key, value, timeout)

    def touch(self, key, timeout):
        return self._guard(super().touch, False, key, timeout)

    def delete(self, key):
        return self._guard(super().delete, False, key)

    def get_many(self, keys):
        return self._guard(super().get_many, {}, keys, writes=False)

    def has_key(self, key):
        return self._guard(super().has_key, False, key, writes=False)

    def incr(self, key, delta):
        missing = object()
        result = self._guard(super().incr, missing, key, delta)
        if result is missing:
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout):
        return self._guard(super().set_many, None, data, timeout)

    def delete_many(self, keys):
        return self._guard(super().delete_many, None, keys)

    def clear(self):
        return self._guard(super().clear, False)


class FailSoftRedisCache(RedisCache):
    """``RedisCache`` that works as an empty cache while Redis is unreachable or refuses a command.

    ``OPTIONS`` may add ``BACKOFF_SECONDS`` (default 10) and ``PURGE_ON_RECOVERY`` (needs a ``KEY_PREFIX`` of
    the alias's own); the rest go to the Redis connection, with short timeouts by default.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        options = dict(self._options)
        self._backoff = float(options.pop("BACKOFF_SECONDS", 10))
        purge = options.pop("PURGE_ON_RECOVERY", False)
        if purge and not self.key_prefix:
            raise ImproperlyConfigured("PURGE_ON_RECOVERY needs a KEY_PREFIX that only this cache uses.")
        self._purge_prefix = self.key_prefix if purge else None
        self._options = options

    @cached_property
    def _cache(self):
        return _FailSoftClient(
            self._servers, backoff=self._backoff, purge_prefix=self._purge_prefix, **self._options
        )

    def ping(self) -> None:
        self._cache.ping()

    @cached_property
    def address(self) -> str:
        """Which Redis and which keys in it: caches with the same address share their keys and channels."""
        return f"{','.join(self._servers)} {self.key_prefix}"

    def publish(self, channel: str, message: str) -> None:
        """Publish ``message`` on ``channel`` (named under this cache's key prefix); skipped while Redis is
        away, like a write."""
        self._cache.publish(self.make_key(channel), message)

    def subscribe(self, channel: str):
        """A redis-py ``PubSub`` subscribed to ``channel`` (named as for ``publish``), once Redis confirmed
        the subscription: every message published from then on reaches it. Raises when Redis is away."""
        pubsub = self._cache.redis().pubsub()
        try:
            pubsub.subscribe(self.make_key(channel))
            confirmation = pubsub.get_message(timeout=CONNECTION_DEFAULTS["socket_timeout"])
            if not confirmation or confirmation["type"] != "subscribe":
                raise self._cache._lib.exceptions.ConnectionError(
                    f"no confirmation of the subscription: {confirmation}"
                )
        except BaseException:
            pubsub.close()
            raise
        return pubsub
