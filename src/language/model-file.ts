/**
 * The on-disk form of a trained model: a gzip-compressed container holding one JSON metadata
 * object (tag names, tables) and any number of binary blobs (serialised perceptrons).
 * Layout before compression: u32 JSON length, JSON, u32 blob count, then per blob u32 length + bytes.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';

export interface ModelFile<Meta> {
  meta: Meta;
  blobs: Buffer[];
}

export function encodeModelFile<Meta>(file: ModelFile<Meta>): Buffer {
  const json = Buffer.from(JSON.stringify(file.meta), 'utf8');
  const parts: Buffer[] = [u32(json.length), json, u32(file.blobs.length)];
  for (const blob of file.blobs) parts.push(u32(blob.length), blob);
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModelFile<Meta>(compressed: Buffer): ModelFile<Meta> {
  const raw = gunzipSync(compressed);
  let offset = 0;
  const next = (): number => {
    const value = raw.readUInt32LE(offset);
    offset += 4;
    return value;
  };
  const jsonLength = next();
  const meta = JSON.parse(raw.subarray(offset, offset + jsonLength).toString('utf8')) as Meta;
  offset += jsonLength;
  const count = next();
  const blobs: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const length = next();
    blobs.push(raw.subarray(offset, offset + length));
    offset += length;
  }
  return { meta, blobs };
}

export function writeModelFile<Meta>(file: string, model: ModelFile<Meta>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, encodeModelFile(model));
}

export function readModelFile<Meta>(file: string): ModelFile<Meta> {
  return decodeModelFile<Meta>(readFileSync(file));
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}
