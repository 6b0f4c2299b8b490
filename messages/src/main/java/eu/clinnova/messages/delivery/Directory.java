package eu.clinnova.messages.delivery;

import java.util.List;

/**
 * Who a recipient is: an account id, a group of the review ({@code steward-LU}, {@code dac-LU},
 * {@code chair-LU}), {@code admin}, or {@code patient:<psn>}. The portal answers from its identity
 * provider; the messages module keeps no copy of anyone's address.
 */
public interface Directory {

  /** The people the recipient stands for, with their addresses (none if it names nobody). */
  List<Addressee> addresseesOf(String recipient) throws Unavailable;

  /** The directory could not answer now; the letter waits for the next round. */
  final class Unavailable extends Exception {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
