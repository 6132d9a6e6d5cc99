# tei-edition: `make demo` builds the sample edition, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CONFIG := examples/edition.toml
DEMO   := build/sample

.PHONY: demo test test-quick bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# build/ holds generated files only, so the demo may overwrite its own earlier output.
demo: $(STAMP)
	$(BIN)/tei build --config $(CONFIG) -o $(DEMO) --force
	@echo "Sample edition built in $(DEMO)/: open $(DEMO)/index.html; print edition $(DEMO)/sample.pdf; TEI $(DEMO)/sample.xml"

test: $(STAMP)
	$(BIN)/python -m pytest

# every test but the very large inputs (a 25 MB source, 100,000 notes): for the edit-test loop
test-quick: $(STAMP)
	$(BIN)/python -m pytest -m "not large"

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check tei tests scripts

clean:
	rm -rf build .pytest_cache
