#!/usr/bin/env bash
# Gateway benchmark (issue 7, acceptance 4; not a test). One command:
#
#   bench/gateway-benchmark.sh
#
# It measures the same GET endpoints of reporting-service three ways in one run:
#   direct   on the service (port 8084), which validates the token itself;
#   gateway  through the gateway (port 8080): the token validated there too, then proxied;
#   nginx    through nginx (Debian package) proxying the service, checking nothing;
# each at saturation (wrk, CONNECTIONS connections) and at a fixed RATE requests/s (hey, STREAMS
# staggered streams; see fixed_rate), and
# prints requests/s, p50, p99, the gateway's CPU per request, the ratios and the latency the
# gateway adds, against the goals of the issue.
#
# What it needs:
#   - nginx, wrk and hey (Debian packages; installed with apt-get when missing and run as root);
#   - the platform. When nothing answers on port 8080 the script starts it itself with
#     ./run-local (rate limits raised so that the load generator is not refused: they are per
#     user, 50/s by default), waits until it is up, and stops it at the end. To use a platform
#     you started yourself, start it with the limits raised:
#       ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_CAPACITY=1000000000 ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_REFILLTOKENS=1000000000 \
#       ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_CAPACITY=1000000000 ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_REFILLTOKENS=1000000000 ./run-local
#   - an otherwise idle machine: the load generators share it, and other work shows in every
#     figure (the script prints the load average before and after).
#
# Settings (environment): WARMUP=40s per URL before measuring (the JIT needs it: after 20-30 s of
# wrk the gateway's CPU per request was still falling; see docs/benchmarks/history.md), DURATION=20s per
# measurement at saturation (in seconds), CONNECTIONS=32, RATE=500, STREAMS=5, ROUNDS=4 rounds of
# ROUND_DURATION=10s per URL at the fixed rate, the URLs taken in turn in each round,
# TIMEOUT_TO_START=600 (seconds to wait for ./run-local).
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
RATE=${RATE:-500}
STREAMS=${STREAMS:-5}
ROUNDS=${ROUNDS:-4}
ROUND_DURATION=${ROUND_DURATION:-10s}
[[ $DURATION == *s && $ROUND_DURATION == *s ]] || { echo "DURATION and ROUND_DURATION must be in seconds, like 20s" >&2; exit 1; }
SERVICE_PORT=8084
GATEWAY_PORT=8080
# the gateway's actuator (LocalPlatform.GATEWAY_MANAGEMENT_PORT)
GATEWAY_MANAGEMENT_PORT=9080
NGINX_PORT=18090
KEYCLOAK=http://localhost:8180/realms/zhaoshang/protocol/openid-connect/token
LIMIT=1000000000

for tool in nginx wrk hey; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing nginx, wrk and hey (Debian packages)…"
    apt-get update -qq && apt-get install -y -qq nginx wrk hey >/dev/null
    break
  fi
done

echo "load before: $(uptime)"
LAUNCHER_PID=
NGINX_DIR=$(mktemp -d)
cleanup() {
  nginx -c "$NGINX_DIR/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$NGINX_DIR"
  if [[ -n $LAUNCHER_PID ]]; then
    echo "stopping the platform this script started (pid $LAUNCHER_PID)…"
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    wait "$LAUNCHER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! curl -sf -o /dev/null "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health"; then
  echo "no platform on port $GATEWAY_PORT: starting ./run-local with the rate limits raised (log: .run-local-benchmark.log)…"
  ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_CAPACITY=$LIMIT ZHAOSHANG_GATEWAY_RATELIMIT_PERUSER_REFILLTOKENS=$LIMIT \
  ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_CAPACITY=$LIMIT ZHAOSHANG_GATEWAY_RATELIMIT_PERCLIENT_REFILLTOKENS=$LIMIT \
    ./run-local > .run-local-benchmark.log 2>&1 &
  LAUNCHER_PID=$!
  for ((waited = 0; ; waited += 2)); do
    grep -q "The platform is up" .run-local-benchmark.log 2>/dev/null && break
    if ! kill -0 "$LAUNCHER_PID" 2>/dev/null || ((waited > ${TIMEOUT_TO_START:-600})); then
      echo "./run-local did not come up; its output:" >&2
      tail -30 .run-local-benchmark.log >&2
      exit 1
    fi
    sleep 2
  done
  grep -E "^\[|platform is up" .run-local-benchmark.log
  echo "letting the platform settle for 20 s…"
  sleep 20
fi

[[ -f .run-local/secrets.properties ]] || { echo "no .run-local/secrets.properties: was the platform started from this checkout?" >&2; exit 1; }
PASSWORD=$(sed -n 's/^DEMO_PASSWORD=//p' .run-local/secrets.properties)
GATEWAY_PID=$(ss -ltnpH "sport = :$GATEWAY_PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1)
[[ -n "$GATEWAY_PID" ]] || { echo "cannot find the gateway's process on port $GATEWAY_PORT" >&2; exit 1; }

# A fresh token for each measurement: the realm's tokens live 5 minutes
token() {
  curl -s -d client_id=zhaoshang-cli -d grant_type=password -d username=gg-officer \
    --data-urlencode "password=$PASSWORD" "$KEYCLOAK" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

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

# wrk prints latencies as 812.00us, 1.23ms or 1.01s; in milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000; printf "%.2f", n }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$GATEWAY_PID/stat"; }
TICKS=$(getconf CLK_TCK)
cpu_per_request() { awk -v t="$1" -v hz="$TICKS" -v n="$2" 'BEGIN { printf "%.2f", t / hz * 1000 / n }'; }

# The fixed rate: STREAMS hey processes of one connection each, at RATE / STREAMS requests/s, started
# 1 / RATE s apart (give or take the time to start a process), so that requests arrive spread over
# each period. One hey with -c 10 ticks its ten workers together (each worker's time.Tick starts when
# the workers do): ten requests at once every 20 ms, which queue on two cores before any gateway is
# involved (direct p50 2.2–2.7 ms that way against 0.6–0.8 ms spread, 2026-11-23 05:55, docs/benchmarks/history.md).
# Each stream has 1 / (RATE / STREAMS) s for a request before hey drops its next tick; a rate below
# 95 % of RATE is reported as not reached. Per-request times come from hey's CSV output; each round's
# are added to the URL's file in $SAMPLES, and the round's own p50 is kept too.
percentile() { awk -v q="$2" '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int(NR * q + 0.999999)] }' <(sort -n "$1"); }
fixed_rate() {
  local key=$1 url=$2 dir pids=() stream
  dir=$(mktemp -d)
  for ((stream = 0; stream < STREAMS; stream++)); do
    hey -z "$ROUND_DURATION" -c 1 -q $((RATE / STREAMS)) -o csv -H "Authorization: Bearer $TOKEN" "$url" > "$dir/$stream.csv" &
    pids+=($!)
    sleep "$(awk -v r="$RATE" 'BEGIN { printf "%.4f", 1 / r }')"
  done
  wait "${pids[@]}"
  # hey's CSV: response-time (s),DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset
  cat "$dir"/*.csv | awk -F, -v out="$dir/ms" '
    $1 ~ /^[0-9.]+$/ { n++; if ($7 != 200) refused++; print $1 * 1000 > out }
    END { printf "%d %d\n", n, refused }' > "$dir/summary"
  read -r ROUND_TOTAL ROUND_REFUSED < "$dir/summary"
  if ((ROUND_REFUSED > 0)); then
    echo "$key at ${RATE}/s: $ROUND_REFUSED of $ROUND_TOTAL answers were not 200" >&2
    exit 1
  fi
  ROUND_P50=$(percentile "$dir/ms" 0.50)
  cat "$dir/ms" >> "$SAMPLES/$key"
  rm -rf "$dir"
}

declare -A URL
for endpoint in trivial database; do
  case $endpoint in
    trivial) path='/api/reports/time-progress?month=2026-10' ;;
    database) path='/api/reports/monthly?orgUnit=450800&month=2026-10' ;;
  esac
  URL[$endpoint.direct]="http://127.0.0.1:$SERVICE_PORT$path"
  URL[$endpoint.gateway]="http://127.0.0.1:$GATEWAY_PORT$path"
  URL[$endpoint.nginx]="http://127.0.0.1:$NGINX_PORT$path"
done
ORDER=(trivial.direct trivial.gateway trivial.nginx database.direct database.gateway database.nginx)

TOKEN=$(token)
for key in "${ORDER[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${URL[$key]}")
  [[ "$status" == 200 ]] || { echo "${URL[$key]} answered $status (expected 200)" >&2; exit 1; }
done
echo "warming up every URL for $WARMUP (JIT)…"
for key in "${ORDER[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "${URL[$key]}" >/dev/null
done

# At saturation, one URL after the other.
declare -A RPS P50 P99 FP50 FP99 FRPS CPU FCPU FTICKS FCOUNT ROUNDP50
for key in "${ORDER[@]}"; do
  url=${URL[$key]}
  TOKEN=$(token)
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
  after=$(cpu_ticks)
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$key: $(echo "$out" | grep Non-2xx) — refused requests are not a measurement (are the gateway's rate limits raised? see the header)" >&2
    exit 1
  fi
  total=$(echo "$out" | awk '/requests in/ { print $1 }')
  RPS[$key]=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  P50[$key]=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  P99[$key]=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  CPU[$key]=$(cpu_per_request $((after - before)) "$total")
done

# At the fixed rate, in ROUNDS rounds that take the URLs in turn, so that a slow stretch of the
# machine (they last tens of seconds, docs/benchmarks/history.md) falls on every URL alike instead of on
# whichever one was measured during it: the added latency is a difference between two URLs, and
# measured minutes apart it was the machine's drift as much as the gateway's. Each URL's percentiles
# are over all its rounds; each round's p50 is printed too.
SAMPLES=$(mktemp -d)
for ((round = 1; round <= ROUNDS; round++)); do
  for key in "${ORDER[@]}"; do
    TOKEN=$(token)
    before=$(cpu_ticks)
    fixed_rate "$key" "${URL[$key]}"
    after=$(cpu_ticks)
    FTICKS[$key]=$(( ${FTICKS[$key]:-0} + after - before ))
    FCOUNT[$key]=$(( ${FCOUNT[$key]:-0} + ROUND_TOTAL ))
    ROUNDP50[$key]="${ROUNDP50[$key]:-}${ROUNDP50[$key]:+ }$ROUND_P50"
  done
done
seconds=$(( ${ROUND_DURATION%s} * ROUNDS ))
for key in "${ORDER[@]}"; do
  FRPS[$key]=$(awk -v n="${FCOUNT[$key]}" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  FP50[$key]=$(percentile "$SAMPLES/$key" 0.50)
  FP99[$key]=$(percentile "$SAMPLES/$key" 0.99)
  FCPU[$key]=$(cpu_per_request "${FTICKS[$key]}" "${FCOUNT[$key]}")
done
rm -rf "$SAMPLES"

echo
echo "gateway benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'); wrk -t2 -c$CONNECTIONS -d$DURATION; hey: $STREAMS streams of 1 connection, $RATE/s in all, $ROUNDS rounds of $ROUND_DURATION per URL, URLs in turn"
echo "trivial = GET /api/reports/time-progress (no database); database = GET /api/reports/monthly?orgUnit=450800 (one aggregate)"
printf '%-9s %-8s | %9s %8s %8s | %9s %8s %8s | %s\n' endpoint via "wrk req/s" "p50 ms" "p99 ms" "hey req/s" "p50 ms" "p99 ms" "gateway CPU per request (at saturation / at ${RATE}/s)"
for key in "${ORDER[@]}"; do
  cpu=''
  [[ $key == *.gateway ]] && cpu="${CPU[$key]} ms / ${FCPU[$key]} ms"
  printf '%-9s %-8s | %9s %8s %8s | %9s %8s %8s | %s\n' "${key%%.*}" "${key#*.}" "${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" \
    "${FRPS[$key]}" "${FP50[$key]}" "${FP99[$key]}" "$cpu"
done
echo
verdict() { awk -v v="$1" -v goal="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= goal : v <= goal; print ok ? "met" : "MISSED" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
r=$(ratio "${RPS[trivial.gateway]}" "${RPS[trivial.nginx]}")
echo "saturation, trivial:  gateway / nginx  = ${r}× (goal ≥ 0.20×: $(verdict "$r" 0.20 '>='))   gateway / direct = $(ratio "${RPS[trivial.gateway]}" "${RPS[trivial.direct]}")×"
r=$(ratio "${RPS[database.gateway]}" "${RPS[database.direct]}")
echo "saturation, database: gateway / direct = ${r}× (goal ≥ 0.40×: $(verdict "$r" 0.40 '>='))   gateway / nginx  = $(ratio "${RPS[database.gateway]}" "${RPS[database.nginx]}")×"
for endpoint in trivial database; do
  a50=$(minus "${FP50[$endpoint.gateway]}" "${FP50[$endpoint.direct]}")
  a99=$(minus "${FP99[$endpoint.gateway]}" "${FP99[$endpoint.direct]}")
  v50=$(verdict "$a50" 1 '<='); v99=$(verdict "$a99" 5 '<=')
  # a difference of latencies measured below the asked rate is queueing, not the goal's measure
  if ((FRPS[$endpoint.gateway] < RATE * 95 / 100 || FRPS[$endpoint.direct] < RATE * 95 / 100)); then
    v50="not measured: the rate was not reached"; v99=$v50
  fi
  printf 'at %s/s, %-9s gateway adds p50 %s ms (goal ≤ 1 ms: %s), p99 %s ms (goal ≤ 5 ms: %s)\n' "$RATE" "$endpoint:" \
    "$a50" "$v50" "$a99" "$v99"
  printf '          p50 per round, direct: %s; gateway: %s\n' "${ROUNDP50[$endpoint.direct]}" "${ROUNDP50[$endpoint.gateway]}"
done
for key in "${ORDER[@]}"; do
  if ((FRPS[$key] < RATE * 95 / 100)); then
    echo "WARNING: $key reached only ${FRPS[$key]} of the $RATE requests/s asked: the machine is too busy for the fixed-rate figures to mean what they say"
  fi
done
echo "gateway CPU per request: see the table (a plain Spring Cloud Gateway validating RS256 on every request: about 0.5 ms)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r); load generators on the same machine"
echo "load after:  $(uptime)"
