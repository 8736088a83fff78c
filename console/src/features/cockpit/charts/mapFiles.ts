/**
 * The boundaries of the units that have a map: the region (its 14 cities) and each city (its
 * county-level units), one GeoJSON file per unit named by its code, features keyed by
 * `properties.code` (see maps/README.md: the shapes are illustrative, not an approved map). Each file
 * is its own chunk, loaded the first time its unit is shown. Kept apart from ECharts, so that
 * knowing whether a unit has a map does not load the charts.
 */
export const files = import.meta.glob<object>('../maps/*.json', { import: 'default' })

export function fileOf(code: string): string {
  return `../maps/${code}.json`
}

export function hasMap(code: string): boolean {
  return fileOf(code) in files
}
