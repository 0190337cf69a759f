// Runs in each test worker (setupFiles): every fc.assert uses the run's seed (see fast-check-seed.ts).
import fc from 'fast-check';
import { fastCheckSeed } from './fast-check-seed.js';

fc.configureGlobal({ seed: fastCheckSeed() });
