#!/usr/bin/env bash
# Runs the recordings benchmark (app/src/test/java/org/aula/recording/RecordingBench.java) on the committed HEAD:
# a `git archive` copy under /tmp, so uncommitted work in a shared tree is neither measured nor disturbed and the
# shared target/ directories are not touched. Extra -D options go to Maven (see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
COMMIT=$(git rev-parse "${BENCH_COMMIT:-HEAD}")
SRC=/tmp/aula-recbench-${COMMIT:0:12}
rm -rf "$SRC" && mkdir -p "$SRC"
git archive "$COMMIT" | tar -x -C "$SRC"
cd "$SRC"
# -am builds bbb-client and bbb-devserver of the same commit; -Dtest selects the benchmark only (their tests do not match).
./mvnw -q -pl app -am verify -Dtest=RecordingBench -Dsurefire.failIfNoSpecifiedTests=false -Daula.bench=true -Daula.recording.reconcile-initial-delay=24h -Daula.recording.retention-initial-delay=24h "$@" || status=$?
echo "commit ${COMMIT:0:12}"
grep -h '^BENCH' app/target/surefire-reports/org.aula.recording.RecordingBench-output.txt | tee /tmp/aula-recbench-result.txt
exit "${status:-0}"
