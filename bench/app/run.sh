#!/usr/bin/env bash
# Builds the app from the committed HEAD (a `git archive` copy under /tmp, so uncommitted work in the shared tree is
# not measured and its target/ is not touched), then runs VideoconferenceBench.java. Extra arguments go to the
# benchmark (see README.md). BENCH_COMMIT=<rev> measures another commit than HEAD. Output is also written to /tmp/aula-bench-result.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
COMMIT=$(git rev-parse "${BENCH_COMMIT:-HEAD}")
SRC=/tmp/aula-bench-src-${COMMIT:0:12}
if [ ! -f "$SRC/app/target/aula.jar" ]; then
  rm -rf "$SRC" && mkdir -p "$SRC"
  git archive "$COMMIT" | tar -x -C "$SRC"
  (cd "$SRC" && ./mvnw -q -pl app -am package -DskipTests)
fi
BENCH_COMMIT_MEASURED=$(git rev-parse --short=12 "$COMMIT") "$JAVA" -Djdk.httpclient.keepalive.timeout=15 bench/app/VideoconferenceBench.java \
  --jar "$SRC/app/target/aula.jar" --app-java "$JAVA" "$@" 2>&1 | tee /tmp/aula-bench-result.txt
exit "${PIPESTATUS[0]}"
