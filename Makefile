# The front door: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint format bench messages migrate demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

migrate: $(STAMP)
	$(BIN)/tradebridge migrate --verbosity 0

demo: migrate
	$(BIN)/tradebridge load_demo

run: demo
	@echo "TradeBridge is at http://$(HOST):$(PORT)/  (stop with Ctrl-C)"
	$(BIN)/tradebridge runserver $(HOST):$(PORT)

test: $(STAMP)
	@$(BIN)/python scripts/run_tests.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/matching/run.py
	$(BIN)/python bench/scheduling/run.py

messages: $(STAMP)
	cd src/tradebridge && ../../$(BIN)/tradebridge makemessages --locale zh_Hans --no-obsolete --add-location file
	cd src/tradebridge && ../../$(BIN)/tradebridge compilemessages --locale zh_Hans

clean:
	rm -rf $(VENV) var
