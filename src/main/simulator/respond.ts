/** Writing the simulator's answers: the platform's JSON envelope, and each fault. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Fault } from './faults.js';

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendText(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain;charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

function* filler(bytes: number): Generator<Buffer> {
  const head = Buffer.from('{"code":"200","message":"');
  const tail = Buffer.from('"}');
  const chunk = Buffer.alloc(16 * 1024, 'x');
  yield head;
  let left = bytes - head.length - tail.length;
  while (left > 0) {
    yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= chunk.length;
  }
  yield tail;
}

async function sendOversized(response: ServerResponse, bytes: number, declareLength: boolean): Promise<void> {
  response.writeHead(200, {
    'content-type': 'application/json;charset=utf-8',
    ...(declareLength ? { 'content-length': bytes } : {}),
  });
  // The client is expected to hang up part-way: that error is the point, not a problem.
  await pipeline(Readable.from(filler(bytes)), response).catch(() => undefined);
}

/** Plays one fault. 'hang' leaves the request open; close() tears such sockets down. */
export function sendFault(request: IncomingMessage, response: ServerResponse, fault: Fault, currency: string): void {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      if (fault.contentType) headers['content-type'] = fault.contentType;
      sendText(response, fault.status, fault.body ?? '', headers);
      return;
    }
    case 'api':
      sendJson(response, 200, { code: fault.code, message: fault.message, data: null });
      return;
    case 'truncated-json':
      sendText(response, 200, '{"code":"200","message":"操作成功","data":{"balance":"12', {
        'content-type': 'application/json;charset=utf-8',
      });
      return;
    case 'not-json':
      sendText(response, 200, '<html><body>Service temporarily unavailable</body></html>', {
        'content-type': 'text/html',
      });
      return;
    case 'wrong-types':
      sendJson(response, 200, { code: '200', message: '操作成功', data: { balance: 12.5, currency: 840 } });
      return;
    case 'not-decimal':
      sendJson(response, 200, { code: '200', message: '操作成功', data: { balance: '1,234.5x', currency } });
      return;
    case 'empty':
      sendText(response, 200, '', { 'content-type': 'application/json;charset=utf-8' });
      return;
    case 'reset':
      request.socket.destroy();
      return;
    case 'oversized':
      void sendOversized(response, fault.bytes ?? 1024 * 1024, fault.declareLength ?? false);
      return;
    case 'hang':
      return;
    case 'stall-body':
      response.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': 200 });
      response.write('{"code":"200",');
      return;
  }
}
