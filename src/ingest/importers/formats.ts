import { isValidTimeZone } from '../../domain/primitives.js';
import { callRecordsAdapter } from './call-records.js';
import { loadCallRecordsMapping } from './call-records-mapping.js';
import { eventLogAdapter } from './event-log.js';
import { loadEventLogMapping } from './event-log-mapping.js';
import { eventsNdjsonAdapter } from './events-ndjson.js';
import { servicenowAdapter } from './servicenow.js';
import { ticketsCsvAdapter } from './tickets-csv.js';
import { loadTicketsCsvMapping } from './tickets-csv-mapping.js';
import { type FormatAdapter, MappingError } from './types.js';
import { zendeskAdapter } from './zendesk.js';

/** Every format of `firstline import --format` (DESIGN §4). */
export const IMPORT_FORMATS = [
  'tickets-csv',
  'event-log',
  'servicenow',
  'zendesk',
  'call-records',
  'events-ndjson',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface AdapterOptions {
  /** IANA zone of a format whose timestamps carry none and that takes no mapping (servicenow) */
  tz?: string | undefined;
}

const needsMapping = (format: string, mappingPath: string | undefined): string => {
  if (!mappingPath)
    throw new MappingError(`--format ${format} needs --mapping <file> (see examples/mappings/)`);
  return mappingPath;
};

const noMapping = (format: string, mappingPath: string | undefined) => {
  if (mappingPath) throw new MappingError(`--format ${format} takes no mapping`);
};

/** The adapter for a format, its mapping read and checked: a wrong mapping fails here, before any row. */
export async function adapterFor(
  format: string,
  mappingPath?: string,
  options: AdapterOptions = {},
): Promise<FormatAdapter<unknown>> {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new MappingError(
      `unknown format ${JSON.stringify(format)}; expected one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  switch (format as ImportFormat) {
    case 'tickets-csv':
      return ticketsCsvAdapter(
        await loadTicketsCsvMapping(needsMapping(format, mappingPath)),
      ) as FormatAdapter<unknown>;
    case 'event-log':
      return eventLogAdapter(
        await loadEventLogMapping(needsMapping(format, mappingPath)),
      ) as FormatAdapter<unknown>;
    case 'servicenow': {
      noMapping(format, mappingPath);
      const tz = options.tz ?? 'UTC';
      if (!isValidTimeZone(tz)) throw new MappingError(`--tz ${JSON.stringify(tz)}: not an IANA time zone`);
      return servicenowAdapter(tz) as FormatAdapter<unknown>;
    }
    case 'zendesk':
      noMapping(format, mappingPath);
      return zendeskAdapter() as FormatAdapter<unknown>;
    case 'call-records':
      return callRecordsAdapter(
        await loadCallRecordsMapping(needsMapping(format, mappingPath)),
      ) as FormatAdapter<unknown>;
    case 'events-ndjson':
      noMapping(format, mappingPath);
      return eventsNdjsonAdapter() as FormatAdapter<unknown>;
  }
}
