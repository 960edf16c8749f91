/** Errors the tools report as bad input (exit code 2), with a message and no stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
