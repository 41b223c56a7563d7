/** Reading a File's text where `Blob.text` may be missing (older browsers, jsdom). */

/** The text of a File (with FileReader where Blob.text is missing: older browsers, jsdom). */
export function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}
