import { eventLogAdapter } from './event-log.js';
import { loadEventLogMapping } from './event-log-mapping.js';
import { eventsNdjsonAdapter } from './events-ndjson.js';
import { type FormatAdapter, MappingError } from './types.js';

/** Every format of `firstline import --format` (DESIGN §4); the rest are still to be built. */
export const IMPORT_FORMATS = [
  'tickets-csv',
  'event-log',
  'servicenow',
  'zendesk',
  'call-records',
  'events-ndjson',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const SUPPORTED_FORMATS: readonly ImportFormat[] = ['event-log', 'events-ndjson'];

/** The adapter for a format, its mapping read and checked: a wrong mapping fails here, before any row. */
export async function adapterFor(format: string, mappingPath?: string): Promise<FormatAdapter<unknown>> {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new MappingError(
      `unknown format ${JSON.stringify(format)}; expected one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  switch (format as ImportFormat) {
    case 'event-log': {
      if (!mappingPath) {
        throw new MappingError('--format event-log needs --mapping <file> (see examples/mappings/)');
      }
      return eventLogAdapter(await loadEventLogMapping(mappingPath)) as FormatAdapter<unknown>;
    }
    case 'events-ndjson':
      if (mappingPath) throw new MappingError('--format events-ndjson takes no mapping');
      return eventsNdjsonAdapter() as FormatAdapter<unknown>;
    default:
      throw new MappingError(
        `--format ${format} is not built yet; supported now: ${SUPPORTED_FORMATS.join(', ')}`,
      );
  }
}
