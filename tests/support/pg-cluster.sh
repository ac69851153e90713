#!/bin/sh
# A throwaway PostgreSQL cluster for the `pg` tests (ctest fixtures pg_cluster_start/_stop).
#
#   pg-cluster.sh start STATE_DIR   initdb into a new temp folder, start it on 127.0.0.1 and a
#                                   free port (socket in that folder, trust auth on loopback only),
#                                   write STATE_DIR/url (postgresql://USER@127.0.0.1:PORT/postgres)
#                                   and STATE_DIR/cluster (the temp folder)
#   pg-cluster.sh restart STATE_DIR pg_ctl restart (fast) with the same options (tests/load/county.sh)
#   pg-cluster.sh stop STATE_DIR    pg_ctl stop (fast, then immediate) and remove the temp folder;
#                                   succeeds when there is nothing to stop
#   pg-cluster.sh down STATE_DIR    stop the server only (fast shutdown), keeping the cluster
#   pg-cluster.sh up STATE_DIR      start it again on the same port (tests of a database restart)
#
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user of the Debian
# package (or `owtest`, created with useradd when there is neither); otherwise as yourself.
set -eu

cmd=${1:-}
state=${2:-}
[ -n "$cmd" ] && [ -n "$state" ] || { echo "usage: $0 start|restart|stop STATE_DIR" >&2; exit 2; }

bindir=${OW_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && bindir=$d
    done
fi
[ -n "$bindir" ] && [ -x "$bindir/pg_ctl" ] || {
    echo "pg-cluster: PostgreSQL is not installed (Debian package postgresql; ./ow setup installs it)" >&2
    exit 1
}

runas=""
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then
        runas=postgres
    else
        id owtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin owtest
        runas=owtest
    fi
fi

# Runs a command as the cluster's user (no login shell, no environment from root's).
as_user() {
    if [ -n "$runas" ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u "$runas" -- "$@"
        else
            su -s /bin/sh "$runas" -c "$(printf '%s ' "$@")"
        fi
    else
        "$@"
    fi
}

stop() {
    [ -f "$state/cluster" ] || return 0
    dir=$(cat "$state/cluster")
    if [ -d "$dir/data" ]; then
        as_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 \
            || as_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
        */ow-pg.*) rm -rf "$dir" ;;
    esac
    rm -f "$state/cluster" "$state/url"
}

# OW_PG_DURABLE=1 (benchmarks): fsync and synchronous commit on, as in production.
server_options() {
    if [ "${OW_PG_DURABLE:-}" = 1 ]; then
        durability=""
    else
        durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    echo "-c listen_addresses=127.0.0.1 -p $1 -k $2 -c hba_file=$2/hba.conf $durability -c max_connections=200"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$cmd" in
start)
    mkdir -p "$state"
    stop # a cluster left by an interrupted run
    dir=$(mktemp -d "${TMPDIR:-/tmp}/ow-pg.XXXXXX")
    echo "$dir" >"$state/cluster"
    chmod 0755 "$dir"
    [ -n "$runas" ] && chown "$runas" "$dir"
    user=$(as_user id -un)
    if ! as_user "$bindir/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        stop
        exit 1
    fi
    # Loopback only, trust only there (the temp cluster holds nothing but test data).
    cat >"$dir/hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
    [ -n "$runas" ] && chown "$runas" "$dir/hba.conf"
    started=""
    for attempt in 1 2 3; do
        port=$(free_port)
        if as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "$(server_options "$port" "$dir")" \
            start >/dev/null 2>&1; then
            started=yes
            break
        fi
    done
    if [ -z "$started" ]; then
        cat "$dir/server.log" >&2 || true
        stop
        exit 1
    fi
    printf 'postgresql://%s@127.0.0.1:%s/postgres\n' "$user" "$port" >"$state/url"
    echo "pg-cluster: $(cat "$state/url") in $dir"
    ;;
restart)
    # The same cluster stopped (fast: sessions cut) and started again with its options, as an
    # operator restarts the database under a running back office.
    dir=$(cat "$state/cluster")
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 restart >/dev/null
    echo "pg-cluster: restarted"
    ;;
stop)
    stop
    echo "pg-cluster: stopped"
    ;;
down)
    dir=$(cat "$state/cluster")
    as_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    ;;
up)
    dir=$(cat "$state/cluster")
    port=$(sed -e 's/.*:\([0-9]*\)\/.*/\1/' "$state/url")
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(server_options "$port" "$dir")" \
        start >/dev/null
    ;;
*)
    echo "usage: $0 start|restart|stop|down|up STATE_DIR" >&2
    exit 2
    ;;
esac
