// The cockpit after sign-in, as a user gets it (a command, not a test; see docs/benchmarks.md).
//
// Tokens live only in the page's memory, so a cold load of the console is not what a signed-in
// user sees; what they see on every later visit is: the console's page loads, finds no token,
// goes to Keycloak, comes straight back with a code (the Keycloak session is alive), exchanges it
// and draws the cockpit. This signs in once through Keycloak's page (not measured), then measures
// that visit RUNS times with Lighthouse's user-flow API (navigation mode, desktop preset,
// Debian's chromium), and prints the performance score, Largest Contentful Paint and the
// JavaScript transferred: the entry (index.html's scripts) and all that the cockpit loads.
//
//   CONSOLE_URL=http://localhost:8080 DEMO_PASSWORD=… node bench/console/cockpit-flow.mjs
import { writeFileSync, mkdirSync, statSync } from 'node:fs'
import puppeteer from 'puppeteer-core'
import { consoleUrl, demoPassword, loadAverage } from './platform.mjs'
import { startFlow, desktopConfig } from 'lighthouse'

const user = process.env.COCKPIT_USER ?? 'gg-officer'
const unit = process.env.COCKPIT_UNIT ?? '450800'
const runs = Number(process.env.RUNS ?? 5)
const password = demoPassword()

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  defaultViewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
})
const page = await browser.newPage()
await page.goto(`${consoleUrl}/`)
await page.waitForSelector('#username')
await page.type('#username', user)
await page.type('#password', password)
await Promise.all([page.waitForNavigation(), page.click('#kc-login')])
await page.waitForSelector('article.figure-card')

// the initial JavaScript: index.html's script and the modules it preloads (what the page needs
// before anything else can run); the rest loads lazily
const indexHtml = await (await fetch(`${consoleUrl}/`)).text()
const entryFiles = new Set(
  [...indexHtml.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]),
)

/** The size of a built file's gzip copy (the gateway sends brotli, smaller still, to browsers that take it). */
const built = new URL('../../console/target/classes/console', import.meta.url)
function gzipSize(path) {
  try {
    return statSync(new URL(`${built.href}${path}.gz`)).size
  } catch {
    return 0
  }
}

const results = []
for (let run = 1; run <= runs; run++) {
  const flow = await startFlow(page, { config: desktopConfig, flags: { onlyCategories: ['performance'] } })
  await flow.navigate(`${consoleUrl}/cockpit/${unit}`, { name: `cockpit ${unit}` })
  const flowResult = await flow.createFlowResult()
  const lhr = flowResult.steps[0].lhr
  const requests = lhr.audits['network-requests'].details.items
  const scripts = requests.filter((request) => request.resourceType === 'Script')
  const entryScripts = scripts.filter((request) => entryFiles.has(new URL(request.url).pathname))
  const sum = (items) => items.reduce((total, item) => total + (item.transferSize ?? 0), 0)
  // gzip sizes of the files, from the build's .gz copies, by when the page asked for them: the entry,
  // what it loads before the figures are drawn (the application and the cockpit's view), the charts
  const cockpitAnswered = requests.find((request) => request.url.includes('/cockpit?'))?.networkEndTime ?? Infinity
  const ownScripts = [...new Map(scripts.filter((request) => request.url.startsWith(consoleUrl)).map((r) => [r.url, r])).values()]
  const gzipKb = (items) => +(items.reduce((total, item) => total + gzipSize(new URL(item.url).pathname), 0) / 1024).toFixed(1)
  const beforeFigures = ownScripts.filter((request) => request.networkRequestTime < cockpitAnswered)
  const result = {
    run,
    score: Math.round(lhr.categories.performance.score * 100),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    // the score's metrics are simulated (the desktop preset's throttling); what the browser itself saw:
    observedLcpMs: lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint,
    fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
    cls: lhr.audits['cumulative-layout-shift'].numericValue,
    finalUrl: lhr.finalDisplayedUrl,
    documents: requests.filter((request) => request.resourceType === 'Document').length,
    entryJsKb: +(sum(entryScripts) / 1024).toFixed(1),
    allJsKb: +(sum(scripts.filter((request) => request.url.startsWith(consoleUrl))) / 1024).toFixed(1),
    gzipEntryKb: gzipKb(ownScripts.filter((request) => entryFiles.has(new URL(request.url).pathname))),
    gzipBeforeFiguresKb: gzipKb(beforeFigures),
    gzipAllKb: gzipKb(ownScripts),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet,
    mainThread: lhr.audits['mainthread-work-breakdown']?.displayValue,
    loadavg: loadAverage(),
  }
  results.push(result)
  console.log(JSON.stringify(result))
  if (run === runs) {
    mkdirSync('target', { recursive: true })
    writeFileSync('target/cockpit-flow.html', await flow.generateReport())
  }
}
await browser.close()

const sorted = (key) => results.map((result) => result[key]).sort((a, b) => a - b)
const median = (key) => sorted(key)[Math.floor((results.length - 1) / 2)]
console.log(`\ncockpit ${unit} as ${user}, ${runs} visits after sign-in (Lighthouse ${'12.8.2'}, desktop preset):`)
console.log(`  performance score  median ${median('score')}  (${sorted('score').join(', ')})`)
console.log(`  LCP ms             median ${median('lcpMs')}  (${sorted('lcpMs').join(', ')})`)
console.log(`  JS transferred KB  entry ${median('entryJsKb')}, all on the cockpit ${median('allJsKb')} (brotli; 0 for files the browser had cached)`)
console.log(`  JS gzipped KB      entry ${results[0].gzipEntryKb}, before the figures are drawn ${results[0].gzipBeforeFiguresKb}, all with the charts ${results[0].gzipAllKb}`)
console.log(`  report of the last visit: bench/console/target/cockpit-flow.html`)
