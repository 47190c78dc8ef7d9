import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request the server received, body parsed as JSON when it is JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Resolves when the client closed or finished the request's connection (to see cancels arrive). */
  closed: Promise<number>;
}

/** One SSE event: an object sent as `data: <json>`, or a raw line written as is (for malformed streams). */
export type SseEvent = { data: unknown; event?: string } | { raw: string };

export type Reply =
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string> }
  | {
      kind: 'sse';
      events: SseEvent[];
      /** Pause before each event. */
      delayMs?: number;
      /** How the stream ends: normally, by stalling forever, by resetting the socket, or cut without its last events. */
      end?: 'normal' | 'stall' | 'reset';
    }
  /** Accepts the connection and never answers. */
  | { kind: 'hang' }
  /** Sends the headers of a stream and then nothing. */
  | { kind: 'silent-stream' }
  /** Destroys the socket before answering. */
  | { kind: 'reset' }
  | { kind: 'raw'; status: number; body: Buffer | string; headers?: Record<string, string> };

/**
 * A real HTTP server on 127.0.0.1 that speaks just enough of the OpenAI and Anthropic wire protocols,
 * answering each route from a script (the last reply repeats) and recording every request.
 */
export class FakeAiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly scripts = new Map<string, Reply[]>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeAiServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new FakeAiServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => void instance.handle(request, response));
    server.on('connection', (socket) => {
      instance.sockets.add(socket);
      socket.on('close', () => instance.sockets.delete(socket));
    });
    return instance;
  }

  /** Replies for `METHOD /path`, in order; the last one answers every later request. */
  on(route: string, ...replies: Reply[]): this {
    this.scripts.set(route, replies);
    return this;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text.
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const closed = new Promise<number>((resolve) => response.on('close', () => resolve(performance.now())));
    this.requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body, closed });
    const script = this.scripts.get(`${request.method} ${path}`);
    const reply = script && script.length > 1 ? (script.shift() as Reply) : script?.[0];
    if (!reply) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no script for ${request.method} ${path}` } }));
      return;
    }
    await this.answer(reply, request, response);
  }

  private async answer(reply: Reply, request: IncomingMessage, response: ServerResponse): Promise<void> {
    switch (reply.kind) {
      case 'json':
        response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
        return;
      case 'raw':
        response.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      case 'hang':
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'silent-stream':
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.flushHeaders();
        return;
      case 'sse': {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.flushHeaders();
        for (const event of reply.events) {
          if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
          if (response.destroyed) return;
          if ('raw' in event) response.write(`${event.raw}\n\n`);
          else response.write(`${event.event ? `event: ${event.event}\n` : ''}data: ${JSON.stringify(event.data)}\n\n`);
        }
        if (reply.end === 'stall') return;
        if (reply.end === 'reset') {
          // Let the written events leave before the connection breaks.
          await new Promise((resolve) => setTimeout(resolve, 20));
          request.socket.destroy();
          return;
        }
        response.end();
        return;
      }
    }
  }
}

/** An OpenAI chat-completions stream: text deltas, tool calls, a finish reason, usage, `[DONE]`. */
export function openAiStream(
  texts: string[],
  options: { toolCalls?: { id: string; name: string; arguments: string }[]; finishReason?: string | null; usage?: { prompt: number; completion: number }; done?: boolean } = {},
): SseEvent[] {
  const chunk = (delta: unknown, finish: string | null = null): SseEvent => ({
    data: { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] },
  });
  const events: SseEvent[] = [chunk({ role: 'assistant', content: '' })];
  for (const text of texts) events.push(chunk({ content: text }));
  for (const [index, call] of (options.toolCalls ?? []).entries()) {
    // Arguments arrive in two pieces, as real servers split them.
    const half = Math.floor(call.arguments.length / 2);
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments.slice(0, half) } }] }));
    events.push(chunk({ tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] }));
  }
  const finish = options.finishReason === undefined ? (options.toolCalls?.length ? 'tool_calls' : 'stop') : options.finishReason;
  if (finish !== null) events.push(chunk({}, finish));
  if (options.usage) {
    events.push({
      data: { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [], usage: { prompt_tokens: options.usage.prompt, completion_tokens: options.usage.completion, total_tokens: options.usage.prompt + options.usage.completion } },
    });
  }
  if (options.done !== false) events.push({ raw: 'data: [DONE]' });
  return events;
}

/** An Anthropic messages stream: message_start, text and tool_use blocks, message_delta, message_stop. */
export function anthropicStream(
  texts: string[],
  options: { toolUse?: { id: string; name: string; input: string }; stopReason?: string; usage?: { input: number; output: number }; stop?: boolean } = {},
): SseEvent[] {
  const event = (data: { type: string; [key: string]: unknown }): SseEvent => ({ event: data.type, data });
  const events: SseEvent[] = [
    event({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-fake', content: [], stop_reason: null, usage: { input_tokens: options.usage?.input ?? 10, output_tokens: 1 } } }),
    event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    event({ type: 'ping' }),
  ];
  for (const text of texts) events.push(event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }));
  events.push(event({ type: 'content_block_stop', index: 0 }));
  if (options.toolUse) {
    events.push(event({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: options.toolUse.id, name: options.toolUse.name, input: {} } }));
    events.push(event({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: options.toolUse.input } }));
    events.push(event({ type: 'content_block_stop', index: 1 }));
  }
  events.push(event({ type: 'message_delta', delta: { stop_reason: options.stopReason ?? (options.toolUse ? 'tool_use' : 'end_turn'), stop_sequence: null }, usage: { output_tokens: options.usage?.output ?? 5 } }));
  if (options.stop !== false) events.push(event({ type: 'message_stop' }));
  return events;
}
