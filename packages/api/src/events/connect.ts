import { createEventBus, type EventBus, type EventBusOptions } from "./bus.ts";
import { createPgTransport, type PgTransportOptions } from "./pg-transport.ts";

/** The apps' bus: in-process fan-out over a connected LISTEN/NOTIFY transport. Rejects if it cannot connect. */
export async function connectPgEventBus(
  options: PgTransportOptions & Pick<EventBusOptions, "origin" | "history">,
): Promise<EventBus> {
  const { origin, history, log } = options;
  const bus = createEventBus({ transport: createPgTransport(options), origin, history, log });
  try {
    await bus.start();
  } catch (error) {
    await bus.close();
    throw error;
  }
  return bus;
}
