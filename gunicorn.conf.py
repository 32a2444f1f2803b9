"""gunicorn settings that `gunicorn webhook:app` reads by itself from the directory it starts in.

preload_app: the master loads and checks the content once, then forks the workers, which share those pages
instead of each loading its own copy (scripts/bench_startup.py measures start-up and memory). Each worker
opens its own store connection and starts its own purge thread after the fork; the language model, loaded in
a thread (bot/service/langmodel.py), is loaded by each worker that was forked before it was ready.
"""

preload_app = True
