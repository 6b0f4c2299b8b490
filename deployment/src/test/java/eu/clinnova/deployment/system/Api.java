package eu.clinnova.deployment.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the portal's API, as an outside client would call it. */
final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Api() {}

  static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(String path, String token, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> put(String path, String token, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> delete(String path, String token) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  /** A multipart upload of one part named {@code file}. */
  static HttpResponse<String> upload(String path, String token, String mediaType, byte[] content) {
    return upload(path, token, mediaType, "scan", content);
  }

  /** The same, under the file name the client claims. */
  static HttpResponse<String> upload(
      String path, String token, String mediaType, String fileName, byte[] content) {
    String boundary = "clinnova-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\n"
                + "Content-Type: "
                + mediaType
                + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    body.writeBytes(head);
    body.writeBytes(content);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Another portal than the suite's (HighAvailabilityIT's cluster), while it is set. */
  private static volatile String base;

  static void useBase(String url) {
    base = url;
  }

  static URI uri(String path) {
    String current = base;
    return URI.create((current == null ? SystemTestEnvironment.portalUrl() : current) + path);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }
}
