/**
 * A small seeded random number generator (mulberry32), so weighted alias routing, request ids and
 * everything else random in a run is reproducible: the same template, drive file and seed give the
 * same report.
 */
export class Rng {
  private state: number;
  constructor(seed: number | string = 1) {
    this.state = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 32 random bits. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** A version-4 UUID made of seeded bits (Lambda request ids are UUIDs). */
  uuid(): string {
    const h = (n: number) => n.toString(16).padStart(8, "0");
    const a = h(this.uint32());
    const b = h(this.uint32());
    const c = h(this.uint32());
    const d = h(this.uint32());
    const variant = ((parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    let s = "";
    while (s.length < n) s += this.uint32().toString(16).padStart(8, "0");
    return s.slice(0, n);
  }
}

/** `n` hex characters derived from `text` (deterministic; for names like log streams, not security). */
export function hashHex(text: string, n: number): string {
  let out = "";
  for (let round = 0; out.length < n; round++) {
    const r = new Rng(hashString(`${round}:${text}`));
    out += r.uint32().toString(16).padStart(8, "0");
  }
  return out.slice(0, n);
}

function hashString(s: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
