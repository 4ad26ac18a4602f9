# Basalt's build entry points. Everything goes through the Maven wrapper (./mvnw), so a JDK (17+) and
# make are all a machine needs. `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# JDK=/path/to/jdk runs Maven, the launcher and benchmarks on that JDK (e.g. `make test JDK=/opt/jdk-25`).
# Setting JAVA_HOME in the environment works as well.
ifdef JDK
export JAVA_HOME := $(JDK)
endif
JAVA := $(if $(JAVA_HOME),$(JAVA_HOME)/bin/java,java)

MVN       := ./mvnw
MVN_FLAGS := -B --no-transfer-progress
DATA      ?= ./basalt-data
# Extra arguments for run/server/tpch/bench-storage, e.g. `make tpch ARGS="--help"`.
ARGS      ?=

BASALT_JAR  := distribution/target/basalt.jar
JDBC_JAR    := jdbc-driver/target/basalt-jdbc.jar
MODULES     := parser storage execution optimizer jdbc-driver server shell tpch distribution
# What dist/basalt.jar is built from, so that `make run` rebuilds only when something changed.
SOURCES     := pom.xml $(wildcard $(addsuffix /pom.xml,$(MODULES))) \
               $(shell find $(addsuffix /src/main,$(MODULES)) -type f 2>/dev/null)

# TPC-H: .tbl files go to $(TPCH_DIR)/sfSF (kept and reused), databases beside them (made anew on each run,
# so that the bytes on disk are those of one load); both databases get $(THREADS) threads.
TPCH_DIR  ?= tpch-data
THREADS   ?= $(shell nproc 2>/dev/null || echo 2)
RUNS      ?= 3
PEER_DIR  := tpch/target/peer

# The benchmark gets its own JVM (exec:exec), so its flags are its own and not Maven's.
BENCH_JAVA_OPTS ?= -Xms2g -Xmx8g --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED

# One Maven run builds both jars; the Makefile only copies them to dist/.
define package
	$(MVN) $(MVN_FLAGS) -DskipTests package
	@mkdir -p dist
	cp $(BASALT_JAR) dist/basalt.jar
	cp $(JDBC_JAR) dist/basalt-jdbc.jar
	@echo "Built dist/basalt.jar and dist/basalt-jdbc.jar; run bin/basalt help"
endef

.PHONY: help build test test-jdk slt run server tpch tpch-compare tpch-peer bench-storage load-test bench-fetch clean

help: ## Show this help
	@echo "Basalt: a columnar analytical SQL database. Targets:"
	@grep -E '^[a-z][a-z0-9-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'
	@echo "Variables: SF=<scale factor>, DATA=<data dir> (default ./basalt-data), ARGS=<extra arguments>,"
	@echo "           JDK=<path to a JDK> (or JAVA_HOME), BASALT_JAVA_OPTS=<JVM options for bin/basalt>,"
	@echo "           TPCH_DIR=<TPC-H data and databases> (default tpch-data), RUNS=<hot runs> (default 3),"
	@echo "           THREADS=<threads for each database in tpch-compare> (default: the cores)"

build: ## Build dist/basalt.jar, dist/basalt-jdbc.jar (tests are compiled, not run: see `make test`)
	$(package)

# Builds only when a source or pom is newer than the jar (used by run, server and tpch).
# (dist/basalt-jdbc.jar is built by the same recipe.)
dist/basalt.jar: $(SOURCES)
	$(package)

test: ## Run every test of every module (fails on any failure; needs no `make build`)
	$(MVN) $(MVN_FLAGS) --fail-at-end test

test-jdk: ## Run the tests on another JDK: make test-jdk JDK=/path/to/jdk-25
	@if [ -z "$(JDK)" ]; then echo "usage: make test-jdk JDK=/path/to/jdk (the release stays Java 17)" >&2; exit 2; fi
	"$(JDK)/bin/java" -version
	$(MVN) $(MVN_FLAGS) --fail-at-end test

# SQLite's sqllogictest corpus beyond what `make test` runs (select1-5, evidence/): SLT_DIRS under the corpus's
# test/ (directories or .test files), the first SLT_FILES files of each folder and the first SLT_QUERIES queries of each file (0 = all),
# SLT_TIMEOUT seconds per statement or query. Prints the pass rate per directory (server/target/sqlite-corpus-survey.txt).
SLT_DIRS    ?= index,random
SLT_FILES   ?= 1
SLT_QUERIES ?= 300
SLT_TIMEOUT ?= 10
slt: ## SQLite sqllogictest corpus index/ and random/, sampled (SLT_FILES, SLT_QUERIES; 0 = all): pass rates
	$(MVN) $(MVN_FLAGS) -pl server -am test -Dtest=SqliteCorpusSurveyTest -Dsurefire.failIfNoSpecifiedTests=false \
	    -Dbasalt.slt.directories=$(SLT_DIRS) -Dbasalt.slt.filesPerDirectory=$(SLT_FILES) \
	    -Dbasalt.slt.queriesPerFile=$(SLT_QUERIES) -Dbasalt.slt.timeoutSeconds=$(SLT_TIMEOUT)
	@cat server/target/sqlite-corpus-survey.txt

run: dist/basalt.jar ## Build if needed, then start the SQL shell on ./basalt-data
	bin/basalt shell --data $(DATA) $(ARGS)

server: dist/basalt.jar ## Build if needed, then start the server on ./basalt-data
	bin/basalt server --data $(DATA) $(ARGS)

tpch: SF ?= 0.01
tpch: dist/basalt.jar ## TPC-H on Basalt: generate, load, run, check answers: make tpch SF=1 (default 0.01)
	rm -rf $(TPCH_DIR)/basalt-sf$(SF)
	bin/basalt tpch --sf $(SF) --data $(TPCH_DIR)/sf$(SF) --url jdbc:basalt:file:$(TPCH_DIR)/basalt-sf$(SF) \
	    --runs $(RUNS) --json $(TPCH_DIR)/basalt-sf$(SF).json $(ARGS)

# DuckDB's driver is fetched into tpch/target/peer by Maven and loaded by the harness from there: it is never
# part of basalt.jar. Maven fetches it once (online) and finds it in the local repository afterwards.
tpch-peer: ## Fetch the peer database's JDBC driver (DuckDB) into tpch/target/peer
	$(MVN) $(MVN_FLAGS) -q -pl tpch dependency:copy@peer-drivers

tpch-compare: SF ?= 1
tpch-compare: dist/basalt.jar tpch-peer ## TPC-H on Basalt beside DuckDB, query by query: make tpch-compare SF=1
	rm -rf $(TPCH_DIR)/basalt-sf$(SF) $(TPCH_DIR)/duckdb-sf$(SF).db $(TPCH_DIR)/duckdb-sf$(SF).db.wal
	bin/basalt tpch --sf $(SF) --data $(TPCH_DIR)/sf$(SF) --url jdbc:basalt:file:$(TPCH_DIR)/basalt-sf$(SF) \
	    --compare jdbc:duckdb:$(TPCH_DIR)/duckdb-sf$(SF).db --drivers $(PEER_DIR) --threads $(THREADS) --runs $(RUNS) --warm-up \
	    --json $(TPCH_DIR)/compare-sf$(SF).json --chart $(TPCH_DIR)/compare-sf$(SF).svg $(ARGS)

bench-storage: SF ?= 1
bench-storage: ## Storage load benchmark (storage's test classes): make bench-storage SF=1
	$(MVN) $(MVN_FLAGS) -pl storage test-compile exec:exec \
	    -Dexec.executable="$(JAVA)" \
	    -Dexec.classpathScope=test \
	    -Dexec.workingdir="$(CURDIR)" \
	    -Dexec.args="$(BENCH_JAVA_OPTS) -classpath %classpath io.basalt.storage.bench.StorageLoadBenchmark --sf $(SF) $(ARGS)"

# Concurrency: a server process on TPC-H data, CLIENTS JDBC clients for DURATION seconds (tpch/load-test.sh).
load-test: SF ?= 0.01
load-test: CLIENTS ?= 32
load-test: DURATION ?= 180
load-test: dist/basalt.jar ## Load test: CLIENTS (32) clients, DURATION s (180), TPC-H SF (0.01) + INSERTs, over TCP
	tpch/load-test.sh $(SF) $(CLIENTS) $(DURATION) $(TPCH_DIR)

# The fetch benchmark is one of server's test classes; Maven writes its class path, java runs it.
bench-fetch: ROWS ?= 10000000
bench-fetch: ## JDBC fetch speed, embedded and over loopback: make bench-fetch ROWS=10000000
	$(MVN) $(MVN_FLAGS) -q -pl server -am test-compile dependency:build-classpath \
	    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
	"$(JAVA)" $(BENCH_JAVA_OPTS) -cp server/target/test-classes:server/target/classes:$$(cat server/target/bench-classpath.txt) \
	    io.basalt.server.bench.FetchBenchmark $(ROWS) $(ARGS)

clean: ## Remove all build output (every module's target/ and dist/)
	$(MVN) $(MVN_FLAGS) -q clean
	rm -rf dist
