// Safe DOM building: data (mention text, authors, urls, brand names) only ever becomes text nodes
// or vetted attributes — never markup.

/**
 * Creates an element. attrs: className, dataset (object), style (object), text, title, on* handlers
 * (functions) and plain attributes (set with setAttribute). Children: nodes or strings (as text).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') setStyle(node, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'href') throw new Error('use link() for hrefs');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function setStyle(node, styles) {
  for (const [name, value] of Object.entries(styles)) {
    if (name.startsWith('--')) node.style.setProperty(name, value);
    else node.style[name] = value;
  }
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** True only for absolute http(s) URLs; everything else (javascript:, data:, relative) is refused. */
export function isWebUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim());
}

/** An external link for an untrusted URL, or a plain span when the URL is not http(s). */
export function link(url, label, attrs = {}) {
  if (!isWebUrl(url)) return el('span', attrs, label);
  const a = el('a', attrs, label);
  a.setAttribute('href', url.trim());
  a.setAttribute('rel', 'noopener noreferrer');
  a.setAttribute('target', '_blank');
  return a;
}

/** An internal (app) link; href is built by the app, never taken from data. */
export function appLink(href, attrs, ...children) {
  const a = el('a', attrs, ...children);
  a.setAttribute('href', href);
  return a;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}
