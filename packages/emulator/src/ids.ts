// Resource and operation ids shaped like Vertex's (19-digit decimal strings). The
// sequence is seeded, so a fresh emulator hands out the same ids every run: stable
// screenshots and test expectations.
export class IdGenerator {
  private state: number;

  constructor(seed = 'vertex-genai-emulator') {
    this.state = hash32(seed) || 1;
  }

  next(): string {
    let digits = String(1 + (this.random() % 9));
    while (digits.length < 19) digits += String(this.random() % 10);
    return digits;
  }

  private random(): number {
    // xorshift32: tiny, deterministic, good enough for ids.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
}

/** FNV-1a. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
