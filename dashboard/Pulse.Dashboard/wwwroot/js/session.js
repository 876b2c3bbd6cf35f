// Who the app is signed in as (GET /auth/me) and the anti-forgery token that goes with the session: every write the
// app sends carries it as X-XSRF-TOKEN (api.js). The session cookie itself is HttpOnly: script never sees it.

let current = null;

/** The signed-in identity ({ name, role, brands, kind, xsrfToken }) or null when /auth/me answers 401. */
export async function loadSession() {
  const response = await fetch('/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    current = null;
    return null;
  }
  if (!response.ok) throw new Error(`/auth/me: HTTP ${response.status}`);
  current = await response.json();
  return current;
}

export const session = () => current;

export const xsrfToken = () => current?.xsrfToken ?? null;

/** Signs in; resolves to null on success, or the server's message (wrong name or password, locked, too many tries). */
export async function signIn(name, password) {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json' },
    body: JSON.stringify({ name, password }),
    cache: 'no-store',
  });
  if (response.ok) return null;
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** Other ways to sign in (GET /auth/providers): [{ id, name, url }], empty when single sign-on is not configured. */
export async function loadProviders() {
  const response = await fetch('/auth/providers', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) return [];
  const providers = await response.json();
  return Array.isArray(providers) ? providers : [];
}

export async function signOut() {
  await fetch('/auth/logout', { method: 'POST', headers: writeHeaders(), cache: 'no-store' });
  current = null;
}

/** Headers for a state-changing request: the session's anti-forgery token, when there is a session. */
export function writeHeaders(headers = {}) {
  const token = xsrfToken();
  return token ? { ...headers, 'X-XSRF-TOKEN': token } : headers;
}
