package eu.clinnova.portal.api;

import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Around the reading of every JSON body: whatever the parser throws on what the client sent is a
 * 400 {@code malformed-json}, never a 500. JSON-P reports most of it as {@link JsonException}, but
 * nesting beyond its depth limit (1,000 levels) as a bare {@link RuntimeException}, which reached
 * the last-resort mapper as an internal error.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType())) {
      return context.proceed();
    }
    try {
      return context.proceed();
    } catch (WebApplicationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProblemException(Problem.malformedJson());
    }
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"));
  }
}
