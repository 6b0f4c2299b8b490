package eu.clinnova.portal.api;

import eu.clinnova.portal.api.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No id, filter or path of the API holds a control character, and PostgreSQL's text cannot hold NUL
 * at all: a path segment or query parameter with one is refused with a 400 naming it, before
 * anything reads or writes (it reached the database as a 500, and the log's search as a 503).
 */
@Provider
@PreMatching
public class ControlCharacters implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext context) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (PathSegment segment : context.getUriInfo().getPathSegments(true)) {
      if (hasControl(segment.getPath())) {
        errors.add(new Problem.FieldError("path", "must not contain control characters"));
        break;
      }
    }
    for (Map.Entry<String, List<String>> parameter :
        context.getUriInfo().getQueryParameters(true).entrySet()) {
      if (hasControl(parameter.getKey())
          || parameter.getValue().stream().anyMatch(ControlCharacters::hasControl)) {
        errors.add(
            new Problem.FieldError(parameter.getKey(), "must not contain control characters"));
      }
    }
    if (!errors.isEmpty()) {
      context.abortWith(
          Problem.invalid("The address holds control characters; nothing was done.", errors)
              .toResponse());
    }
  }

  static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
