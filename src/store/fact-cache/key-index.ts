import { quarterMore } from './column.js';

/**
 * The keys of a facts table (ticket or contact ids) and their rows, held outside the JavaScript heap:
 * the keys' UTF-16 code units one after another in a typed array (one byte each while every unit fits in
 * one, as ids almost always do; two from the first that does not), and an open-addressing hash table of
 * rows. Millions of key strings and a Map of them would sit in the heap, where every full garbage
 * collection walks them, so a report's pauses would grow with the history.
 */
export class KeyIndex {
  private units: Uint8Array | Uint16Array = new Uint8Array(1 << 16);
  private used = 0;
  /** key of row r: units[start[r] .. start[r + 1]) */
  private start = new Int32Array(1025);
  private count = 0;
  /** row + 1 per slot, 0 where empty; kept at most half full */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.count;
  }

  /** The row of a key, or -1. */
  find(key: string): number {
    const mask = this.slots.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const r = this.slots[s]! - 1;
      if (r < 0) return -1;
      if (this.equals(r, key)) return r;
    }
  }

  /** The row of a key, appended (as the next row) when new. */
  add(key: string): number {
    const found = this.find(key);
    if (found >= 0) return found;
    const row = this.count++;
    if (this.count + 1 > this.start.length) this.start = grown(this.start, quarterMore(this.start.length));
    if (this.used + key.length > this.units.length)
      this.units = grown(this.units, Math.max(quarterMore(this.units.length), this.used + key.length));
    if (this.units instanceof Uint8Array && !oneByte(key)) {
      const wide = new Uint16Array(this.units.length);
      wide.set(this.units);
      this.units = wide;
    }
    for (let i = 0; i < key.length; i++) this.units[this.used + i] = key.charCodeAt(i);
    this.used += key.length;
    this.start[row + 1] = this.used;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(row, hash(key));
    return row;
  }

  /** The key of a row. */
  keyOf(row: number): string {
    const from = this.start[row]!;
    const to = this.start[row + 1]!;
    let out = '';
    // in slices, so a long key never passes too many arguments at once
    for (let i = from; i < to; i += 4096)
      out += String.fromCharCode(...this.units.subarray(i, Math.min(to, i + 4096)));
    return out;
  }

  private equals(row: number, key: string): boolean {
    const from = this.start[row]!;
    if (this.start[row + 1]! - from !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.units[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(row: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = row + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let r = 0; r < this.count; r++) {
      let h = SEED;
      for (let i = this.start[r]!; i < this.start[r + 1]!; i++) h = Math.imul(h ^ this.units[i]!, PRIME);
      this.place(r, mix(h));
    }
  }
}

function oneByte(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

/** FNV-1a over the code units, mixed so that nearby ids spread over the table. */
function hash(key: string): number {
  let h = SEED;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), PRIME);
  return mix(h);
}

const SEED = 0x811c9dc5;
const PRIME = 0x01000193;
const mix = (h: number) => Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;

function grown<A extends Uint8Array | Uint16Array | Int32Array>(a: A, size: number): A {
  const next = new (a.constructor as new (n: number) => A)(size);
  next.set(a);
  return next;
}
