# Two commands do all the set-up from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := ../shared/seed/sco-summit.txt

.PHONY: demo test bench install clean

$(BIN)/repair: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/repair

# The reviewable diff for the seed article (exit 1 means "changes proposed").
demo: install
	@if [ -f $(SEED) ]; then f=$(SEED); else f=fixtures/seed/sco-summit.txt; fi; \
	$(BIN)/repair diff --no-color $$f; status=$$?; [ $$status -le 1 ]

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m benchmarks.quality
	$(BIN)/python -m benchmarks.speed

clean:
	rm -rf $(VENV) build *.egg-info
