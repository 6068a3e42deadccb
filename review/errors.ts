/** Bad input to the review (unknown revision, unreadable plan, unknown environment): said plainly, exit 2. */
export class ReviewInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewInputError';
  }
}
