# Parallax — the two commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_PATH := .build-release
PARALLAX := $(RELEASE_PATH)/release/parallax
DEBIAN_PACKAGES := libxml2-dev libstemmer-dev zlib1g-dev pkg-config
SHARED ?= ../shared

.PHONY: demo test deps build release clean langid-model help bench-extract

help:
	@echo "make demo   - install what is missing, build in release, run Parallax on the demo corpus"
	@echo "make test   - build and run the whole test suite"
	@echo "make bench-extract - compare extraction with trafilatura on $(SHARED)/data/extraction/wcxb-dev"
	@echo "make langid-model - retrain the language identifier from $(SHARED)/data/langid-train"

## Install the Debian packages Parallax builds against, only those that are missing.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product parallax --scratch-path $(RELEASE_PATH)

## Build everything once (tests included), then run the tests without rebuilding.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	@bash Demo/run-demo.sh $(PARALLAX)

langid-model: release
	$(PARALLAX) language train --from $(SHARED)/data/langid-train --out Sources/ParallaxLanguage/Resources

## Parallax and trafilatura side by side on the WCXB dev set (pip installs trafilatura in Benchmarks/.venv).
bench-extract: release
	@bash Benchmarks/extraction/run.sh $(PARALLAX)

clean:
	rm -rf .build $(RELEASE_PATH)
