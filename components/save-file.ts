/** Hands a fetched file (e.g. an audit CSV) to the browser's download, through a temporary object URL. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has the file once the click started it; free the memory a while after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
