# The two commands a newcomer runs: `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
OUT    ?= site

.PHONY: site test lint venv bench check evaluate clean

$(BIN)/geo: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

venv: $(BIN)/geo

site: venv
	$(BIN)/geo build --corpus $(CORPUS) --out $(OUT)
	@echo "Open $(OUT)/index.html in a browser (no server needed)."

test: venv
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check geo tests bench
	$(BIN)/mypy

check: venv
	$(BIN)/geo gazetteer check

evaluate: venv
	$(BIN)/geo evaluate --corpus $(CORPUS)

# Not part of `make test`: installs the peers (spaCy, flashtext) and runs bench/run.py.
bench: venv
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,bench,derive]'
	$(BIN)/python bench/run.py

clean:
	rm -rf build site .site.lock .site.build-*
