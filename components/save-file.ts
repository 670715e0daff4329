/**
 * Saves a Blob as a file through <a download> of a blob: URL: it works from the side panel, goes
 * to the browser's Downloads folder (or its save dialog, as the seller set Chrome), and needs no
 * `downloads` permission. The URL is revoked a minute later, once Chrome has read it.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
