import { AUDIT_SOURCES, type AuditPage, type AuditRow, type AuditSource, type TimelineRow } from './types'

/** Asks one service for one page of its audit rows (newest first, as every service answers). */
export type PageReader = (source: AuditSource, page: number, size: number) => Promise<AuditPage>

/** What is known of one service's trail: the rows read but not yet taken, and where to read on. */
interface Cursor {
  source: AuditSource
  buffer: AuditRow[]
  nextPage: number
  done: boolean
  failure: unknown
  total: number
  seen: Set<number>
}

/**
 * The four services' audit trails merged into one, newest first. Each service is read page by
 * page, and only when the merge needs its next row: the newest row not yet taken is always the
 * newest of the four services' next rows, so a service's next page is read only once its rows read
 * so far are all taken. A service that fails is left out from then on ({@link failures} says which)
 * while the others go on.
 *
 * Reading a trail is itself recorded in it (`audit-read`, newest of all): every page read pushes the
 * service's older rows one place down, so the next page by offset starts with a row already read.
 * Rows already read are skipped by their id; none is missed, as rows are only ever added on top.
 */
export class MergedTimeline {
  private readonly cursors: Cursor[]

  constructor(
    private readonly read: PageReader,
    private readonly pageSize: number,
    sources: readonly AuditSource[] = AUDIT_SOURCES,
  ) {
    this.cursors = sources.map((source) => ({
      source,
      buffer: [],
      nextPage: 0,
      done: false,
      failure: null,
      total: 0,
      seen: new Set<number>(),
    }))
  }

  /** The next (at most) `count` rows of the merged timeline. */
  async take(count: number): Promise<TimelineRow[]> {
    const taken: TimelineRow[] = []
    while (taken.length < count) {
      await Promise.all(
        this.cursors.filter((cursor) => this.needsPage(cursor)).map((cursor) => this.fill(cursor)),
      )
      let newest: Cursor | undefined
      for (const cursor of this.cursors) {
        const head = cursor.buffer[0]
        if (head && (!newest || isNewer(head, newest.buffer[0]!))) {
          newest = cursor
        }
      }
      if (!newest) {
        break
      }
      const row = newest.buffer.shift()!
      taken.push({ key: `${newest.source}:${row.id}`, source: newest.source, row })
    }
    return taken
  }

  /** Nothing more to take from any service (read to its end, or failed). */
  get exhausted(): boolean {
    return this.cursors.every((cursor) => !cursor.buffer.length && (cursor.done || cursor.failure !== null))
  }

  /** The services that failed, with what they answered. */
  get failures(): { source: AuditSource; failure: unknown }[] {
    return this.cursors
      .filter((cursor) => cursor.failure !== null)
      .map(({ source, failure }) => ({ source, failure }))
  }

  /** The rows matching the filters in the services that answered, as they last counted them. */
  get total(): number {
    return this.cursors.reduce((sum, cursor) => sum + cursor.total, 0)
  }

  private needsPage(cursor: Cursor): boolean {
    return !cursor.buffer.length && !cursor.done && cursor.failure === null
  }

  private async fill(cursor: Cursor): Promise<void> {
    while (this.needsPage(cursor)) {
      let page: AuditPage
      try {
        page = await this.read(cursor.source, cursor.nextPage, this.pageSize)
      } catch (error) {
        cursor.failure = error ?? new Error(cursor.source)
        return
      }
      const items = page.items ?? []
      cursor.total = page.total ?? cursor.total
      cursor.nextPage += 1
      cursor.done = items.length < this.pageSize || cursor.nextPage * this.pageSize >= cursor.total
      for (const row of items) {
        if (row.id !== undefined && !cursor.seen.has(row.id)) {
          cursor.seen.add(row.id)
          cursor.buffer.push(row)
        }
      }
    }
  }
}

/** Newest first: by the instant, then (one service's rows) by id, as the services order them. */
function isNewer(a: AuditRow, b: AuditRow): boolean {
  const at = instantKey(a.occurredAt)
  const bt = instantKey(b.occurredAt)
  if (at !== bt) {
    return at > bt
  }
  return (a.id ?? 0) > (b.id ?? 0)
}

/**
 * An ISO instant as text that sorts as time does, to the nanosecond: the services write fractions
 * of a second with as many digits as they need (`…05Z`, `…05.1Z`, `…05.123456Z`).
 */
export function instantKey(instant: string | undefined): string {
  if (!instant) {
    return ''
  }
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(instant)
  if (match) {
    return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}`
  }
  const date = new Date(instant)
  return Number.isNaN(date.getTime()) ? instant : instantKey(date.toISOString())
}
