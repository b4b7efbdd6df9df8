/**
 * A promise that settles in a new task of the event loop (not a microtask):
 * whatever runs after it is no longer part of the current long task. A message
 * channel, unlike `setTimeout`, is neither clamped nor delayed by timer
 * throttling.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
