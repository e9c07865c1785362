import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Firefox's Marionette, which (unlike WebDriver BiDi) can open and script extension
 * pages and the browser's own chrome. Wire format: `<byte length>:<JSON>`, commands `[0, id, name, params]`,
 * replies `[1, id, error, result]` (docs/development.md, "Firefox end to end").
 */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  private greeted!: Promise<void>;

  private constructor(private readonly socket: Socket) {}

  static async connect(port: number): Promise<Marionette> {
    const socket = connect(port, '127.0.0.1');
    const client = new Marionette(socket);
    // The server greets first ({applicationType, marionetteProtocol}); commands wait for it.
    client.greeted = new Promise((resolve, reject) => {
      client.pending.set(0, { resolve, reject });
      socket.once('error', reject);
    });
    socket.on('data', (chunk) => client.receive(chunk));
    // Firefox gone or the socket broken: fail every waiting command instead of hanging until the test timeout.
    socket.on('close', () => {
      for (const waiter of client.pending.values()) waiter.reject(new Error('Marionette connection closed'));
      client.pending.clear();
    });
    await client.greeted;
    return client;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.buffer = this.buffer.subarray(colon + 1 + length);
      const [id, error, result] = Array.isArray(message) ? [message[1], message[2], message[3]] : [0, null, message];
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (error) waiter?.reject(new Error(`Marionette: ${error.error}: ${error.message}`));
      else waiter?.resolve(result);
    }
  }

  /** Sends one command and resolves with its result (`value` unwrapped where there is one). */
  send<T = any>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]));
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (r) => resolve(r && typeof r === 'object' && 'value' in r ? r.value : r),
        reject,
      });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  /** Runs `body` (a function body; `arguments` holds `args`) in the current context; async scripts may return a promise. */
  execute<T = any>(body: string, args: unknown[] = []): Promise<T> {
    return this.send('WebDriver:ExecuteScript', { script: body, args });
  }

  /** A WebDriver element reference for the first match of `css` in the current context. */
  private async find(css: string): Promise<string> {
    const ref = await this.send<Record<string, string>>('WebDriver:FindElement', { using: 'css selector', value: css });
    return Object.values(ref)[0];
  }

  /** A WebDriver click: scrolled into view, hit-tested, and delivered as the user's input. */
  async click(css: string): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: await this.find(css) });
  }

  /** Types into a field as WebDriver does, key by key (input events fire). */
  async type(css: string, text: string): Promise<void> {
    await this.send('WebDriver:ElementSendKeys', { id: await this.find(css), text });
  }

  /** Polls `body` until it returns something truthy (or `expected` when given), and returns that. */
  async waitFor<T = any>(body: string, expected?: T, timeoutMs = 10_000, args: unknown[] = []): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await this.execute<T>(body, args);
      if (expected === undefined ? last : JSON.stringify(last) === JSON.stringify(expected)) return last as T;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Still ${JSON.stringify(last)} after ${timeoutMs} ms: ${body}`);
  }

  close(): void {
    this.socket.end();
  }
}
