# The two promises of the README, plus the developer's extras.
#   make demo   set up, build, ingest the bundled sample briefings and serve the page
#   make test   set up, build, run every test
# Extras: make build, make test-sanitize (ASan+UBSan), make fuzz, make bench,
# make bench-serve (wrk against lectern serve).

BUILD ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
DEMO_INDEX ?= $(BUILD)/demo-index

.PHONY: setup build demo test test-sanitize fuzz bench bench-serve bench-analysis bench-talking-points format clean

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@$(BUILD)/lectern ingest --quiet --index $(DEMO_INDEX) samples/
	@$(BUILD)/lectern stats --index $(DEMO_INDEX) | sed -n '2,5p'
	@$(BUILD)/lectern serve --index $(DEMO_INDEX) --port $(PORT)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: setup
	@cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLECTERN_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS)

fuzz:
	@scripts/setup.sh fuzz
	@scripts/fuzz.sh $(or $(SECONDS_PER_TARGET),60)

bench:
	@scripts/setup.sh bench
	@cmake -S . -B $(BUILD)-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BENCH=ON -DLECTERN_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)-bench -j $(JOBS)
	@$(BUILD)-bench/bench/parse_bench
	@$(BUILD)-bench/bench/index_bench

bench-serve: build
	@scripts/setup.sh bench
	@bench/serve_load.sh $(BUILD)/lectern

# Trend and KWIC against ripgrep on the shared corpus x10 (a few minutes).
bench-analysis:
	@scripts/setup.sh bench
	@cmake -S . -B $(BUILD)-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BENCH=ON -DLECTERN_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)-bench -j $(JOBS) --target analysis_bench
	@$(BUILD)-bench/bench/analysis_bench

# The talking-point analysis against the index build and an all-pairs baseline
# (bench/talking_points_bench.cc), shared corpus 1x and 10x.
bench-talking-points:
	@scripts/setup.sh bench
	@cmake -S . -B $(BUILD)-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLECTERN_BENCH=ON -DLECTERN_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)-bench -j $(JOBS) --target talking_points_bench
	@$(BUILD)-bench/bench/talking_points_bench

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-bench $(BUILD)-fuzz
