// Runs once per vitest run (globalSetup): decides the property-test seed, prints it, and hands it to
// the test workers through FC_SEED, so `FC_SEED=random` still means one seed for the whole run.
import { fastCheckSeed } from './fast-check-seed.js';

export default function setup(): void {
  const seed = fastCheckSeed();
  process.env['FC_SEED'] = String(seed);
  console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
}
