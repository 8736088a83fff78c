// Checks the cockpit's map files against the project's org tree. No npm dependency:
//
//     node --test console/scripts/maps.test.mjs
//
// For the region of the org-unit CSV (level REGION) and each of its cities:
// - maps/<region>.json has exactly one feature per city, properties.code/name equal to the CSV's;
// - maps/<city>.json has exactly one feature per county-level child of that city (every child has a
//   shape, no shape names a code that is not a child), names equal to the CSV's;
// - every feature is a non-empty Polygon/MultiPolygon inside Guangxi's bounding box;
// - each file is within its size budget; no other .json lies in the maps folder;
// - map-names.json (the build's name -> code table) maps each city's features onto exactly its children.
// Run it again after replacing the maps with an approved map (see maps/README.md).

import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '../..')
const CSV = join(REPO, 'platform-shared/src/main/resources/org-units/guangxi-admin-divisions.csv')
const MAPS = join(REPO, 'console/src/features/cockpit/maps')
const TABLE = join(HERE, 'map-names.json')

const BBOX = { lonMin: 104, lonMax: 113, latMin: 20.5, latMax: 26.5 }
const REGION_MAX_BYTES = 60 * 1024
const CITY_MAX_BYTES = 40 * 1024

function readUnits() {
  const lines = readFileSync(CSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
  const header = lines.shift().split(',')
  const at = (name) => {
    const i = header.indexOf(name)
    assert.ok(i >= 0, `${CSV} has no column ${name}`)
    return i
  }
  const [code, parent, level, name] = ['code', 'parent_code', 'level', 'name_zh'].map(at)
  return lines.map((line) => {
    const cells = line.split(',')
    return { code: cells[code], parent: cells[parent], level: cells[level], name: cells[name] }
  })
}

const units = readUnits()
const regions = units.filter((u) => u.level === 'REGION')
const childrenOf = (code) =>
  units.filter((u) => u.parent === code).sort((a, b) => a.code.localeCompare(b.code))

function readMap(code) {
  const file = join(MAPS, `${code}.json`)
  assert.ok(existsSync(file), `no map file ${file}`)
  const fc = JSON.parse(readFileSync(file, 'utf8'))
  assert.equal(fc.type, 'FeatureCollection', `${code}.json is not a FeatureCollection`)
  assert.ok(Array.isArray(fc.features), `${code}.json has no features array`)
  return { file, fc }
}

function assertShape(feature, where) {
  const g = feature.geometry
  assert.ok(
    g && ['Polygon', 'MultiPolygon'].includes(g.type),
    `${where}: geometry is ${g?.type ?? 'missing'}`,
  )
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  assert.ok(Array.isArray(polygons) && polygons.length > 0, `${where}: empty ${g.type}`)
  for (const polygon of polygons) {
    assert.ok(Array.isArray(polygon) && polygon.length > 0, `${where}: polygon without rings`)
    for (const ring of polygon) {
      assert.ok(Array.isArray(ring) && ring.length >= 4, `${where}: ring with ${ring?.length} positions`)
      assert.deepEqual(ring[0], ring[ring.length - 1], `${where}: ring not closed`)
      for (const [lon, lat] of ring) {
        assert.ok(
          Number.isFinite(lon) && Number.isFinite(lat),
          `${where}: non-numeric position ${lon},${lat}`,
        )
        assert.ok(
          lon >= BBOX.lonMin && lon <= BBOX.lonMax && lat >= BBOX.latMin && lat <= BBOX.latMax,
          `${where}: position ${lon},${lat} outside Guangxi's box`,
        )
      }
    }
  }
}

// The features must be exactly the given units: same codes (each once), same names, valid shapes.
function assertFeaturesAre(code, expectedUnits) {
  const { fc } = readMap(code)
  const codes = fc.features.map((f) => f.properties?.code)
  assert.deepEqual(
    [...codes].sort(),
    expectedUnits.map((u) => u.code),
    `${code}.json: feature codes vs. the children of ${code} in the CSV`,
  )
  const names = new Map(expectedUnits.map((u) => [u.code, u.name]))
  for (const f of fc.features) {
    const where = `${code}.json ${f.properties.code}`
    assert.equal(f.type, 'Feature', `${where}: not a Feature`)
    assert.equal(f.properties.name, names.get(f.properties.code), `${where}: name`)
    assertShape(f, where)
    const [lon, lat] = f.properties.cp ?? []
    assert.ok(
      lon >= 104 && lon <= 113 && lat >= 20.5 && lat <= 26.5,
      `${where}: cp (a point inside, for the label and the click) in Guangxi`,
    )
  }
}

function assertSize(code, max) {
  const size = statSync(join(MAPS, `${code}.json`)).size
  assert.ok(size <= max, `${code}.json is ${size} bytes, budget ${max}`)
}

describe('org-unit maps', () => {
  it('the CSV has one region with cities and county-level units', () => {
    assert.equal(regions.length, 1, 'exactly one REGION row')
    assert.ok(childrenOf(regions[0].code).length > 0, 'the region has cities')
  })

  for (const region of regions) {
    const cities = childrenOf(region.code)

    it(`${region.code} ${region.name}: one feature per city`, () => {
      assertFeaturesAre(region.code, cities)
      assertSize(region.code, REGION_MAX_BYTES)
    })

    for (const city of cities) {
      it(`${city.code} ${city.name}: one feature per county-level child`, () => {
        const children = childrenOf(city.code)
        assert.ok(children.length > 0, `${city.code} has no children in the CSV`)
        assertFeaturesAre(city.code, children)
        assertSize(city.code, CITY_MAX_BYTES)
      })
    }

    it('no map file for a unit that is not the region or one of its cities', () => {
      const expected = new Set([region.code, ...cities.map((c) => c.code)])
      const stray = readdirSync(MAPS).filter((f) => f.endsWith('.json') && !expected.has(f.slice(0, -5)))
      assert.deepEqual(stray, [])
    })

    it('map-names.json maps each city onto exactly its children', () => {
      const table = JSON.parse(readFileSync(TABLE, 'utf8'))
      assert.deepEqual(
        Object.keys(table).sort(),
        cities.map((c) => c.code),
        'cities of the table',
      )
      for (const city of cities) {
        const codes = Object.values(table[city.code])
        assert.deepEqual(
          [...codes].sort(),
          childrenOf(city.code).map((u) => u.code),
          `map-names.json ${city.code}: codes vs. the children in the CSV`,
        )
      }
    })
  }
})
