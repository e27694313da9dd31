/** Makes the compiler flag every unhandled member of a union in a switch. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
