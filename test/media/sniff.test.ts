import { describe, expect, it } from 'vitest';
import { mimeEssence, sniffContentType } from '../../shared/media/sniff.js';
import { leftRedRightBlueJpeg, redGreenBlueAnimation, threePagePdf } from '../fixtures/media.js';

describe('sniffContentType', () => {
  it('recognises files by their bytes, whatever their name says', async () => {
    expect(await sniffContentType(await leftRedRightBlueJpeg({ width: 8, height: 8 }), { fileName: 'notes.txt' })).toBe('image/jpeg');
    expect(await sniffContentType(await redGreenBlueAnimation('gif', 8))).toBe('image/gif');
    expect(await sniffContentType(await threePagePdf(), { fileName: 'photo.jpg' })).toBe('application/pdf');
  });

  it('calls UTF-8 text plain text, with an inert subtype from the file name', async () => {
    expect(await sniffContentType(Buffer.from('hello, wörld\n'))).toBe('text/plain; charset=utf-8');
    expect(await sniffContentType(Buffer.from('a,b\n1,2\n'), { fileName: 'table.CSV' })).toBe('text/csv; charset=utf-8');
    expect(await sniffContentType(Buffer.from('{"a":1}'), { fileName: 'data.json' })).toBe('application/json; charset=utf-8');
  });

  it('never labels uploaded markup as something a browser would run', async () => {
    expect(await sniffContentType(Buffer.from('<html><script>alert(1)</script></html>'), { fileName: 'page.html' })).toBe(
      'text/plain; charset=utf-8',
    );
  });

  it('falls back to application/octet-stream for unknown binary and empty content', async () => {
    expect(await sniffContentType(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10]), { fileName: 'x.txt' })).toBe(
      'application/octet-stream',
    );
    expect(await sniffContentType(Buffer.from([0xc3, 0x28, 0x41]))).toBe('application/octet-stream');
    expect(await sniffContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });

  it('keeps a multi-byte character cut at the probe window as text', async () => {
    const text = Buffer.from('é'.repeat(8192));
    expect(await sniffContentType(text)).toBe('text/plain; charset=utf-8');
  });
});

describe('mimeEssence', () => {
  it('drops parameters and case', () => {
    expect(mimeEssence('Text/Plain; charset=UTF-8')).toBe('text/plain');
  });
});
