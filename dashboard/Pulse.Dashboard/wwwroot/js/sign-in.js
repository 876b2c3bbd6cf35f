// The sign-in form, shown when the API asks for a session (401). Built with dom.js (text only, never markup) and
// handled by listeners, not inline script, so the CSP (no inline script) holds.
import { el, clear } from './dom.js';
import { signIn } from './session.js';

/** Replaces the view with the form; resolves once signed in. */
export function showSignIn(container) {
  return new Promise((resolve) => {
    const name = el('input', { id: 'sign-in-name', name: 'username', type: 'text', autocomplete: 'username', required: true, autofocus: true, 'data-testid': 'sign-in-name' });
    const password = el('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'sign-in-password' });
    const message = el('p', { className: 'sign-in-message', role: 'alert', 'data-testid': 'sign-in-message' });
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
    name.focus();
  });
}
