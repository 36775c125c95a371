# The verbs a newcomer needs. `make run` and `make test` set everything up from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-e2e lint format messages compilemessages collectstatic migrate seed bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(STAMP)

compilemessages: $(STAMP)
	$(PY) scripts/compile_messages.py

# Hashed, compressed static files into staticfiles/ (DJANGO_STATIC_ROOT), served by whitenoise in production.
collectstatic: $(STAMP)
	$(PY) manage.py collectstatic --noinput

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py load_seed

# The site and, beside it, a worker that delivers mail (printed here) and runs the scheduled jobs.
run: export PORTAL_DOMAIN ?= $(HOST):$(PORT)
run: compilemessages seed
	@$(PY) manage.py load_sample_data
	@$(PY) manage.py ensure_dev_admin --base-url http://$(HOST):$(PORT)
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker (mail, scheduled jobs)"
	@$(PY) manage.py qcluster & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
		$(PY) manage.py runserver $(HOST):$(PORT)

test: compilemessages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extract UI strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext), then compile them.
messages: $(STAMP)
	$(PY) manage.py makemessages --locale ko --locale zh_Hans --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'test-artifacts/*' --ignore 'bench/*' --no-obsolete
	$(MAKE) compilemessages

# The site under load as deployed (gunicorn, production settings, PostgreSQL, Redis); prints its figures.
bench: compilemessages
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles
