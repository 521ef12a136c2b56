// @ts-check
/*
 * DOM nodes built without markup strings, for the content scripts and the extension's pages:
 *   el(tag, props, ...children)   an HTML element; props: text (its textContent), style (an object, set through
 *                                 the CSSOM, which a page's style-src CSP does not govern), any other key an attribute
 *   svg(tag, attrs, text)         an SVG element with these attributes (and text, when given)
 * Nothing is ever parsed as HTML, so text from a page or the store cannot become markup.
 *
 * A classic script: defines globalThis.truefollowDom = {el, svg}.
 */
(() => {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'style') Object.assign(node.style, value);
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };

  const svg = (tag, attrs = {}, text) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  globalThis.truefollowDom = Object.freeze({ el, svg });
})();
