import fc from 'fast-check';

// Property and fuzz tests explore new random cases on every local run (fast-check prints the seed
// of a failure); CI replays one fixed seed so that a submission's result does not depend on luck.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
