// The cockpit's one request, timed through the gateway and straight at reporting-service in the
// same run (a command, not a test; see docs/benchmarks.md). One request at a time, as one user's
// browser sends it, after a warm-up; the two paths alternate in rounds, so that the machine's
// drift falls on both alike.
//
//   DEMO_PASSWORD=… node bench/console/cockpit-requests.mjs      # against ./run-local
import { demoPassword, loadAverage } from './platform.mjs'

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080'
const direct = process.env.REPORTING_URL ?? 'http://127.0.0.1:8084'
const keycloak = process.env.KEYCLOAK_URL ?? 'http://localhost:8180'
const unit = process.env.COCKPIT_UNIT ?? '450800'
const user = process.env.COCKPIT_USER ?? 'gg-officer'
const rounds = Number(process.env.ROUNDS ?? 10)
const perRound = Number(process.env.PER_ROUND ?? 50)
const password = demoPassword()
// The gateway lets one user send 50 requests a second (a burst of 100, then 429): requests start at
// least PACE_MS apart, which is still far more than one person's browser sends. The wait is not timed.
const paceMs = Number(process.env.PACE_MS ?? 25)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function token() {
  const response = await fetch(`${keycloak}/realms/zhaoshang/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'zhaoshang-cli', grant_type: 'password', username: user, password }),
  })
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`)
  return (await response.json()).access_token
}

const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }))
const period = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-YTD`
const path = `/api/reports/units/${unit}/cockpit?period=${period}`

let bearer = await token()
let tokenAt = Date.now()
let nextAt = 0
async function once(base) {
  if (base === gateway && performance.now() < nextAt) await sleep(nextAt - performance.now())
  if (Date.now() - tokenAt > 240_000) {
    bearer = await token()
    tokenAt = Date.now()
  }
  const start = performance.now()
  if (base === gateway) nextAt = start + paceMs
  const response = await fetch(base + path, { headers: { Authorization: `Bearer ${bearer}` } })
  await response.arrayBuffer()
  const took = performance.now() - start
  if (response.status !== 200) throw new Error(`${base}${path}: ${response.status}`)
  return took
}

for (let i = 0; i < 200; i++) {
  await once(gateway)
  await once(direct)
}
const times = { gateway: [], direct: [] }
for (let round = 0; round < rounds; round++) {
  for (const [name, base] of round % 2 ? [['direct', direct], ['gateway', gateway]] : [['gateway', gateway], ['direct', direct]]) {
    for (let i = 0; i < perRound; i++) times[name].push(await once(base))
  }
}
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}
const line = (name) =>
  `  ${name.padEnd(8)} n=${times[name].length}  p50 ${quantile(times[name], 0.5).toFixed(1)} ms  p95 ${quantile(times[name], 0.95).toFixed(1)} ms  p99 ${quantile(times[name], 0.99).toFixed(1)} ms`
console.log(`GET ${path} as ${user}, one at a time (through the gateway ${paceMs} ms apart at least), ${rounds} alternating rounds of ${perRound}:`)
console.log(line('gateway'))
console.log(line('direct'))
console.log(`  load average ${loadAverage()}`)
