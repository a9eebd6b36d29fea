/**
 * Which proxy, if any, a request to `target` goes through, following the usual
 * conventions (curl, undici's EnvHttpProxyAgent): lower-case variables win over upper-case,
 * https targets use HTTPS_PROXY (falling back to HTTP_PROXY), http targets HTTP_PROXY, and
 * NO_PROXY lists hosts (`example.com` also covers its subdomains, `.example.com` and
 * `*.example.com` only those), optionally with a port, or `*` for everything. Loopback
 * gets no special treatment: list it in NO_PROXY as with curl.
 */
export type ProxyEnv = Record<string, string | undefined>;

function variable(env: ProxyEnv, name: string): string | undefined {
  return env[name.toLowerCase()]?.trim() || env[name.toUpperCase()]?.trim() || undefined;
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** "host", "host:port", "[v6]:port" or a bare IPv6 address. */
function splitEntry(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? '', port: bracketed[2] };
  if (entry.split(':').length > 2) return { name: entry };
  const [name = '', port] = entry.split(':');
  return { name, port };
}

function excluded(target: URL, noProxy: string): boolean {
  const host = bare(target.hostname);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const { name, port: entryPort } = splitEntry(entry);
      if (entryPort && entryPort !== port) return false;
      const subdomainsOnly = /^\*?\./.test(name);
      const domain = bare(name.replace(/^\*?\./, ''));
      return (!subdomainsOnly && host === domain) || host.endsWith(`.${domain}`);
    });
}

/** The proxy URL to use for `target`, or null to connect directly. */
export function proxyFor(target: URL, env: ProxyEnv): string | null {
  const noProxy = variable(env, 'no_proxy');
  if (noProxy && excluded(target, noProxy)) return null;
  const http = variable(env, 'http_proxy');
  if (target.protocol === 'https:') return variable(env, 'https_proxy') ?? http ?? null;
  return http ?? null;
}
