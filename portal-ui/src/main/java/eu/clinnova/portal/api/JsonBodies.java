package eu.clinnova.portal.api;

import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Around the reading of every JSON body: whatever the parser throws on what the client sent is a
 * 400 {@code malformed-json}, never a 500, and a text holding NUL is a 400 naming its field. JSON-P
 * reports most of it as {@link JsonException}, but nesting beyond its depth limit (1,000 levels) as
 * a bare {@link RuntimeException}, which reached the last-resort mapper as an internal error.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType())) {
      return context.proceed();
    }
    Object read;
    try {
      read = context.proceed();
    } catch (WebApplicationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProblemException(Problem.malformedJson());
    }
    if (read instanceof JsonValue value) {
      nulIn(value, "")
          .ifPresent(
              field -> {
                throw new ProblemException(
                    Problem.invalid(
                        "A text holds a NUL character; nothing was done.",
                        List.of(
                            new Problem.FieldError(field, "must not contain a NUL character"))));
              });
    }
    return read;
  }

  /**
   * Where in {@code value} a string holds NUL, which no text of the portal may hold (PostgreSQL's
   * text cannot store it: it reached the database as a 500).
   */
  static Optional<String> nulIn(JsonValue value, String path) {
    if (value instanceof JsonString text) {
      return text.getString().indexOf('\u0000') >= 0
          ? Optional.of(path.isEmpty() ? "body" : path)
          : Optional.empty();
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> field : object.entrySet()) {
        if (field.getKey().indexOf('\u0000') >= 0) {
          return Optional.of(path.isEmpty() ? "body" : path);
        }
        Optional<String> found =
            nulIn(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        Optional<String> found = nulIn(array.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"));
  }
}
