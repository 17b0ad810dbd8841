import { Window } from 'happy-dom';

/** A detached document built from HTML, as a CRM page would be at `url`. */
export function parseHtml(html: string, url = 'https://crm.example.com/'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}
