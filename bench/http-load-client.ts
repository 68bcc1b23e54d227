/**
 * The load client, run as a separate Node process so that its own work does not share the
 * server's event loop: for each phase, `concurrency` loops send GET requests with Node's fetch
 * (undici, keep-alive) for a fixed time and record each latency until the body is read.
 */
import type { LoadMessage, LoadPhase, LoadRequest, TargetOutcome } from "./http-load-protocol.ts";

function send(message: LoadMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error("http-load-client must be started with an IPC channel."));
      return;
    }
    process.send(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
  });
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

async function runPhase(baseUrl: string, concurrency: number, phase: LoadPhase) {
  const byTarget: Record<string, TargetOutcome> = {};
  for (const target of phase.targets) {
    byTarget[target.name] = { latencies: [], errors: 0, firstError: undefined, bytes: 0 };
  }
  const totalWeight = phase.targets.reduce((sum, target) => sum + target.weight, 0);
  const chooseTarget = () => {
    let draw = Math.random() * totalWeight;
    for (const target of phase.targets) {
      draw -= target.weight;
      if (draw < 0) return target;
    }
    return phase.targets[phase.targets.length - 1];
  };
  const start = performance.now();
  const deadline = start + phase.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const target = chooseTarget();
      if (!target) return;
      const outcome = byTarget[target.name] as TargetOutcome;
      const sent = performance.now();
      try {
        const response = await fetch(`${baseUrl}${pick(target.paths)}`, {
          headers: { cookie: target.cookie, accept: "application/json" },
        });
        const body = await response.arrayBuffer();
        const latency = performance.now() - sent;
        if (response.status === 200) {
          outcome.latencies.push(latency);
          outcome.bytes += body.byteLength;
        } else {
          outcome.errors += 1;
          outcome.firstError ??= `${response.status} ${Buffer.from(body).toString("utf8", 0, 300)}`;
        }
      } catch (error) {
        outcome.errors += 1;
        outcome.firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency ?? concurrency }, worker));
  return { elapsedMs: performance.now() - start, byTarget };
}

process.once("message", (raw: unknown) => {
  const request = raw as LoadRequest;
  void (async () => {
    for (const phase of request.phases) {
      await send({ type: "phase-start", name: phase.name });
      const result = await runPhase(request.baseUrl, request.concurrency, phase);
      await send({ type: "phase-end", name: phase.name, record: phase.record, ...result });
    }
    await send({ type: "done" });
    process.disconnect();
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
