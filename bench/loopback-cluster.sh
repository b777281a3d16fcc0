#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1, from Spark's own Maven jars: one Master and two Workers, each Worker
# launching its executors in their own JVMs. Used to try the Spark engine as a cluster runs it (docs/ENGINES.md).
#   bench/loopback-cluster.sh start [SPARK_HOME]   # Master on spark://127.0.0.1:7077, UI on :8080
#   bench/loopback-cluster.sh stop
# SPARK_HOME (default target/spark-home) is made from the provided-scope class path: Spark needs $SPARK_HOME/jars
# to launch executors, and SPARK_SCALA_VERSION=2.13 (else "Cannot find any build directories").
set -euo pipefail
cd "$(dirname "$0")/.."
home=${2:-target/spark-home}
run=target/loopback-cluster
case "${1:-}" in
  start)
    [ -f target/starnet.jar ] || ./mvnw -B -q -DskipTests package
    if [ ! -d "$home/jars" ]; then
      ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath >/dev/null
      mkdir -p "$home/jars"
      tr ':' '\n' < target/spark.classpath | grep -v -e javafx -e testfx -e monocle | xargs -I{} cp -n {} "$home/jars/"
    fi
    mkdir -p "$run"
    export SPARK_HOME=$(cd "$home" && pwd) SPARK_SCALA_VERSION=2.13
    opens=$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)
    # shellcheck disable=SC2086
    nohup java $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8080 \
      > "$run/master.log" 2>&1 & echo $! > "$run/master.pid"
    for i in 1 2; do
      sleep 2
      # shellcheck disable=SC2086
      nohup java $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --cores 1 --memory 2g \
        --host 127.0.0.1 --webui-port $((8080 + i)) --work-dir "$run/worker$i" > "$run/worker$i.log" 2>&1 & echo $! > "$run/worker$i.pid"
    done
    for _ in $(seq 30); do
      [ "$(grep -c 'Successfully registered with master' "$run"/worker*.log 2>/dev/null | awk -F: '{s+=$2} END {print s}')" = 2 ] && { echo "cluster up: spark://127.0.0.1:7077"; exit 0; }
      sleep 1
    done
    echo "the workers did not register; see $run/*.log" >&2; exit 1 ;;
  stop)
    for p in "$run"/*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true; rm -f "$p"; done
    pkill -f CoarseGrainedExecutorBackend 2>/dev/null || true
    echo "cluster stopped" ;;
  *) echo "usage: $0 start|stop [SPARK_HOME]" >&2; exit 2 ;;
esac
