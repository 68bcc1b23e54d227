import type { Config } from "../shared/config.ts";

/**
 * Fastify's `trustProxy` from the configuration. A number of hops becomes the function Fastify
 * builds for it itself (its types accept no number): trust the first n proxies in front.
 */
export function trustProxyOption(setting: Config["trustProxy"]) {
  if (typeof setting !== "number") return setting;
  return (_address: string, hop: number) => hop < setting;
}
