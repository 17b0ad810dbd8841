import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText, isOverBytes, readChunks, readTextFile } from '@/utils/download';
import { parseHtml } from '../dom';

describe('downloads', () => {
  let doc: Document;
  let clicked: { href: string; download: string }[];
  beforeEach(() => {
    vi.useFakeTimers();
    doc = parseHtml('<p></p>');
    clicked = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:agent-assist/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const link = doc.createElement('a');
    vi.spyOn(link, 'click').mockImplementation(() => void clicked.push({ href: link.href, download: link.download }));
    vi.spyOn(doc, 'createElement').mockImplementation(() => link);
  });
  afterEach(() => vi.useRealTimers());

  it('saves a blob through a link, and frees its address a minute later', () => {
    downloadBlob('notes.json', new Blob(['{}']), doc);
    expect(clicked).toEqual([{ href: 'blob:agent-assist/1', download: 'notes.json' }]);
    vi.advanceTimersByTime(59_999);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:agent-assist/1');
  });

  it('saves text with its type', async () => {
    downloadText('gaps.csv', 'text,kind\r\n', 'text/csv', doc);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv');
    await expect(blob.text()).resolves.toBe('text,kind\r\n');
  });
});

describe('readChunks', () => {
  it("gives a file's bytes in order, whatever their size", async () => {
    const content = '客户转账失败'.repeat(20_000);
    const parts: Uint8Array[] = [];
    for await (const chunk of readChunks(new Blob([content]))) parts.push(chunk);
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    expect(new TextDecoder().decode(bytes)).toBe(content);
  });

  it('gives nothing for an empty file', async () => {
    const parts: Uint8Array[] = [];
    for await (const chunk of readChunks(new Blob([]))) parts.push(chunk);
    expect(parts).toEqual([]);
  });
});

describe('isOverBytes', () => {
  it.each([
    ['ASCII at the limit', 'x'.repeat(10), 10, false],
    ['ASCII past the limit', 'x'.repeat(11), 10, true],
    ['Chinese within the limit in UTF-8', '锁'.repeat(3), 9, false],
    ['Chinese past the limit in UTF-8, though short in characters', '锁'.repeat(4), 9, true],
    ['a character outside the BMP', '😀', 4, false],
    ['two characters outside the BMP', '😀😀', 7, true],
    ['nothing', '', 0, false],
  ])('%s', (_name, text, maxBytes, over) => {
    expect(isOverBytes(text, maxBytes)).toBe(over);
  });
});

describe('readTextFile', () => {
  it('refuses a file over the limit without reading it', async () => {
    const text = vi.fn(async () => 'x');
    const big = { size: 11, text } as unknown as Blob;
    await expect(readTextFile(big, 10, () => new Error('file: larger than 10 bytes'))).rejects.toThrow(
      'file: larger than 10 bytes',
    );
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a file at the limit, counted in bytes', async () => {
    await expect(readTextFile(new Blob(['转账失败']), 12, () => new Error('too large'))).resolves.toBe('转账失败');
    await expect(readTextFile(new Blob(['转账失败']), 11, () => new Error('too large'))).rejects.toThrow('too large');
  });
});
