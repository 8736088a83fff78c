#!/usr/bin/env bash
# Gateway benchmark (not a test): the same GET endpoints measured three ways in one run —
# directly on reporting-service, through the gateway (JWT validated there and again in the
# service), and through nginx proxying the service (nginx itself checks nothing) — at saturation
# (wrk) and at a fixed rate (hey). Prints requests/s, p50, p99 and the gateway's CPU per request.
#
# Needs the platform running (./run-local in another terminal), started with the gateway's rate
# limits raised so that the load generator is not refused (the limits are per user, 50/s by default):
#   ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_CAPACITY=100000000 ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_REFILLTOKENS=100000000 \
#   ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_CAPACITY=100000000 ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_REFILLTOKENS=100000000 ./run-local Installs nginx, wrk and hey from
# Debian if they are missing. Results go to docs/benchmarks.md by hand, with the machine.
#
#   bench/gateway-benchmark.sh            # DURATION=20s CONNECTIONS=32 RATE=500
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
RATE=${RATE:-500}
SERVICE_PORT=8084
GATEWAY_PORT=8080
NGINX_PORT=18090
KEYCLOAK=http://localhost:8180/realms/zhaoshang/protocol/openid-connect/token

for tool in nginx wrk hey; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx wrk hey >/dev/null; break; }
done
[[ -f .run-local/secrets.properties ]] || { echo "Start the platform first: ./run-local" >&2; exit 1; }
PASSWORD=$(sed -n 's/^DEMO_PASSWORD=//p' .run-local/secrets.properties)
GATEWAY_PID=$(ss -ltnpH "sport = :$GATEWAY_PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1)
[[ -n "$GATEWAY_PID" ]] || { echo "No gateway on port $GATEWAY_PORT: start the platform with ./run-local" >&2; exit 1; }

token() {
  curl -s -d client_id=zhaoshang-cli -d grant_type=password -d username=gg-officer \
    --data-urlencode "password=$PASSWORD" "$KEYCLOAK" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

NGINX_DIR=$(mktemp -d)
cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream service { server 127.0.0.1:$SERVICE_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://service; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf"
trap 'nginx -c "$NGINX_DIR/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$NGINX_DIR"' EXIT

# wrk prints latencies as 812.00us, 1.23ms or 1.01s; convert to milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n=n/1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n=n*1000; printf "%.3f", n }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$GATEWAY_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

printf '%-9s %-8s | %12s %9s %9s | %13s %12s %12s | %s\n' endpoint via "sat req/s" "p50 ms" "p99 ms" "@${RATE}/s req/s" "p50 ms" "p99 ms" "gateway CPU/req"
declare -A RPS
for endpoint in trivial database; do
  case $endpoint in
    trivial) path='/api/reports/time-progress?month=2026-10' ;;
    database) path='/api/reports/monthly?orgUnit=450800&month=2026-10' ;;
  esac
  for via in direct gateway nginx; do
    case $via in
      direct) port=$SERVICE_PORT ;; gateway) port=$GATEWAY_PORT ;; nginx) port=$NGINX_PORT ;;
    esac
    url="http://127.0.0.1:$port$path"
    TOKEN=$(token)
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")
    [[ "$status" == 200 ]] || { echo "$url answered $status" >&2; exit 1; }
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
    after=$(cpu_ticks)
    if echo "$out" | grep -q "Non-2xx"; then
      echo "$via $endpoint: $(echo "$out" | grep Non-2xx) — a refused request is not a measurement (is the gateway's rate limit raised? see the header)" >&2
      exit 1
    fi
    rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    total=$(echo "$out" | awk '/requests in/ { print $1 }')
    p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
    p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    cpu='-'
    if [[ $via == gateway ]]; then
      cpu=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$total" 'BEGIN { printf "%.3f ms", t / hz * 1000 / n }')
    fi
    TOKEN=$(token)
    fixed=$(hey -z "$DURATION" -c 10 -q $((RATE / 10)) -H "Authorization: Bearer $TOKEN" "$url")
    if echo "$fixed" | sed -n '/Status code distribution/,$p' | grep -E '^\s*\[[0-9]+\]' | grep -vq '\[200\]'; then
      echo "$via $endpoint at ${RATE}/s: $(echo "$fixed" | sed -n '/Status code distribution/,$p' | tr '\n' ' ')" >&2
      exit 1
    fi
    frps=$(echo "$fixed" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    fp50=$(echo "$fixed" | awk '$1 == "50%" && $2 == "in" { printf "%.3f", $3 * 1000 }')
    fp99=$(echo "$fixed" | awk '$1 == "99%" && $2 == "in" { printf "%.3f", $3 * 1000 }')
    RPS[$endpoint.$via]=$rps
    printf '%-9s %-8s | %12s %9s %9s | %13s %12s %12s | %s\n' "$endpoint" "$via" "$rps" "$p50" "$p99" "$frps" "$fp50" "$fp99" "$cpu"
  done
done
echo
awk -v g="${RPS[trivial.gateway]}" -v n="${RPS[trivial.nginx]}" 'BEGIN { printf "trivial endpoint:  gateway / nginx  = %.2f× (goal ≥ 0.20×)\n", g / n }'
awk -v g="${RPS[database.gateway]}" -v d="${RPS[database.direct]}" 'BEGIN { printf "database endpoint: gateway / direct = %.2f× (goal ≥ 0.40×)\n", g / d }'
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r); load generator on the same machine"
