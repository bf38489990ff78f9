# The commands of the project. Each target installs what it needs first, so a
# fresh machine with Python 3.11+ and make can run any of them directly.

VENV ?= .venv
ADDR ?= 127.0.0.1:8000
PYTHON ?= python3

BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-requirements

# Pages carry the date of the commit they were built from, not the wall clock,
# so two builds of one commit are byte-identical (sitemap dates included).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: serve build test bench clean

$(INSTALLED): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed; '$(PYTHON)' is older. Try: make $(MAKECMDGOALS) PYTHON=python3.11"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict --clean

test: $(INSTALLED)
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache/snippets
