# reportkit — `make help` lists the targets. Everything runs inside .venv, made by `make setup`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo
CONSTRAINTS := constraints.txt
EXTRAS := dev,demo,dask
RAW := data/raw
PROCESSED := data/processed
JOBS ?= 2

.PHONY: help setup data extract briefings demo test test-fast lab lint clean bench eval constraints

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-11s\033[0m %s\n", $$1, $$2}'

# Two installs in one venv: what the demo needs (reportkit and its demo extra: `make demo` is a
# new user's first result) and, on top, everything (dev, dask: `make setup`, `make test`).
# uv installs about ten times as fast as pip. The venv is made without pip (ensurepip alone
# takes 2.5 s) and the system's pip fetches uv into a scratch folder; uv then installs itself,
# pip and reportkit into the venv. Without a system pip, the venv gets its own pip, which fetches
# uv; without uv at all, pip does the install. Bytecode: the full install compiles all of it up
# front; the demo's install leaves Python to compile, at first import, only the modules the
# commands use (about 1,000 of the stack's 7,700 files: 14 s of CPU saved, about 1.5 s spent).
define install
	[ -x $(BIN)/python ] || $(PYTHON) -m venv --without-pip $(VENV)
	[ -x $(BIN)/uv ] || $(PYTHON) -m pip install --quiet --target $(VENV)/.uv uv 2>/dev/null || \
	  { $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --default-pip >/dev/null; \
	    $(BIN)/python -m pip install --quiet uv 2>/dev/null; } || true
	uv=$$(ls $(BIN)/uv $(VENV)/.uv/bin/uv 2>/dev/null | head -n 1); \
	if [ -n "$$uv" ]; then \
	  $$uv pip install --quiet --python $(BIN)/python $(2) -c $(CONSTRAINTS) uv pip -e '.[$(1)]'; \
	else \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[$(1)]'; \
	fi
	rm -rf $(VENV)/.uv
	[ -f $(VENV)/share/jupyter/kernels/reportkit/kernel.json ] || \
	  $(BIN)/python -m ipykernel install --sys-prefix --name reportkit --display-name "Python (reportkit)" >/dev/null
endef

$(DEMO_STAMP): pyproject.toml $(CONSTRAINTS)
	$(call install,demo,)
	touch $(DEMO_STAMP)

$(STAMP): $(DEMO_STAMP)
	$(call install,$(EXTRAS),--compile-bytecode)
	touch $(STAMP)

setup: $(STAMP) ## create .venv, install reportkit[dev,demo,dask] pinned by constraints.txt, register the `reportkit` kernel

data: $(DEMO_STAMP) ## write the demo corpus into data/raw/
	$(BIN)/reportkit demo-corpus --out $(RAW)

extract: $(DEMO_STAMP) ## extract every document in data/raw/ into data/processed/
	$(BIN)/reportkit extract --raw $(RAW) --out $(PROCESSED) --jobs $(JOBS)

briefings: $(DEMO_STAMP) ## one HTML briefing per force in reports/briefings/
	$(BIN)/reportkit briefings --forces all --jobs $(JOBS)

# briefings extracts first when the tables are stale, with the notebook kernels starting meanwhile
demo: $(DEMO_STAMP) data briefings ## the main job on the demo data: install what it needs, write the corpus, extract it, brief
	@echo ""
	@echo "Done. Tables: $(PROCESSED)/  Briefings: reports/briefings/index.html"

test: $(STAMP) ## run the whole test suite (what CI runs), in parallel (JOBS=2), a test file per process
	$(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

test-fast: $(STAMP) ## the unit tests only (not those marked slow), in parallel (JOBS=2): under a minute
	$(BIN)/python -m pytest -q -m "not slow" -n $(JOBS)

lab: $(STAMP) ## open JupyterLab on notebooks/ with the reportkit kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

lint: $(STAMP) ## ruff over the package and the tests; mypy over the package
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

constraints: $(STAMP) ## re-pin constraints.txt from .venv (after a change of dependencies)
	@{ sed -n '/^#/p' $(CONSTRAINTS); $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^reportkit'; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

bench: $(STAMP) ## run the benchmark (benchmarks/run.py) and write benchmarks/results.json
	$(BIN)/python benchmarks/run.py

eval: $(STAMP) ## score extraction per phrasebook shape (development corpus; ARGS="--corpus tests/holdout")
	$(BIN)/python tests/devcorpus/evaluate.py --check $(ARGS)

clean: ## remove generated tables, reports and caches (never data/raw/)
	rm -rf $(PROCESSED)/*.csv $(PROCESSED)/*.parquet $(PROCESSED)/_extract_state.txt data/cache reports
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
