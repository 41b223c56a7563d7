/** Saves a Blob or text as a file through a temporary `<a download>` (no request leaves the page). */

/** Starts the download of `data` as `filename`. */
export function download(data: Blob | string, filename: string, mime = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type: `${mime};charset=utf-8` }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is kept a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
