// A review action refused for a reason the user can act on (already decided, superseded,
// unknown input row). `key` is a message key; `field` names the form field it belongs to,
// when it belongs to one. Routes turn it into a form error (409 or 400), never a 500.
export class ReviewRefusal extends Error {
  constructor(
    readonly key: string,
    readonly field: string | null = null,
    readonly status: 400 | 409 = 409,
  ) {
    super(key);
    this.name = "ReviewRefusal";
  }
}
