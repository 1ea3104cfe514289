// Progress of a long import: a bar redrawn in place on a terminal, and on
// anything else (a log file, CI, cron mail) a plain line every few seconds.
import { basename } from 'node:path';

type Progress = { update(file: string, bytesRead: number, totalBytes: number): void; done(): void };

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function createProgress(out: NodeJS.WriteStream, fileCount: number): Progress {
  let fileIndex = 0;
  let lastFile = '';
  let lastDraw = 0;
  const interval = out.isTTY ? 100 : 5000;
  return {
    update(file, bytesRead, totalBytes) {
      if (file !== lastFile) {
        fileIndex++;
        lastFile = file;
        lastDraw = 0;
      }
      const now = Date.now();
      if (now - lastDraw < interval && bytesRead < totalBytes) return;
      lastDraw = now;
      const share = totalBytes === 0 ? 1 : bytesRead / totalBytes;
      const label = `[${fileIndex}/${fileCount}] ${basename(file)}`;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        out.write(
          `\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(share * 100).toFixed(0).padStart(3)}% ${label} ${megabytes(bytesRead)}\x1b[K`,
        );
      } else {
        out.write(`${label}: ${(share * 100).toFixed(0)}% (${megabytes(bytesRead)} of ${megabytes(totalBytes)})\n`);
      }
    },
    done() {
      if (out.isTTY && lastFile !== '') out.write('\r\x1b[K');
    },
  };
}
