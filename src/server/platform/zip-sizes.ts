import { promisify } from 'node:util';
import yauzl from 'yauzl';

/** What a zip package's central directory says about itself, read without inflating anything. */
export type ZipSizes = { entries: number; compressedBytes: number; uncompressedBytes: number; largestEntryBytes: number };

/** Reads the sizes a zip declares; null when the buffer is not a readable zip. */
export async function declaredZipSizes(buffer: Buffer): Promise<ZipSizes | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer)(buffer, {
      lazyEntries: true,
      autoClose: false,
      strictFileNames: false,
    });
  } catch {
    return null;
  }
  const sizes: ZipSizes = { entries: 0, compressedBytes: 0, uncompressedBytes: 0, largestEntryBytes: 0 };
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        sizes.entries += 1;
        sizes.compressedBytes += entry.compressedSize;
        sizes.uncompressedBytes += entry.uncompressedSize;
        sizes.largestEntryBytes = Math.max(sizes.largestEntryBytes, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch {
    return null;
  } finally {
    zip.close();
  }
  return sizes;
}
