"""The smallest Django site gunicorn can serve: the denominator of every figure ``bench/run.py`` prints."""
