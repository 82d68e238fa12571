#!/bin/sh
# Runs the devserver load benchmark three times (see README.md). Usage: bench/devserver/run.sh [options]
set -e
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-java}
if [ ! -f bbb-devserver/target/bbb-devserver.jar ]; then
  ./mvnw -q -pl bbb-devserver install -DskipTests
fi
uptime
for i in 1 2 3; do
  "$JAVA" -cp bbb-devserver/target/bbb-devserver.jar bench/devserver/LoadBenchmark.java "$@" | grep -E 'setup|machine|result'
done
