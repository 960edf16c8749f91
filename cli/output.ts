/** Writing the tools' output. */

/**
 * Writes `text` and resolves once the stream has taken all of it. The caller exits the process
 * right after; without waiting, output to a pipe would be cut at the pipe's buffer size.
 */
export function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));
}
