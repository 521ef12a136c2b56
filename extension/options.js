/*
 * The options page's behaviour: shows how many profiles and followers are stored (and how many damaged records
 * were skipped) and deletes them all on request (store.js), and lists, adds and removes the Mastodon instances truefollow may read. Adding one asks
 * the browser for that instance's host permission (optional_host_permissions); the worker then runs the
 * content scripts there (background.js).
 */
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const $ = (id) => document.getElementById(id);
  const storePromise = globalThis.truefollowStore.openStore(api.storage.local);

  async function showCounts() {
    try {
      const { profiles, followers, unreadable } = (await storePromise).counts();
      $('stored-counts').textContent = `${profiles} profile${profiles === 1 ? '' : 's'} and ${followers} follower${followers === 1 ? '' : 's'} stored.`;
      // Damaged records are skipped, not deleted: "Delete all stored data" removes them, as does a new visit.
      $('stored-problems').hidden = unreadable === 0;
      $('stored-problems').textContent = unreadable === 0 ? '' : `${unreadable} stored record${unreadable === 1 ? '' : 's'} could not be read and ` +
        `${unreadable === 1 ? 'was' : 'were'} skipped.`;
    } catch (error) {
      $('stored-counts').textContent = `The store cannot be read: ${error.message}`;
    }
  }

  $('delete-all').addEventListener('click', async () => {
    try {
      await (await storePromise).clear();
      $('delete-status').textContent = 'All stored data deleted.';
    } catch (error) {
      $('delete-status').textContent = `Not deleted: ${error.message}`;
    }
    showCounts();
  });

  // ---- Mastodon instances -------------------------------------------------------------------------------

  const fixed = new Set(api.runtime.getManifest().content_scripts.flatMap((c) => c.matches));

  function originOf(text) {
    const host = text.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(host) ? `https://${host}/*` : null;
  }

  async function showInstances() {
    const { origins = [] } = await api.permissions.getAll();
    const list = $('instances');
    list.replaceChildren();
    for (const origin of origins.filter((o) => !fixed.has(o))) {
      const remove = document.createElement('button');
      remove.type = 'button';
      const host = origin.slice('https://'.length, -2);
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${host}`);
      remove.addEventListener('click', async () => {
        await api.permissions.remove({ origins: [origin] });
        showInstances();
      });
      const item = document.createElement('li');
      item.append(`${host} `, remove);
      list.append(item);
    }
  }

  $('add-instance').addEventListener('submit', async (event) => {
    event.preventDefault();
    const origin = originOf($('instance').value);
    if (!origin) {
      $('instance-status').textContent = 'That is not an instance address (for example mastodon.social).';
      return;
    }
    const granted = await api.permissions.request({ origins: [origin] });
    $('instance-status').textContent = granted ? 'Allowed. Reload its pages to see badges.' : 'Not allowed.';
    showInstances();
  });

  showCounts();
  showInstances();
})();
