# qrepl: build, test and run the demo.
#
#   make demo       install system packages if needed, build in release mode, run the demo
#   make test       install system packages if needed, build (release, testable) and run the test suite
#   make build      release build only
#   make bench      interpreter speed against CPython and Lua
#   make reproduce  run every example in examples/ in full; reports, figures and run records in docs/results/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SYSTEM_PACKAGES := libedit-dev libopenblas-dev pkg-config tmux
APT_COMMAND := apt-get update && apt-get install -y $(SYSTEM_PACKAGES)
RELEASE_BIN := .build/release/qrepl

.DEFAULT_GOAL := build
.PHONY: deps build demo test bench reproduce clean

# Installs the system libraries the package links against, when any is missing.
deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
		status="$$(dpkg -s "$$p" 2>/dev/null || true)"; \
		[[ "$$status" == *"Status: install ok installed"* ]] || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "missing system packages:$$missing"; \
	if [ "$$(id -u)" -eq 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		$(APT_COMMAND); \
	else \
		echo "run this as root, then try again:"; \
		echo "  sudo sh -c '$(APT_COMMAND)'"; \
		exit 1; \
	fi

build:
	swift build -c release

demo: deps
	swift build -c release
	$(RELEASE_BIN) examples/fvbm_bas.qml --quick

# The suite is XCTest only; the last line sums it up as "tests: N passed, N failed".
# It runs on an optimised build: the samplers' statistical tests draw tens of thousands of
# samples, which an unoptimised build makes a hundred times slower.
test: deps
	mkdir -p .build
	swift test -c release --disable-swift-testing 2>&1 | tee .build/test-output.txt
	@summary="$$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with .*[0-9]+ failures?" .build/test-output.txt | tail -1)"; \
	total="$$(echo "$$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')"; \
	failed="$$(echo "$$summary" | sed -E 's/.* ([0-9]+) failures? .*/\1/')"; \
	if [ -z "$$summary" ]; then echo "tests: no summary found"; exit 1; fi; \
	echo "tests: $$((total - failed)) passed, $$failed failed"; \
	[ "$$failed" -eq 0 ]

bench: deps
	bash benchmarks/interpreter/run.sh

reproduce: deps
	swift build -c release
	@mkdir -p docs/results; failed=""; \
	printf '# Results of make reproduce\n\nEach example run in full by `qrepl report`: its Markdown and HTML report, figures and run record (`record.json`).\n\n' > docs/results/README.md; \
	for f in examples/*.qml; do \
		[ -e "$$f" ] || continue; \
		name=$$(basename "$$f" .qml); \
		echo "== $$f -> docs/results/$$name"; \
		if $(RELEASE_BIN) report "$$f" -o "docs/results/$$name"; then \
			echo "- [$$name]($$name/$$name.md)" >> docs/results/README.md; \
		else \
			failed="$$failed $$f"; echo "- $$name: failed" >> docs/results/README.md; \
		fi; \
	done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

clean:
	swift package clean
