# The two commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# The tests keep their compiled and assertion-rewritten modules (__pycache__) even where the shell says
# not to write bytecode: collecting the suite then takes 4 s instead of 9.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

.PHONY: demo test test-fast screenshot install install-test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/kg build seeds --out out
	@echo
	@echo "Outputs in out/: graph.ttl (merged graph), graph.trig (one named graph per article),"
	@echo "graph.html (open it in a browser, works offline), store/ (the Oxigraph store)."
	@echo "Try: $(BIN)/kg query queries/meetings.rq --store out"

test: install-test
	$(BIN)/ruff check graph tests
	$(PYTEST)

# Everything but the browser, server and slow tests, on both cores (pytest-xdist): the loop while changing a rule (under 30 s).
test-fast: install-test
	$(BIN)/ruff check graph tests
	$(PYTEST) -q -n 2 -m "not browser and not server and not slow"

# docs/graph.png, the README's picture: the seed graph in Chromium with the Kono-Lavrov meeting open.
screenshot: install-test
	KG_SCREENSHOT=$(CURDIR)/docs/graph.png $(BIN)/python -m pytest -q tests/test_html_browser.py -k seed_build

lint: install-test
	$(BIN)/ruff check graph tests

clean:
	rm -rf $(VENV) out .pytest_cache
