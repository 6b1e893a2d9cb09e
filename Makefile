# Two commands do all the set-up from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench install clean

$(BIN)/repair: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "installing repair and its test tools into $(VENV) ..."
	@$(BIN)/pip install --quiet -e '.[test]' > $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; exit 1; }
	@touch $@

install: $(BIN)/repair

# The reviewable diff for the seed article (exit 1 means "changes proposed").
demo: install
	@$(BIN)/repair diff examples/sco-summit.txt; [ $$? -le 1 ]

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m benchmarks.quality
	$(BIN)/python -m benchmarks.speed

clean:
	rm -rf $(VENV) build *.egg-info
