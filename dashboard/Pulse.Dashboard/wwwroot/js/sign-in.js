// The sign-in form, shown when the API asks for a session (401). Built with dom.js (text only, never markup) and
// handled by listeners, not inline script, so the CSP (no inline script) holds. When single sign-on is configured it
// also offers "Sign in with …", a plain link to the server's start (GET /auth/oidc): the provider's pages are full page
// loads, not fetches.
import { el, clear, appLink } from './dom.js';
import { signIn, loadProviders } from './session.js';

// The app builds each provider's link itself, from its id: a URL taken from a response never becomes an href.
const PROVIDER_PATHS = { oidc: '/auth/oidc' };

// The server sends the browser back with ?signin-error=<code> when single sign-on did not end in a session; the text
// is the app's own (a code it does not know shows nothing).
const SIGN_IN_ERRORS = {
  'no-role': 'You signed in at your identity provider, but your account has no Pulse role. Ask an administrator to add you to a Pulse group.',
  'sso-failed': 'Single sign-on did not complete. Try again, or sign in with a name and password.',
};

/** The error the last single sign-on came back with, once: the parameter is removed from the address bar. */
function takeSignInError() {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('signin-error');
  if (code === null) return '';
  url.searchParams.delete('signin-error');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return SIGN_IN_ERRORS[code] ?? '';
}

async function addProviders(form) {
  let providers = [];
  try {
    providers = await loadProviders();
  } catch (error) {
    console.warn('sign-in providers unavailable', error);
  }
  for (const provider of providers) {
    const path = PROVIDER_PATHS[provider.id];
    if (!path) continue;
    form.append(appLink(path, { className: 'btn sign-in-provider', 'data-testid': `sign-in-${provider.id}` }, String(provider.name ?? 'Single sign-on')));
  }
}

/** Replaces the view with the form; resolves once signed in. */
export function showSignIn(container) {
  return new Promise((resolve) => {
    const name = el('input', { id: 'sign-in-name', name: 'username', type: 'text', autocomplete: 'username', required: true, autofocus: true, 'data-testid': 'sign-in-name' });
    const password = el('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'sign-in-password' });
    const message = el('p', { className: 'sign-in-message', role: 'alert', 'data-testid': 'sign-in-message', text: takeSignInError() });
    const submit = el('button', { type: 'submit', className: 'btn btn-accent', 'data-testid': 'sign-in-submit', text: 'Sign in' });
    const form = el('form', { className: 'sign-in', 'aria-labelledby': 'sign-in-title', 'data-testid': 'sign-in-form' },
      el('h1', { id: 'sign-in-title', text: 'Sign in to Pulse' }),
      el('label', { for: 'sign-in-name', text: 'Name' }), name,
      el('label', { for: 'sign-in-password', text: 'Password' }), password,
      message,
      submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      message.textContent = '';
      const error = await signIn(name.value, password.value);
      submit.disabled = false;
      if (error === null) {
        password.value = '';
        resolve();
      } else {
        message.textContent = error;
        password.select();
      }
    });
    clear(container).append(form);
    addProviders(form);
    name.focus();
  });
}
