/**
 * A growable array of 32-bit integers. The index build keeps millions of term ids: in one typed array they are a
 * single allocation the garbage collector never copies, where arrays of numbers or many small typed arrays would
 * be copied by every minor collection.
 */
export class IntArray {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = x;
  }

  /** Makes room for `n` values in all. */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const bigger = new Int32Array(Math.max(n, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }

  /** The values, in an array of their own size. */
  toInt32Array(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
