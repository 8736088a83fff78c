// Writes brotli and gzip copies beside each built asset, so the gateway sends compressed files
// without compressing on every request (ConsoleFiles picks the copy by Accept-Encoding).
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = new URL('../target/classes/console/', import.meta.url)
const compressible = /\.(js|mjs|css|html|json|svg)$/

async function* files(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), directory)
    if (entry.isDirectory()) {
      yield* files(url)
    } else if (compressible.test(entry.name) && entry.name !== 'index.html') {
      yield url
    }
  }
}

let count = 0
for await (const file of files(root)) {
  const content = await readFile(file)
  if (content.length < 1024) {
    continue
  }
  await writeFile(
    new URL(`${file.href}.br`),
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  )
  await writeFile(new URL(`${file.href}.gz`), gzipSync(content, { level: 9 }))
  count++
}
console.log(`precompressed ${count} files (brotli and gzip)`)
