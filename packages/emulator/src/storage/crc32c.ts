// CRC-32C (Castagnoli), base64 of the big-endian value, as GCS reports it in crc32c and
// x-goog-hash. Node has no built-in CRC-32C; SheetJS's crc-32 ships one.
import { buf as crc32cOf } from 'crc-32/crc32c';

export function crc32c(data: Uint8Array): string {
  const out = Buffer.alloc(4);
  out.writeInt32BE(crc32cOf(data));
  return out.toString('base64');
}
