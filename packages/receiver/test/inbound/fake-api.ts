import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A provider API stand-in on 127.0.0.1 (every *_API_BASE points at it): records each request and
 * answers from a script (500 then 200, 429 with Retry-After, …), else 200 with `{"ok":true,"status":0}`.
 */
export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Array<ScriptedAnswer | 'hang'> = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const next = this.script.shift() ?? { status: 200, body: { ok: true, status: 0 } };
        if (next === 'hang') return;
        // `connection: close`: with keep-alive, a reply sent just as the server drops the idle
        // socket (5 s by default; a loaded CI machine gets there) fails as a network error, and the
        // test sees a retry where its script said 200.
        response.writeHead(next.status, {
          'content-type': 'application/json',
          connection: 'close',
          ...next.headers,
        });
        response.end(JSON.stringify(next.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next answers, in order. */
  answer(...answers: Array<ScriptedAnswer | 'hang'>): void {
    this.script.push(...answers);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The settings that point every provider's API at the fake. */
export const apiBases = (url: string) => ({
  TELEGRAM_API_BASE: url,
  WHATSAPP_API_BASE: url,
  META_API_BASE: url,
  VIBER_API_BASE: url,
  LINE_API_BASE: url,
  TWILIO_API_BASE: url,
});
