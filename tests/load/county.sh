#!/bin/sh
# A county in a test (ctest `county`): Debian's nginx terminates TLS (a self-signed certificate made
# here) and balances two onewindow-backoffice instances on one PostgreSQL (tests/support/
# pg-cluster.sh, a cluster of its own); county_load plays the day through nginx while PostgreSQL is
# restarted once and one instance is killed (SIGKILL) and started again. county_load then checks
# that every acknowledged entry and scan is there exactly once, and prints the figures.
#
#   county.sh BACKOFFICE COUNTY_LOAD SOURCE_DIR
# Environment: OW_COUNTY_PG_RESTART=0 leaves PostgreSQL running (the instance is still killed);
# OW_COUNTY_WINDOWS, OW_COUNTY_STATIONS, OW_COUNTY_SECONDS, OW_COUNTY_CASE_MS size the day;
# OW_COUNTY_INSTANCES=1 measures one instance alone behind nginx (nothing killed).
set -eu

backoffice=$1
load=$2
src=$3
nginx=${OW_NGINX:-/usr/sbin/nginx}
[ -x "$nginx" ] || { echo "county: $nginx is missing (Debian package nginx; ./ow setup installs it)" >&2; exit 1; }
command -v openssl >/dev/null || { echo "county: openssl is missing" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ow-county.XXXXXX")
pids=""
nginx_pid=""
cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
    # nginx's master ends its workers on TERM (SIGKILL would leave them behind).
    if [ -n "$nginx_pid" ]; then
        kill -TERM "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    [ -f "$work/a.pid" ] && kill -9 "$(cat "$work/a.pid")" 2>/dev/null || true
    sh "$src/tests/support/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
    if [ "${OW_COUNTY_KEEP:-0}" = 1 ]; then echo "county: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PostgreSQL, the back office's schema and demo data (departments, catalogue, calendar).
sh "$src/tests/support/pg-cluster.sh" start "$work/pg"
db=$(cat "$work/pg/url")
data="$work/backoffice"
"$backoffice" admin seed-demo --db "$db" --data-dir "$data" >"$work/seed.log" 2>&1 \
    || { cat "$work/seed.log" >&2; exit 1; }

# Two instances on the same database and data folder (blobs, seal key).
port_a=$(free_port)
port_b=$(free_port)
start_instance() { # NAME PORT
    "$backoffice" --port "$2" --bind 127.0.0.1 --data-dir "$data" --db "$db" --max-connections 900 \
        --max-connections-per-address 900 >>"$work/$1.log" 2>&1 &
    echo $! >"$work/$1.pid"
    for _ in $(seq 100); do
        grep -q "^listening on 127.0.0.1:$2\$" "$work/$1.log" && return 0
        kill -0 "$(cat "$work/$1.pid")" 2>/dev/null || { cat "$work/$1.log" >&2; return 1; }
        sleep 0.1
    done
    echo "county: instance $1 did not start" >&2
    return 1
}
instances=${OW_COUNTY_INSTANCES:-2}
start_instance a "$port_a"
upstreams="server 127.0.0.1:$port_a max_fails=1 fail_timeout=2s;"
if [ "$instances" != 1 ]; then
    start_instance b "$port_b"
    pids="$pids $(cat "$work/b.pid")"
    upstreams="$upstreams server 127.0.0.1:$port_b max_fails=1 fail_timeout=2s;"
fi

# TLS at nginx: a self-signed certificate for 127.0.0.1, trusted by county_load.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1
port_tls=$(free_port)
mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 2048; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    upstream backoffice {
        $upstreams
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$port_tls ssl;
        ssl_certificate $work/tls.crt;
        ssl_certificate_key $work/tls.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        client_max_body_size 64m;
        location / {
            proxy_pass http://backoffice;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_request_buffering off;
            proxy_buffering off;
            proxy_connect_timeout 2s;
            proxy_read_timeout 90s;
            proxy_send_timeout 30s;
            proxy_next_upstream error timeout;
        }
    }
}
CONF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" >"$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
for _ in $(seq 50); do
    curl -sk "https://127.0.0.1:$port_tls/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sfk "https://127.0.0.1:$port_tls/health" >/dev/null || { cat "$work/nginx/error.log" >&2; exit 1; }
echo "county: nginx https://127.0.0.1:$port_tls → $instances instance(s); PostgreSQL $db"

# The day, with its faults: PostgreSQL restarted once, instance a killed and started again.
seconds=${OW_COUNTY_SECONDS:-30}
"$load" --url "https://127.0.0.1:$port_tls" --ca "$work/tls.crt" --backoffice "$backoffice" --db "$db" \
    --data-dir "$data" --work "$work/windows" --windows "${OW_COUNTY_WINDOWS:-6}" \
    --stations "${OW_COUNTY_STATIONS:-2}" --seconds "$seconds" --case-ms "${OW_COUNTY_CASE_MS:-500}" \
    --ready-file "$work/ready" &
load_pid=$!
pids="$pids $load_pid"
for _ in $(seq 600); do
    [ -f "$work/ready" ] && break
    kill -0 "$load_pid" 2>/dev/null || break
    sleep 0.1
done
sleep $((seconds / 4))
if [ "${OW_COUNTY_PG_RESTART:-1}" != 0 ]; then
    echo "county: restarting PostgreSQL"
    sh "$src/tests/support/pg-cluster.sh" restart "$work/pg"
fi
sleep $((seconds / 4))
if [ "$instances" != 1 ]; then
    echo "county: killing instance a (SIGKILL)"
    kill -9 "$(cat "$work/a.pid")"
    sleep 2
    start_instance a "$port_a"
    echo "county: instance a serves again"
fi
status=0
wait "$load_pid" || status=$?
if [ "$status" != 0 ]; then
    echo "county: --- instance a ---" >&2; tail -n 20 "$work/a.log" >&2 || true
    echo "county: --- instance b ---" >&2; tail -n 20 "$work/b.log" >&2 || true
    echo "county: --- nginx ---" >&2; tail -n 20 "$work/nginx/error.log" >&2 || true
fi
exit "$status"
