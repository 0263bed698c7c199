# sctpx — everything from a fresh clone is one command:
#
#   make test    build, then run every test suite against real kernel SCTP (tests/vm/run boots a
#                VM where this kernel has none) and end with one "N passed, N failed" line
#   make demo    build, then run examples-c/demo.sh against real kernel SCTP
#   make deps    install the Debian packages the build and the harness need (root)
#
# Sections: configuration, build steps (one per language, each adding itself to BUILD_STEPS),
# build, tests, demo, dependencies, cleaning.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.DELETE_ON_ERROR:

# --- configuration ----------------------------------------------------------------------------

CARGO ?= cargo
CC ?= cc
PYTHON ?= python3
# Where built test programs go; tests/run-all looks here (rust-tests.txt, c-tests/, go-tests/).
# (Recipes mkdir what they write into: a rule for the directory would clash with `make build`.)
BUILD := build
C_WARNINGS := -Wall -Wextra -Wpedantic -Werror
CFLAGS ?= -O2 -g

# The interpreter itself, not pyenv's shim: under emulation each shim start costs seconds.
export SCTPX_PYTHON := $(shell $(PYTHON) -c 'import sys; print(sys.executable)' 2>/dev/null)

# Build steps, each section adds its own; `make build` runs them all.
BUILD_STEPS :=

# --- Rust: the library and its test executables -------------------------------------------------

BUILD_STEPS += rust
.PHONY: rust
# The test executables' paths come from cargo's JSON messages: the `executable` of every artifact
# built with the test profile. tests/run-all runs each one.
rust:
	mkdir -p $(BUILD)
	$(CARGO) build --release
	$(CARGO) test --release --no-run --message-format=json-render-diagnostics \
	  | grep '"reason":"compiler-artifact"' \
	  | grep -E '"profile":\{[^}]*"test":true' \
	  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' >$(BUILD)/rust-tests.txt.tmp
	mv $(BUILD)/rust-tests.txt.tmp $(BUILD)/rust-tests.txt

# --- C: examples (tests go to $(BUILD)/c-tests/, one executable each) ---------------------------

BUILD_STEPS += c-examples
.PHONY: c-examples
c-examples: $(BUILD)/examples/raw_demo

# Kernel socket API only (<linux/sctp.h>), no library: the demo until sctpx examples replace it.
$(BUILD)/examples/raw_demo: examples-c/raw_demo.c
	mkdir -p $(@D)
	$(CC) -std=c11 $(CFLAGS) $(C_WARNINGS) -o $@ $<

# --- Go: test binaries go to $(BUILD)/go-tests/NAME.test (go test -c) -------------------------

# bindings/go (its own Go module) links libsctpx through `#cgo pkg-config: sctpx`. The in-tree
# sctpx.pc below points at include/ and target/release, with an rpath so the test binaries run
# in the VM without LD_LIBRARY_PATH; it lives in $(BUILD)/pkgconfig so it never competes with the
# installable sctpx.pc of `make install`. Steps: go vet, then the test binary sctpx.test and its
# -race twin sctpx-race.test (tests/run-all runs both). Go 1.19 (Debian 12's golang-go) or newer;
# where `go` is missing, tests/vm/deps installs golang-go (root) or says what to install.
GO ?= go
GO_DIR := bindings/go
GO_PC := $(BUILD)/pkgconfig/sctpx.pc
GO_ENV := PKG_CONFIG_PATH=$(abspath $(BUILD)/pkgconfig) CGO_ENABLED=1

BUILD_STEPS += go
.PHONY: go
go: rust
	command -v $(GO) >/dev/null || tests/vm/deps golang-go
	mkdir -p $(BUILD)/pkgconfig $(BUILD)/go-tests
	printf '%s\n' 'Name: sctpx' 'Description: SCTP binding layer (in-tree build)' \
	  "Version: $$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)" \
	  'Cflags: -I$(abspath include)' \
	  'Libs: -L$(abspath target/release) -Wl,-rpath,$(abspath target/release) -lsctpx' >$(GO_PC)
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -c -o $(abspath $(BUILD))/go-tests/sctpx.test .
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -race -c -o $(abspath $(BUILD))/go-tests/sctpx-race.test .

# --- Python: bindings/python/tests runs in place with pytest -----------------------------------

# --- build --------------------------------------------------------------------------------------

.PHONY: build
build: $(BUILD_STEPS)

# --- tests --------------------------------------------------------------------------------------

.PHONY: test vm-selftest
# First the harness's own host-side test (it boots its own VM; its TAP goes into the main
# summary), then every suite in one VM boot. `|| true`: a failure there is already in the TAP
# file, and a missing file counts as a failure in tests/run-all.
test: build
	mkdir -p $(BUILD)
	tests/vm/selftest-host --tap $(BUILD)/vm-selftest.tap || true
	SCTPX_HOST_SELFTEST_TAP=$(abspath $(BUILD))/vm-selftest.tap tests/vm/run tests/run-all

# The harness alone: a failing command's status comes back unchanged, a timeout is an error.
vm-selftest:
	tests/vm/selftest-host

# --- demo ---------------------------------------------------------------------------------------

.PHONY: demo
demo: build
	tests/vm/run examples-c/demo.sh

# --- dependencies -------------------------------------------------------------------------------

.PHONY: deps
deps:
	tests/vm/deps

# --- cleaning -----------------------------------------------------------------------------------

.PHONY: clean distclean
clean:
	rm -rf $(BUILD)
	$(CARGO) clean

# Also the cached VM kernel (downloaded again on the next run).
distclean: clean
	rm -rf tests/vm/.cache
