/**
 * A map from pairs of non-negative 31-bit integers to non-negative ids, in typed arrays with
 * open addressing. Indexing looks up millions of Chinese bigrams and word pairs; a `Map` keyed
 * by a combined number would box every key above 2^30 and spend most of the build there.
 */
export class IntPairMap {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.firsts = new Int32Array(slots).fill(-1);
    this.seconds = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  private slot(first: number, second: number): number {
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca77)) & this.mask;
    while (this.firsts[slot] !== -1 && (this.firsts[slot] !== first || this.seconds[slot] !== second))
      slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The id stored for the pair, or -1. */
  get(first: number, second: number): number {
    const slot = this.slot(first, second);
    return this.firsts[slot] === -1 ? -1 : this.ids[slot]!;
  }

  /** The id stored for the pair; stores `next()` first when there is none. */
  getOrAdd(first: number, second: number, next: () => number): number {
    let slot = this.slot(first, second);
    if (this.firsts[slot] !== -1) return this.ids[slot]!;
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.grow();
      slot = this.slot(first, second);
    }
    const id = next();
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.ids[slot] = id;
    this.size++;
    return id;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const slots = firsts.length * 2;
    this.firsts = new Int32Array(slots).fill(-1);
    this.seconds = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
    for (let i = 0; i < firsts.length; i++) {
      if (firsts[i] === -1) continue;
      const slot = this.slot(firsts[i]!, seconds[i]!);
      this.firsts[slot] = firsts[i]!;
      this.seconds[slot] = seconds[i]!;
      this.ids[slot] = ids[i]!;
    }
  }
}
