package eu.clinnova.portal.ui.base;

import com.vaadin.flow.server.VaadinRequest;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.identity.CallerResolver;
import java.util.Optional;

/** The person using the UI, from the OIDC login of the current request. */
public final class SignedInUser {

  private static final CallerResolver RESOLVER = new CallerResolver();

  private SignedInUser() {}

  public static Optional<Caller> current() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? Optional.empty() : RESOLVER.resolve(request.getUserPrincipal());
  }
}
