/**
 * The client's connection pools: one keep-alive Agent for direct requests and one
 * ProxyAgent per proxy URL, each created on first use and reused by every later call
 * (undici pools per origin inside each). Proxy URLs can carry credentials, so they never
 * appear in an error this module raises.
 */
import type { Dispatcher } from 'undici';
import { Agent, ProxyAgent } from './undici.js';
import { proxyFor, type ProxyEnv } from './proxy.js';

/** A proxy variable we could not use; the message names no URL. */
export class ProxySettingError extends Error {
  override readonly name = 'ProxySettingError';
}

export class Dispatchers {
  #direct: Agent | undefined;
  readonly #proxied = new Map<string, ProxyAgent>();

  /** Timeouts live on the pools, not each request: per-request values cost time on every call. */
  readonly #options: { connect: { timeout: number }; headersTimeout: number; bodyTimeout: number };

  constructor(
    timeouts: { connectMs: number; headersMs: number; bodyMs: number },
    private readonly env: ProxyEnv,
  ) {
    this.#options = {
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    };
  }

  /** The route per origin, decided once: the proxy variables are read when first needed. */
  readonly #byOrigin = new Map<string, Dispatcher>();

  for(target: URL): Dispatcher {
    let dispatcher = this.#byOrigin.get(target.origin);
    if (!dispatcher) {
      dispatcher = this.#choose(target);
      this.#byOrigin.set(target.origin, dispatcher);
    }
    return dispatcher;
  }

  #choose(target: URL): Dispatcher {
    const proxy = proxyFor(target, this.env);
    if (proxy === null) {
      this.#direct ??= new Agent(this.#options);
      return this.#direct;
    }
    let agent = this.#proxied.get(proxy);
    if (!agent) {
      agent = this.#proxyAgent(proxy);
      this.#proxied.set(proxy, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    const all: Dispatcher[] = [...this.#proxied.values()];
    if (this.#direct) all.push(this.#direct);
    this.#direct = undefined;
    this.#proxied.clear();
    this.#byOrigin.clear();
    await Promise.all(all.map((dispatcher) => dispatcher.close()));
  }

  #proxyAgent(uri: string): ProxyAgent {
    try {
      const timeout = { timeout: this.#options.connect.timeout };
      // https targets tunnel through CONNECT; plain http (loopback only) is forwarded as an
      // absolute-URI request, which proxies allow more often than CONNECT to odd ports.
      return new ProxyAgent({ ...this.#options, uri, proxyTunnel: false, proxyTls: timeout, requestTls: timeout });
    } catch {
      throw new ProxySettingError('the proxy variable (HTTPS_PROXY/HTTP_PROXY) is not a usable URL');
    }
  }
}
