package io.citrate.tensor.conformance;

/** A node test that needs something the Tensor API does not have: a data type, an operator or an attribute. */
final class NotApplicableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotApplicableException(String reason) {
    super(reason);
  }
}
