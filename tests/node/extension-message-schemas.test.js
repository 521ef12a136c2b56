// The message schema checks of extension/common/message-schemas.js, and the page world's copy of its two strings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = (file) => fs.readFileSync(path.join(root, 'extension', file), 'utf8');

// Loads message-schemas.js as the browsers do: a classic script that defines one global.
const sandbox = { URL };
sandbox.globalThis = sandbox;
vm.runInNewContext(source('common/sites.js'), sandbox);
vm.runInNewContext(source('common/message-schemas.js'), sandbox);
const m = sandbox.truefollowMessages;

const capture = (over = {}) => ({ source: m.PAGE_SOURCE, type: m.MSG.PAGE_CAPTURED, url: 'https://x.com/i/api/graphql/a/UserByScreenName', body: '{}', ...over });

describe('extension messages', () => {
  it('names every message with its sender as a prefix', () => {
    for (const name of Object.values(m.MSG)) assert.match(name, /^(page|content|worker)\/[a-z-]+$/);
  });

  it('accepts a page capture of the expected shape', () => {
    assert.equal(m.isPageCapture(capture()), true);
  });

  it('refuses page captures with another source, type, extra keys, wrong types, non-https URLs or oversized bodies', () => {
    assert.equal(m.isPageCapture(capture({ source: 'site' })), false);
    assert.equal(m.isPageCapture(capture({ type: m.MSG.CONTENT_CAPTURED })), false);
    assert.equal(m.isPageCapture({ ...capture(), extra: 1 }), false);
    assert.equal(m.isPageCapture(capture({ next: 'https://mastodon.example/api/v1/accounts/1/followers?max_id=9' })), true);
    assert.equal(m.isPageCapture(capture({ next: 'http://mastodon.example/api/v1/accounts/1/followers?max_id=9' })), false);
    assert.equal(m.isPageCapture(capture({ next: '' })), false);
    assert.equal(m.isPageCapture(capture({ next: { href: 'https://mastodon.example/' } })), false);
    assert.equal(m.isPageCapture(capture({ body: { data: 1 } })), false);
    assert.equal(m.isPageCapture(capture({ body: '' })), false);
    assert.equal(m.isPageCapture(capture({ url: 'http://x.com/i/api' })), false);
    assert.equal(m.isPageCapture(capture({ url: 'javascript:alert(1)' })), false);
    assert.equal(m.isPageCapture(capture({ url: 'not a url' })), false);
    assert.equal(m.isPageCapture(capture({ body: 'x'.repeat(m.LIMITS.BODY_CHARS + 1) })), false);
    assert.equal(m.isPageCapture(null), false);
    assert.equal(m.isPageCapture([capture()]), false);
  });

  it('accepts a refused follower-list read with its error status, and nothing else under that name', () => {
    const refusal = (over = {}) => ({ source: m.PAGE_SOURCE, type: m.MSG.PAGE_REFUSED, url: 'https://mastodon.example/api/v1/accounts/1/followers?max_id=9', status: 401, ...over });
    assert.equal(m.isPageRefusal(refusal()), true);
    assert.equal(m.isPageRefusal(refusal({ status: 0 })), true, 'no answer at all');
    assert.equal(m.isPageRefusal(refusal({ status: 502 })), true);
    assert.equal(m.isPageRefusal(refusal({ status: 200 })), false, 'a success is no refusal');
    assert.equal(m.isPageRefusal(refusal({ status: 600 })), false);
    assert.equal(m.isPageRefusal(refusal({ status: 401.5 })), false);
    assert.equal(m.isPageRefusal(refusal({ status: '401' })), false);
    assert.equal(m.isPageRefusal(refusal({ url: 'http://mastodon.example/api/v1/accounts/1/followers' })), false);
    assert.equal(m.isPageRefusal({ ...refusal(), body: '{}' }), false);
    assert.equal(m.isPageRefusal(refusal({ source: 'site' })), false);
    assert.equal(m.isPageCapture(refusal()), false, 'and it is no capture');
  });

  it('checks the content script\'s requests to the worker, audit records and language included', () => {
    const url = 'https://x.com/i/api/graphql/a/Followers';
    assert.equal(m.isContentCapture({ type: m.MSG.CONTENT_CAPTURED, url, body: '{}', lang: 'en-GB' }), true);
    assert.equal(m.isContentCapture({ type: m.MSG.CONTENT_CAPTURED, url, body: '{}', lang: 'en"><' }), false);
    const subject = { platform: 'x', handle: 'examplestudio' };
    const audit = (over) => ({ type: m.MSG.CONTENT_AUDIT, records: [{ url, body: '{}' }], lang: '', subject, ...over });
    assert.equal(m.isContentAudit(audit()), true);
    assert.equal(m.isContentAudit(audit({ records: [] })), false);
    assert.equal(m.isContentAudit(audit({ records: [{ url, body: '{}', more: 1 }] })), false);
    const many = Array.from({ length: m.LIMITS.AUDIT_RECORDS + 1 }, () => ({ url, body: '{}' }));
    assert.equal(m.isContentAudit(audit({ records: many })), false);
    assert.equal(m.isContentAudit(audit({ subject: { platform: 'myspace', handle: 'a' } })), false);
    assert.equal(m.isContentAudit(audit({ subject: { platform: 'x', handle: '' } })), false);
    assert.equal(m.isContentAudit(audit({ subject: undefined })), false);
    // keep: whether the user started the audit (its inputs may be kept), a boolean or absent.
    assert.equal(m.isContentAudit(audit({ keep: true })), true);
    assert.equal(m.isContentAudit(audit({ keep: false })), true);
    assert.equal(m.isContentAudit(audit({ keep: 'yes' })), false);
    assert.equal(m.isContentAudit(audit({ keep: 1 })), false);
    assert.equal(m.isContentAudit(audit({ keep: undefined })), false);
  });

  it('checks requests for a stored profile: a known platform and a handle, nothing more', () => {
    assert.equal(m.isContentRecall({ type: m.MSG.CONTENT_RECALL, subject: { platform: 'bluesky', handle: 'a.bsky.social' } }), true);
    assert.equal(m.isContentRecall({ type: m.MSG.CONTENT_RECALL, subject: { platform: 'bluesky', handle: 'a', x: 1 } }), false);
    assert.equal(m.isContentRecall({ type: m.MSG.CONTENT_RECALL, subject: { platform: 'bluesky', handle: 'a'.repeat(m.LIMITS.HANDLE_CHARS + 1) } }), false);
  });

  it('checks the worker\'s replies', () => {
    assert.equal(m.isWorkerReply({ type: m.MSG.WORKER_REPORT, report: { status: 'ok' } }), true);
    assert.equal(m.isWorkerReply({ type: m.MSG.WORKER_ERROR, message: 'no' }), true);
    assert.equal(m.isWorkerReply({ type: m.MSG.WORKER_ERROR, message: 'trapped', restarted: true }), true);
    assert.equal(m.isWorkerReply({ type: m.MSG.WORKER_ERROR, message: 'trapped', restarted: 'yes' }), false);
    assert.equal(m.isWorkerReply({ type: m.MSG.WORKER_REPORT, report: null }), false);
    assert.equal(m.isWorkerReply(undefined), false);
  });

  it('is matched by the page world\'s copies of the event, the source tags, the message names and the size limits', () => {
    const page = source('page/page-world.js');
    assert.match(page, new RegExp(`const PAGE_EVENT = '${m.PAGE_EVENT}';`));
    assert.match(page, new RegExp(`const PAGE_SOURCE = '${m.PAGE_SOURCE}';`));
    assert.match(page, new RegExp(`const PAGE_CAPTURED = '${m.MSG.PAGE_CAPTURED}';`));
    assert.match(page, new RegExp(`const PAGE_REFUSED = '${m.MSG.PAGE_REFUSED}';`));
    assert.match(page, new RegExp(`const CONTENT_SOURCE = '${m.CONTENT_SOURCE}';`));
    assert.match(page, new RegExp(`const READ_PAGE = '${m.MSG.CONTENT_READ_PAGE}';`));
    const limit = /const MAX_BODY_CHARS = ([\d *]+);/.exec(page);
    assert.ok(limit, 'page-world.js states MAX_BODY_CHARS');
    assert.equal(vm.runInNewContext(limit[1]), m.LIMITS.BODY_CHARS);
    const eventLimit = /const MAX_EVENT_CHARS = ([\d *]+);/.exec(page);
    assert.ok(eventLimit, 'page-world.js states MAX_EVENT_CHARS');
    assert.equal(vm.runInNewContext(eventLimit[1]), m.LIMITS.EVENT_CHARS);
  });
});
