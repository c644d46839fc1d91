import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * zod/mini, the tree-shakable form of zod: a bundle carries only the schema kinds and checks it uses (classic zod
 * attaches every method to every schema, so all of it ships). Schemas are written as functions:
 * `z.optional(z.string().check(z.minLength(1)))`, not `z.string().min(1).optional()`.
 *
 * Import zod through this module (`import * as z from '…/cliq/zod'`): it installs English messages, which classic
 * zod installs by itself, so a rejected value reads the same ("Too big: expected string to have <=100 characters").
 * zod's `jitless` is a build-time constant (build/no-dynamic-code.ts), so no `new Function` probe ships.
 */
config(en());

export * from 'zod/mini';
