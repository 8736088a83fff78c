import { getMap, registerMap } from './echarts'
import { fileOf, files } from './mapFiles'

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
