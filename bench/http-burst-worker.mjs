// Runs one burst (http-burst.mjs) in a worker thread: the visitors' requests are sent from
// another event loop than the server's, as they come from other machines in real use.
import { parentPort, workerData } from "node:worker_threads";
import { burst } from "./http-burst.mjs";

const { connections, seconds, target, headers } = workerData;
parentPort.postMessage(await burst(connections, seconds, target, headers));
