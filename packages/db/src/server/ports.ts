// Free TCP ports on the loopback interface, where the embedded server listens.
import { createServer } from "node:net";

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/** The remembered port if it is still free (stable URLs across runs), else one the OS says is free. */
export async function choosePort(preferred: number): Promise<number> {
  if (preferred > 0 && (await listenOnce(preferred)) !== undefined) return preferred;
  const port = await listenOnce(0);
  if (port === undefined) throw new Error("Could not find a free TCP port on 127.0.0.1 for the embedded PostgreSQL.");
  return port;
}
