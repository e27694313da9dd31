// Stands in for the 'electron' module when the preload bundle runs under Node in a test: records
// what the preload exposes and which channels it invokes.
const exposed = {};
const invoked = [];
const listeners = new Map();
module.exports = {
  contextBridge: { exposeInMainWorld: (key, api) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: async (channel, payload) => { invoked.push([channel, payload]); return { channel }; },
    on: (channel, fn) => { listeners.set(channel, [...(listeners.get(channel) ?? []), fn]); },
    removeListener: (channel, fn) => { listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)); },
  },
  __recorded: { exposed, invoked, listeners },
};
