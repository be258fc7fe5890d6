# The front door. `make run` and `make test` do all the set-up on a fresh Debian machine.
SHELL := /bin/bash
NATIVE := build/native
WASM := build/wasm
SANITIZE := build/sanitize
FUZZ := build/fuzz
FUZZ_SECONDS ?= 300
JOBS ?= $(shell nproc)
# Debian's emcc runs on /usr/bin/node, which does not search Debian's own node modules (acorn).
export NODE_PATH := /usr/share/nodejs

.PHONY: all bootstrap native web dist sanitize fuzz-build run test bench fuzz clean

all: native web dist

bootstrap:
	@scripts/bootstrap

# Warnings are errors here (FIDUCIA_WERROR, CMakeLists.txt): make test builds this first.
native: bootstrap
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release -DFIDUCIA_WERROR=ON >/dev/null
	@cmake --build $(NATIVE) -j $(JOBS)

# The page (build/web/index.html + .js + .wasm) and the node CLI (build/web/fiducia-cli.js).
web: bootstrap
	@emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(WASM) -j $(JOBS) --target app fiducia unit_tests

# dist/fiducia.html: one self-contained file that opens from file://, offline.
dist: web
	@cmake --build $(WASM) -j $(JOBS) --target app_single
	@echo "dist/fiducia.html: $$(du -k dist/fiducia.html | cut -f1) KB"

# The unit and panel tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize: bootstrap
	@cmake -S . -B $(SANITIZE) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIDUCIA_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE) -j $(JOBS) --target unit_tests ui_tests

fuzz-build: bootstrap
	@CXX=clang++ cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIDUCIA_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ) -j $(JOBS)

# Every libFuzzer target (tests/fuzz) for FUZZ_SECONDS in all (make fuzz FUZZ_SECONDS=3600), then the
# share-link decoder, which is JavaScript, under node with FUZZ_LINKS random and mutated links.
FUZZ_LINKS ?= 200000
fuzz: fuzz-build
	@scripts/fuzz $(FUZZ_SECONDS)
	@FUZZ_LINKS=$(FUZZ_LINKS) node --test tests/e2e/fuzz-share-link.test.mjs

run: web
	@node scripts/serve.mjs build/web

test: native web dist sanitize fuzz-build
	@scripts/test

bench: native web dist
	@cmake --build $(WASM) -j $(JOBS) --target bench_core
	@scripts/bench

clean:
	rm -rf build dist
