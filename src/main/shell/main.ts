/**
 * What the Electron entry does: open the log file, then start the app or run the self-test.
 * A failed start is never silent: it is logged with its cause and shown in an error box that
 * names the cause and the log file, and the process exits 1.
 */
import { app, dialog } from 'electron';
import { resolveLocale, translator } from '../../shared/i18n/index.js';
import { startApp, type AppDeps } from './app.js';
import { openLogFile, type LogFile } from './log-file.js';
import { runSelfTest, selfTestFolder } from './self-test.js';

export interface EntryOptions {
  argv: readonly string[];
  cwd: string;
  /** Where the log file goes; Electron's logs folder by default. */
  logFolder?: string;
  /** Passed on to startApp. */
  app?: Partial<AppDeps>;
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

export function reportStartFailure(error: unknown, log: LogFile): void {
  log.error('start failed', error);
  const t = translator(resolveLocale('system', app.getLocale()));
  dialog.showErrorBox(
    t('shell.startFailed.title'),
    t('shell.startFailed.body', { cause: log.redactor.redact(causeOf(error)), logPath: log.path }),
  );
}

export async function runEntry(options: EntryOptions): Promise<void> {
  const reportFolder = selfTestFolder(options.argv, options.cwd);
  const log = openLogFile({
    folder: options.logFolder ?? reportFolder ?? app.getPath('logs'),
    echo: !app.isPackaged || reportFolder !== null,
  });
  if (reportFolder) {
    try {
      const report = await runSelfTest({ folder: reportFolder, log, appDeps: options.app });
      console.log(`self-test ${report.ok ? 'passed' : 'FAILED'} in ${report.durationMs} ms: ${reportFolder}`);
      app.exit(report.ok ? 0 : 1);
    } catch (error) {
      log.error('self-test could not run', error);
      app.exit(1);
    }
    return;
  }
  try {
    await startApp({
      argv: options.argv,
      log: log.info,
      logFolder: log.folder,
      rememberSecret: log.redactor.remember,
      ...options.app,
    });
  } catch (error) {
    reportStartFailure(error, log);
    app.exit(1);
  }
}
