package eu.clinnova.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation the API implements is in the OpenAPI document, and every operation the document
 * lists is implemented. The authorization matrix (a system test) covers what the document lists;
 * this keeps an undocumented endpoint from escaping it.
 */
class OpenApiCoverageTest {

  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class, "GET",
          POST.class, "POST",
          PUT.class, "PUT",
          PATCH.class, "PATCH",
          DELETE.class, "DELETE");

  @Test
  void theDocumentListsExactlyTheOperationsTheApiImplements() throws IOException {
    assertEquals(documented(), implemented());
  }

  static TreeSet<String> implemented() {
    TreeSet<String> operations = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.clinnova.portal.api")) {
      Class<?> resource = type.reflect();
      Path root = resource.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        for (Map.Entry<Class<? extends Annotation>, String> verb : METHODS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            Path sub = method.getAnnotation(Path.class);
            String path = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
            operations.add(verb.getValue() + " " + path.replaceAll("/+", "/").replaceAll("/$", ""));
          }
        }
      }
    }
    return operations;
  }

  static TreeSet<String> documented() throws IOException {
    String yaml;
    try (InputStream in = OpenApiCoverageTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TreeSet<String> operations = new TreeSet<>();
    String path = null;
    Matcher lines =
        Pattern.compile("(?m)^(  (/\\S+):|    (get|post|put|patch|delete):)").matcher(yaml);
    while (lines.find()) {
      if (lines.group(2) != null) {
        path = lines.group(2);
      } else if (path != null) {
        operations.add(lines.group(3).toUpperCase() + " " + path);
      }
    }
    return operations;
  }
}
