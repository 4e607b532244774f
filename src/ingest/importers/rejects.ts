import { createWriteStream, type WriteStream } from 'node:fs';

/** One rejected row: where it is, why, and the row itself so it can be fixed and imported again. */
export interface Reject {
  line: number;
  column?: string | undefined;
  reason: string;
  [extra: string]: unknown;
}

/** The rejects file (NDJSON), created on the first reject so a clean import leaves none behind. */
export class RejectsFile {
  private out: WriteStream | null = null;
  count = 0;

  constructor(readonly path: string) {}

  write(reject: Reject): void {
    this.out ??= createWriteStream(this.path, { flags: 'w' });
    this.count++;
    this.out.write(`${JSON.stringify(reject)}\n`);
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out) return;
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
  }
}
