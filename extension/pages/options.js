/*
 * The options page's behaviour: shows how many profiles and followers are stored (and how many damaged records
 * were skipped) and deletes them all on request (store.js), and lists, adds and removes the Mastodon instances truefollow may read. Adding one asks
 * the browser for that instance's host permission (optional_host_permissions); the worker then runs the
 * content scripts there (background.js). Its texts are in the language chosen on the page (i18n.js), and are
 * redrawn when settings-form.js has switched it ('truefollow:translated').
 */
(() => {
  'use strict';

  const api = globalThis.truefollowApi;
  const $ = (id) => document.getElementById(id);
  const fixed = new Set(api.runtime.getManifest().content_scripts.flatMap((c) => c.matches));
  // The hosts of the granted Mastodon instances, for the store's upgrade to version 3 (store.js).
  const instanceHosts = async () => ((await api.permissions.getAll()).origins ?? [])
    .filter((o) => !fixed.has(o) && /^https:\/\/[a-z0-9.-]+\/\*$/.test(o)).map((o) => o.slice('https://'.length, -2));
  const storePromise = globalThis.truefollowStore.openStore(api.storage.local, { instances: instanceHosts });
  const i18n = globalThis.truefollowI18n;
  const { t } = i18n;
  const counted = (key, n) => t(i18n.pluralKey(key, n), i18n.number(n));

  // A status line: its message key and arguments are kept, so that it can be said again in another language.
  const statuses = {};
  function say(id, key, ...args) {
    statuses[id] = key && [key, ...args];
    $(id).textContent = key ? t(key, ...args) : '';
  }

  async function showCounts() {
    if (!$('stored-counts').textContent) $('stored-counts').textContent = t('opt_counting');
    try {
      const { profiles, followers, unreadable } = (await storePromise).counts();
      $('stored-counts').textContent = t('opt_stored_counts', counted('count_profiles', profiles), counted('count_followers', followers));
      // Damaged records are skipped, not deleted: "Delete all stored data" removes them, as does a new visit.
      $('stored-problems').hidden = unreadable === 0;
      $('stored-problems').textContent = unreadable === 0 ? '' : t(i18n.pluralKey('opt_stored_unreadable', unreadable), i18n.number(unreadable));
    } catch (error) {
      $('stored-counts').textContent = t('opt_store_unreadable', error.message);
    }
    // Set once the store has opened (its migrations done) and answered: what the tests wait for.
    document.body.dataset.storeReady = 'true';
  }

  $('delete-all').addEventListener('click', async () => {
    try {
      await (await storePromise).clear();
      say('delete-status', 'opt_deleted');
    } catch (error) {
      say('delete-status', 'opt_not_deleted', error.message);
    }
    showCounts();
  });

  // ---- Mastodon instances -------------------------------------------------------------------------------


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
      remove.textContent = t('opt_remove');
      remove.setAttribute('aria-label', t('opt_remove_label', host));
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
      say('instance-status', 'opt_not_instance');
      return;
    }
    const granted = await api.permissions.request({ origins: [origin] });
    say('instance-status', granted ? 'opt_allowed' : 'opt_not_allowed');
    showInstances();
  });

  document.addEventListener('truefollow:translated', () => {
    for (const [id, said] of Object.entries(statuses)) say(id, ...(said ?? []));
    showCounts();
    showInstances();
  });
  showCounts();
  showInstances();
})();
