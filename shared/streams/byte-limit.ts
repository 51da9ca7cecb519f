import { Transform, type TransformCallback } from 'node:stream';

/** Counts the bytes going through and fails with `tooLarge()` as soon as they pass `maxBytes`. */
export class ByteLimit extends Transform {
  bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: (maxBytes: number) => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) callback(this.tooLarge(this.maxBytes));
    else callback(null, chunk);
  }
}
