// Firefox's own remote debugging protocol (the one about:debugging speaks), for the one thing WebDriver BiDi
// cannot do: end an extension's background script, busy or not, as the "Terminate Background Script" button
// does. Firefox listens for it on a local port when started with --start-debugger-server PORT and the prefs
// below. Packets are "<byte length>:<JSON>" both ways; each reply comes from the actor the request went to.
import net from 'node:net';

export const DEVTOOLS_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
};

/** A free local port for the debugger server to listen on. */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function connect(port) {
  const socket = net.connect(port, '127.0.0.1');
  let pending = Buffer.alloc(0);
  const unclaimed = []; // packets no request waits for yet
  const waiting = []; // {from, resolve, reject}
  const deliver = (packet) => {
    const i = waiting.findIndex((w) => w.from === packet.from);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(packet);
    else unclaimed.push(packet);
  };
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (let colon; (colon = pending.indexOf(':')) > 0;) {
      const length = Number(pending.subarray(0, colon).toString());
      if (pending.length < colon + 1 + length) break;
      deliver(JSON.parse(pending.subarray(colon + 1, colon + 1 + length).toString()));
      pending = pending.subarray(colon + 1 + length);
    }
  });
  const fail = (error) => { for (const w of waiting.splice(0)) w.reject(error); };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the debugger connection closed')));
  const from = (actor) => new Promise((resolve, reject) => {
    const i = unclaimed.findIndex((p) => p.from === actor);
    if (i >= 0) resolve(unclaimed.splice(i, 1)[0]);
    else waiting.push({ from: actor, resolve, reject });
  });
  const greeting = from('root');
  return {
    async request(to, type) {
      await greeting;
      const body = Buffer.from(JSON.stringify({ to, type }));
      socket.write(`${body.length}:`);
      socket.write(body);
      const reply = await from(to);
      if (reply.error) throw new Error(`${type}: ${reply.error} ${reply.message ?? ''}`);
      return reply;
    },
    close: () => socket.destroy(),
  };
}

/**
 * Ends the background script of the add-on `id` once it is running (waiting up to 5 s for it to start), and
 * waits until Firefox says it is stopped. Firefox ends it between tasks: a script busy in one long task ends
 * when that task is done. Returns 1 when it was running and is ended; throws when it never ran.
 */
export async function terminateBackgroundScript(port, id) {
  const devtools = connect(port);
  const status = async () => {
    const { addons } = await devtools.request('root', 'listAddons');
    const addon = addons.find((a) => a.id === id);
    if (!addon) throw new Error(`no add-on ${id}`);
    return addon;
  };
  const until = async (wanted, what) => {
    for (let tries = 0; tries < 100; tries++) {
      const addon = await status();
      if (addon.backgroundScriptStatus === wanted) return addon;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(what);
  };
  try {
    const addon = await until('RUNNING', 'the extension\'s background script is not running');
    await devtools.request(addon.actor, 'terminateBackgroundScript');
    await until('STOPPED', 'the extension\'s background script did not stop');
    return 1;
  } finally {
    devtools.close();
  }
}
