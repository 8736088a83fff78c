import { getMap, registerMap } from './echarts'

/**
 * The boundaries of the units that have a map: the region (its 14 cities) and each city (its
 * county-level units), one GeoJSON file per unit named by its code, features keyed by
 * `properties.code` (see maps/README.md: the shapes are illustrative, not an approved map). Each file
 * is its own chunk, loaded the first time its unit is shown.
 */
const files = import.meta.glob<object>('../maps/*.json', { import: 'default' })

function fileOf(code: string): string {
  return `../maps/${code}.json`
}

export function hasMap(code: string): boolean {
  return fileOf(code) in files
}

/** Registers the unit's map with ECharts under its code (once) and answers the code to draw it by. */
export async function loadMap(code: string): Promise<string> {
  const load = files[fileOf(code)]
  if (!load) {
    throw new Error(`no map for ${code}`)
  }
  if (!getMap(code)) {
    registerMap(code, (await load()) as Parameters<typeof registerMap>[1])
  }
  return code
}

/** A point inside each region (`properties.cp`), for the click-through test and the labels. */
export async function regionCentres(code: string): Promise<Record<string, [number, number]>> {
  const load = files[fileOf(code)]
  const geo = (load ? await load() : { features: [] }) as {
    features: { properties: { code: string; cp?: [number, number] } }[]
  }
  return Object.fromEntries(
    geo.features
      .filter((feature) => feature.properties.cp)
      .map((feature) => [feature.properties.code, feature.properties.cp as [number, number]]),
  )
}
