// Generates the TypeScript types of every request and response from the services' OpenAPI
// documents (openapi/<service>.json, kept current by each service's OpenApiDocumentIT), so that a
// screen cannot drift from the API unnoticed: vue-tsc fails the build instead.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'

const source = new URL('../openapi/', import.meta.url)
const target = new URL('../src/generated/', import.meta.url)
await mkdir(target, { recursive: true })
for (const file of (await readdir(source)).filter((name) => name.endsWith('.json'))) {
  const document = JSON.parse(await readFile(new URL(file, source), 'utf8'))
  const ast = await openapiTS(document, { alphabetize: true })
  const types = `// Generated from openapi/${file} by scripts/api-types.mjs; do not edit.\n${astToString(ast)}`
  await writeFile(new URL(file.replace(/\.json$/, '.d.ts'), target), types)
  console.log(`api types: src/generated/${file.replace(/\.json$/, '.d.ts')}`)
}
