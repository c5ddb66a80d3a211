import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * The parts of a zip package (an .xlsx file), inflated by Node's own zlib. Small parts are read
 * whole; a sheet is streamed, in large pieces, so it is parsed as it is inflated. A part claiming
 * more than MAX_PART_BYTES once inflated is refused before it is inflated (a zip bomb would
 * otherwise fill the memory), and one that inflates to another size than it declares is refused
 * too (yauzl's own size check applies only to the parts it inflates itself).
 */
const MAX_PART_BYTES = 256 * 1024 * 1024;
/** Inflated pieces of a streamed part: large, because zlib's default 16 KB pieces cost more than the inflating. */
const STREAM_PIECE_BYTES = 1024 * 1024;

export type ZipPackage = {
  /** The text of a part, found by its path in any letter case; null when there is no such part. */
  readText(path: string): Promise<string | null>;
  /** The text of a part in pieces, as it is inflated, so a large sheet is never held whole; null when there is no such part. */
  streamText(path: string): Promise<AsyncIterable<string> | null>;
  /** Whether the package has a readable part at this path; throws if its entry is one that would be refused. */
  has(path: string): boolean;
  close(): void;
};

export async function openZipPackage(buffer: Buffer): Promise<ZipPackage> {
  const zip = await promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer)(buffer, {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
    strictFileNames: false,
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  const inflate = promisify<Buffer, { maxOutputLength: number }, Buffer>(inflateRaw);
  const openRawStream = promisify<yauzl.Entry, yauzl.ZipFileOptions, Readable>(zip.openReadStream.bind(zip));
  const entryOf = (path: string): yauzl.Entry | null => {
    const entry = entries.get(path.toLowerCase());
    if (!entry) return null;
    if (entry.uncompressedSize > MAX_PART_BYTES) throw new Error(`${path} is larger than ${MAX_PART_BYTES} bytes once inflated`);
    // Stored (0) or deflated (8): what every spreadsheet program writes.
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw new Error(`${path} uses compression method ${entry.compressionMethod}`);
    return entry;
  };
  return {
    has: (path) => entryOf(path) !== null,
    async readText(path) {
      const entry = entryOf(path);
      if (!entry) return null;
      // The stored bytes are read as they are and inflated in one native call, off the event loop.
      const chunks: Buffer[] = [];
      for await (const chunk of await openRawStream(entry, { decompress: false })) chunks.push(chunk as Buffer);
      const stored = Buffer.concat(chunks);
      const content = entry.compressionMethod === 0 ? stored : await inflate(stored, { maxOutputLength: MAX_PART_BYTES });
      if (content.length !== entry.uncompressedSize) throw new Error(`${path} does not have the size its entry declares`);
      return withoutByteOrderMark(content.toString('utf8'));
    },
    async streamText(path) {
      const entry = entryOf(path);
      if (!entry) return null;
      const stored = await openRawStream(entry, { decompress: false });
      const inflated =
        entry.compressionMethod === 0 ? stored : pipeline(stored, createInflateRaw({ chunkSize: STREAM_PIECE_BYTES }), () => undefined);
      return decodePieces(inflated, path, entry.uncompressedSize);
    },
    close: () => zip.close(),
  };
}

const withoutByteOrderMark = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * UTF-8 pieces decoded to text (a character split between two pieces is kept whole), checked
 * against the size the entry declares: a part that inflates to more is stopped as soon as it does.
 */
async function* decodePieces(pieces: AsyncIterable<Buffer>, path: string, declaredSize: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let size = 0;
  let first = true;
  for await (const piece of pieces) {
    size += piece.length;
    if (size > declaredSize) throw new Error(`${path} inflates to more than its entry declares`);
    let text = decoder.write(piece);
    if (first && text !== '') {
      text = withoutByteOrderMark(text);
      first = false;
    }
    if (text !== '') yield text;
  }
  if (size !== declaredSize) throw new Error(`${path} does not have the size its entry declares`);
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
