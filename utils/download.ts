/** Saves a Blob as a file through the browser's download, without any permission. */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([text], { type }), doc);
}

/** A file's bytes as they are read, for streaming parsers. */
export async function* readChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Whether text is longer than `maxBytes` in UTF-8; it encodes the text only when the answer depends on it. */
export function isOverBytes(text: string, maxBytes: number): boolean {
  // A UTF-16 code unit takes one to three UTF-8 bytes.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).byteLength > maxBytes;
}

/** A file's text; a file over `maxBytes` is refused with `tooLarge()` before any of it is read. */
export async function readTextFile(file: Blob, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (file.size > maxBytes) throw tooLarge();
  return file.text();
}
