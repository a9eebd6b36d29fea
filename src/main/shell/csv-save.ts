/** CSV export asks where to save with the OS dialog, in main: the window never touches files. */
import { app, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Translate } from '../../shared/i18n/index.js';

export function csvSaver(t: () => Translate) {
  return async (defaultName: string, csv: string): Promise<{ saved: boolean; path?: string }> => {
    const answer = await dialog.showSaveDialog({
      title: t()('tray.dialog.exportCsv'),
      defaultPath: path.join(app.getPath('downloads'), defaultName),
      filters: [{ name: t()('tray.dialog.csvFilter'), extensions: ['csv'] }],
    });
    if (answer.canceled || !answer.filePath) return { saved: false };
    await writeFile(answer.filePath, csv, 'utf8');
    return { saved: true, path: answer.filePath };
  };
}
