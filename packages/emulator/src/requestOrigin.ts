// Who may talk to the emulator. It takes any bearer token (Cloud Storage none at all), so
// besides listening on loopback only it answers only requests that are addressed to
// loopback at its own port and that no browser sent for another site:
// - Host must name 127.0.0.0/8, localhost or [::1] with the emulator's port. A web page
//   whose own name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name.
// - Origin, when present, must be the emulator's own origin; `null` (sandboxed frames,
//   file: pages) is refused.
// - Sec-Fetch-Site, when present, must be `same-origin` or `none` (an address typed in).
//   `same-site` is refused too: for a browser every port of 127.0.0.1 is the same site,
//   so another local server's page would pass.
// The official Node clients send no Origin and no Sec-Fetch-Site; the extension's webviews
// never call the emulator (their CSP has no connect-src).
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, errorInfo } from './googleError';

const SERVED_SITES = new Set(['same-origin', 'none']);

/** The error to answer instead of serving the request, or undefined when it may be served. */
export function requestRefusal(headers: IncomingHttpHeaders, port: number): ApiError | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!isLoopbackHost(host, port)) {
    return new ApiError(
      'PERMISSION_DENIED',
      `The emulator answers only requests addressed to 127.0.0.1:${port}, localhost:${port} or [::1]:${port}, not to Host ${quoted(host)}; use http://127.0.0.1:${port}.`,
      [errorInfo('HOST_NOT_LOOPBACK', { host: host.slice(0, 200) }, 'googleapis.com')],
    );
  }
  const origin = headers.origin?.toLowerCase();
  const site = headers['sec-fetch-site']?.toLowerCase();
  if ((origin !== undefined && origin !== `http://${host}`) || (site !== undefined && !SERVED_SITES.has(site))) {
    return new ApiError(
      'PERMISSION_DENIED',
      `The emulator refuses requests a browser sends from another site (Origin ${quoted(origin)}, Sec-Fetch-Site ${quoted(site)}); call it from a local client such as the official Google Cloud libraries.`,
      [errorInfo('CROSS_SITE_REQUEST', { origin: (origin ?? '').slice(0, 200), secFetchSite: (site ?? '').slice(0, 50) }, 'googleapis.com')],
    );
  }
  return undefined;
}

function isLoopbackHost(host: string, port: number): boolean {
  const match = /^(\[::1\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match || Number(match[2] ?? 80) !== port) return false;
  const name = match[1];
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

function quoted(value: string | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value.slice(0, 200));
}
