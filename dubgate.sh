#!/usr/bin/env bash
# dubgate's two commands (see README.md):
#   ./dubgate.sh start   build, then run the server with the app on the embedded defaults
#   ./dubgate.sh test    run every test: unit, integration on WildFly (H2), and again on PostgreSQL
# and: ./dubgate.sh stop (a server started elsewhere), ./dubgate.sh start --postgresql,
#      ./dubgate.sh start --node (one node of several: bin/node), ./dubgate.sh start --cluster [N] (bin/cluster)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

wildfly_version=39.0.1.Final
data=${DUBGATE_HOME:-$root/var}

start() {
  local profile=() server=ear/target/server
  case "${1:-}" in
    --postgresql) profile=(-Ppostgresql); server=ear/target/server-postgresql ;;
    # several nodes run the PostgreSQL build with a remote broker: see bin/node and bin/cluster
    --node|--cluster) bin/setup-system; mvn -B -q -DskipTests -Ppostgresql install
      if [[ "$1" == --node ]]; then exec bin/node; else shift; exec bin/cluster "$@"; fi ;;
    "") ;;
    *) echo "usage: ./dubgate.sh start [--postgresql | --node | --cluster [N]]" >&2; exit 2 ;;
  esac
  bin/setup-system
  mvn -B -q -DskipTests "${profile[@]}" install
  local home=$server/wildfly-$wildfly_version
  # The server runs from its own base folder under $data: fresh configuration from the build, the
  # EAR in its deployments folder, and data and logs that survive `mvn clean`.
  local base=$data/server
  rm -rf "$base/configuration"
  mkdir -p "$base/deployments"
  cp -r "$home/standalone/configuration" "$base/"
  cp ear/target/dubgate.ear "$base/deployments/"
  local db=()
  [[ -n "${DUBGATE_DB_URL:-}" ]] && db+=("-Ddubgate.db.url=$DUBGATE_DB_URL")
  [[ -n "${DUBGATE_DB_USER:-}" ]] && db+=("-Ddubgate.db.user=$DUBGATE_DB_USER")
  [[ -n "${DUBGATE_DB_PASSWORD:-}" ]] && db+=("-Ddubgate.db.password=$DUBGATE_DB_PASSWORD")
  echo "dubgate: starting WildFly on http://${DUBGATE_BIND:-127.0.0.1}:8080 (data in $base/data; Ctrl+C stops it)"
  exec "$home/bin/standalone.sh" --read-only-server-config=standalone-full.xml \
    -b "${DUBGATE_BIND:-127.0.0.1}" -Djboss.server.base.dir="$base" "${db[@]}" \
    -Ddubgate.workers="${DUBGATE_WORKERS:-$(nproc)}"
}

# After a failed run: which tests failed and why, last, where a CI log's tail shows it.
failed_tests() {
  local report
  for report in $(grep -l -E '<<< (FAILURE|ERROR)!' */target/surefire-reports/*.txt */target/failsafe-reports*/*.txt \
      2>/dev/null); do
    echo "dubgate: FAILED in $report:"
    grep -A 12 -E '<<< (FAILURE|ERROR)!' "$report" | cut -c1-400
  done
}

run_tests() {
  bin/setup-system --test
  mvn -B verify || { failed_tests; exit 1; }
  # the same integration suite on PostgreSQL, through the documented switch (postgresql.cli)
  bin/with-postgresql bash -c 'mvn -B verify -Ppostgresql -DskipUTs=true \
    -Ddubgate.db.url="$DUBGATE_DB_URL" -Ddubgate.db.user="$DUBGATE_DB_USER" -Ddubgate.db.password="$DUBGATE_DB_PASSWORD"' \
    || { failed_tests; exit 1; }
}

stop() {
  local home=ear/target/server/wildfly-$wildfly_version
  "$home/bin/jboss-cli.sh" --connect --command=:shutdown
}

case "${1:-}" in
  start) shift; start "$@" ;;
  test) run_tests ;;
  stop) stop ;;
  *) echo "usage: ./dubgate.sh start [--postgresql | --node | --cluster [N]] | test | stop" >&2; exit 2 ;;
esac
