import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

/** Runs `fn` and returns the UserError it throws (failing the test if it throws anything else or nothing). */
export function userErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** The same for async functions. */
export async function userErrorOfAsync(fn: () => Promise<unknown>): Promise<UserError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}
