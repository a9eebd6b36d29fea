/**
 * Electron's `net.request` for the typed fake: a ClientRequest that performs the request with
 * Node's http and reports it with Electron's events ('response', 'redirect' in manual mode,
 * 'error', 'abort'), so electron-updater's own HTTP code runs unchanged. It reaches loopback
 * only: any other host fails as a blocked request, so no test can call out by accident.
 * Every request is recorded (method, URL, headers as sent) for assertions.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type Electron from 'electron';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export const netRequests: RecordedRequest[] = [];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function targetUrl(options: Electron.ClientRequestConstructorOptions | string): URL {
  if (typeof options === 'string') return new URL(options);
  if (options.url) return new URL(options.url);
  const port = options.port ? `:${options.port}` : '';
  return new URL(
    `${options.protocol ?? 'https:'}//${options.hostname ?? options.host ?? ''}${port}${options.path ?? '/'}`,
  );
}

export class FakeClientRequest
  extends EventEmitter
  implements
    Pick<Electron.ClientRequest, 'end' | 'abort' | 'setHeader' | 'getHeader' | 'removeHeader' | 'followRedirect'>
{
  readonly url: URL;
  readonly method: string;
  private readonly headers = new Map<string, string>();
  private readonly redirect: Electron.ClientRequestConstructorOptions['redirect'];
  private inner: http.ClientRequest | null = null;
  private aborted = false;

  constructor(options: Electron.ClientRequestConstructorOptions | string) {
    super();
    this.url = targetUrl(options);
    this.method = (typeof options === 'string' ? 'GET' : (options.method ?? 'GET')).toUpperCase();
    this.redirect = typeof options === 'string' ? 'follow' : (options.redirect ?? 'follow');
    if (typeof options !== 'string') {
      for (const [name, value] of Object.entries(options.headers ?? {})) this.setHeader(name, String(value));
    }
  }

  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  getHeader(name: string): string {
    return this.headers.get(name.toLowerCase()) ?? '';
  }
  removeHeader(name: string): void {
    this.headers.delete(name.toLowerCase());
  }
  followRedirect(): void {
    throw new Error('the fake supports redirect: "manual" only');
  }

  end(): Electron.ClientRequest {
    // The caller holds the fake as a ClientRequest; only the picked members are used.
    const self = this as unknown as Electron.ClientRequest;
    const headers = Object.fromEntries(this.headers);
    netRequests.push({ method: this.method, url: this.url.href, headers });
    if (!LOOPBACK.has(this.url.hostname)) {
      setImmediate(() => this.emit('error', new Error(`net::ERR_BLOCKED_BY_CLIENT ${this.url.host}`)));
      return self;
    }
    const request = http.request(this.url, { method: this.method, headers }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && this.redirect === 'manual') {
        response.resume();
        this.emit('redirect', status, this.method, new URL(location, this.url).href, response.headers);
        return;
      }
      this.emit('response', response);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      // Chromium's names for what Node reports by errno.
      const name = error.code === 'ECONNREFUSED' ? 'net::ERR_CONNECTION_REFUSED' : `net::ERR_FAILED (${error.code})`;
      this.emit('error', new Error(name));
    });
    this.inner = request;
    request.end();
    return self;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.inner?.destroy();
    this.emit('abort');
  }
}

export function netRequest(options: Electron.ClientRequestConstructorOptions | string): Electron.ClientRequest {
  return new FakeClientRequest(options) as unknown as Electron.ClientRequest;
}
