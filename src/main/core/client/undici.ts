/**
 * The parts of undici the client uses (Agent, ProxyAgent and the request API), loaded from
 * their own files rather than the package index. The index also loads fetch, WebSocket,
 * cookies, caches and mocks: a third of a one-shot `check`'s start-up (cli_cold_start_ratio
 * in `npm run bench`). Same objects as the index exports, and the same set-up the index does.
 */
import type * as Undici from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import ProxyAgentClass from 'undici/lib/dispatcher/proxy-agent.js';
import api from 'undici/lib/api/index.js';

// undici's index.js does exactly this; without it an Agent has no request().
Object.assign(Dispatcher.prototype, api);

export const Agent = AgentClass;
export type Agent = Undici.Agent;
export const ProxyAgent = ProxyAgentClass;
export type ProxyAgent = Undici.ProxyAgent;
