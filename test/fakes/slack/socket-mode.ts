import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { WireJson } from './wire';

export interface SocketEnvelope {
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: object;
  envelope_id?: string;
}

interface PendingAck {
  resolve: (payload: WireJson) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Slack gives an app 3 seconds to acknowledge; a later ack counts as none. */
const ACK_WINDOW_MS = 3000;
const CLOSE_HANDSHAKE_MS = 1000;
const HELLO = { type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: {} };

/** The Socket Mode side of the fake: hands out envelopes and waits for the app's acks. */
export class FakeSocketMode {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly open: WebSocket[] = [];
  private readonly acks = new Map<string, PendingAck>();
  private envelopes = 0;
  private closed = false;

  constructor(private readonly path: string) {}

  /** Connections open right now (Bolt holds one; a reconnect briefly makes two). */
  get connections(): number {
    return this.open.length;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closed || new URL(req.url ?? '/', 'http://fake').pathname !== this.path) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /**
   * Sends an envelope to the newest connection (waiting briefly for one) and resolves with the
   * payload of the app's ack frame: `{}` for a bare `ack()`, the response fields otherwise.
   */
  async send(envelope: SocketEnvelope, ackWindowMs = ACK_WINDOW_MS): Promise<WireJson> {
    const ws = await this.newestConnection(ackWindowMs);
    const envelopeId = envelope.envelope_id ?? `env-${++this.envelopes}`;
    const frame = {
      envelope_id: envelopeId,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: true,
    };

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(envelopeId);
        reject(new Error(`fake Slack: no ack for ${envelope.type} envelope ${envelopeId} within ${ackWindowMs} ms`));
      }, ackWindowMs);
      this.acks.set(envelopeId, { resolve, reject, timer });
      ws.send(JSON.stringify(frame));
    });
  }

  /** What Slack sends before recycling a connection; the client should reconnect. */
  disconnect(reason: 'refresh_requested' | 'warning' | 'too_many_websockets' = 'refresh_requested'): void {
    for (const ws of this.open) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [id, pending] of this.acks) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`fake Slack closed before envelope ${id} was acknowledged`));
    }
    this.acks.clear();
    await Promise.all(this.open.map(closeGracefully));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.open.push(ws);
    ws.on('close', () => {
      const at = this.open.indexOf(ws);
      if (at >= 0) this.open.splice(at, 1);
    });
    ws.on('message', (data) => this.onFrame(data));
    ws.send(JSON.stringify(HELLO));
  }

  private onFrame(data: RawData): void {
    let frame: { envelope_id?: unknown; payload?: unknown };
    try {
      frame = JSON.parse(rawText(data));
    } catch {
      return; // Slack ignores frames it cannot read; so does the fake.
    }
    const id = typeof frame.envelope_id === 'string' ? frame.envelope_id : '';
    const pending = this.acks.get(id);
    if (!pending) return;
    this.acks.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(frame.payload);
  }

  private async newestConnection(waitMs: number): Promise<WebSocket> {
    const deadline = Date.now() + waitMs;
    while (!this.closed && Date.now() < deadline) {
      const ws = this.open.at(-1);
      if (ws) return ws;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`fake Slack: no Socket Mode connection within ${waitMs} ms (did the app start in socket mode?)`);
  }
}

/**
 * Bolt's `app.stop()` resolves once it has sent its close frame, before the handshake ends; cutting
 * the socket then makes the client report an error and try to reconnect. So finish the handshake.
 */
async function closeGracefully(ws: WebSocket): Promise<void> {
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const timer = setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS);
  ws.close(1000);
  await closed;
  clearTimeout(timer);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
