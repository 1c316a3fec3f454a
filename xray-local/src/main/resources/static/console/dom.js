// DOM helpers shared by the views.

export const $ = (selector, root) => (root || document).querySelector(selector);
export const $$ = (selector, root) => [...(root || document).querySelectorAll(selector)];

/** el('td', {class: 'num', dataset: {x: 1}}, 'text', childNode) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  return fill(node, attrs, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same for SVG elements. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { if (v !== undefined && v !== null) node.dataset[k] = v; });
    else if (key === 'class') node.setAttribute('class', value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** An API error in a box, with a caret under the position a filter error names. */
export function showError(box, error, expression) {
  box.replaceChildren();
  box.append(el('strong', {}, error.type ? error.type + ': ' : ''), error.message);
  const position = /position (\d+)/.exec(error.message || '');
  if (position && expression) {
    const at = Number(position[1]) - 1;
    box.append(el('pre', {}, expression + '\n' + ' '.repeat(Math.max(0, at)) + '^'));
  }
  box.hidden = false;
}

export function kvList(pairs) {
  return el('dl', { class: 'kv' }, pairs.filter((p) => p[1] !== undefined && p[1] !== null && p[1] !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' && !(v instanceof Node) ? JSON.stringify(v) : v)]));
}

export function jsonBlock(value) {
  return el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}
