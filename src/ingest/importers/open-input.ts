import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface Input {
  /** the decompressed bytes */
  stream: Readable;
  /** bytes of the file read so far (compressed bytes for a gzipped file), for progress */
  bytesRead(): number;
  /** the file's size in bytes */
  size: number;
  gzipped: boolean;
  close(): void;
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Opens a file for streaming; a gzipped file (`.gz`, or gzip's magic bytes) is decompressed on the fly. */
export async function openInput(path: string): Promise<Input> {
  const { size } = await stat(path);
  const gzipped = path.endsWith('.gz') || (await startsWithGzipMagic(path));
  const file: ReadStream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let stream: Readable = file;
  if (gzipped) {
    const gunzip = createGunzip();
    file.on('error', (err) => gunzip.destroy(err));
    stream = file.pipe(gunzip);
  }
  return {
    stream,
    bytesRead: () => file.bytesRead,
    size,
    gzipped,
    close() {
      file.destroy();
      if (stream !== file) stream.destroy();
    },
  };
}
