"""Gunicorn settings, read from the environment so one file serves every deployment.

gunicorn loads this file by itself when started from the project folder:
``gunicorn busan_exchange.wsgi`` (or ``gunicorn -c gunicorn.conf.py``).
"""

import gc
import multiprocessing
import os

wsgi_app = "busan_exchange.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Pages are CPU work with short waits on PostgreSQL and Redis: a synchronous worker per core, and one more
# to use the waits, gave the shortest tail latencies under load (see bench/). Threads in one process share
# its interpreter lock, and many idle workers all wake for every new connection. The reverse proxy buffers
# slow clients, so a synchronous worker is never held up by one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread" if threads > 1 else "sync")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# The workers' heartbeat file in memory: on a disk it can stall a worker while the disk is busy.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (
    "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 (gunicorn's documented choice)
)

# Load Django once in the master: a new worker is then a fork, ready at once, not half a second of imports
# during which its requests wait. (Reload code with a restart, not HUP.)
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes")
# Recycle workers now and then so a slow leak can never take a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))

# Logs go to the process's standard streams; the platform (systemd, a container runtime) keeps them.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")

# No shared control socket in the home directory: several instances on one host must not step on each other.
control_socket_disable = True


def pre_fork(server, worker):
    # What Django loaded in the master lives as long as the process: keep the garbage collector from
    # walking it again in every worker (long pauses, and copy-on-write pages copied for nothing).
    gc.freeze()


def when_ready(server):
    # Compile the templates and read the catalogues once, in the master, before the workers are forked
    # (with preload_app): a new or recycled worker answers its first requests as fast as its thousandth.
    # (Only for the portal: the bench serves a bare Django site with this file too.)
    if preload_app and os.environ.get("DJANGO_SETTINGS_MODULE", "").startswith("busan_exchange."):
        from busan_exchange.warmup import warm_up

        server.log.info("Warmed up: %d templates compiled", warm_up())
