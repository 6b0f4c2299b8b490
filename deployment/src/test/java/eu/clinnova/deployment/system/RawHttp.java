package eu.clinnova.deployment.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what the JDK's client refuses to send: a {@code Host} header
 * that names another server, as an attacker would send it.
 */
final class RawHttp {

  record Response(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  static Response send(String method, String path, String host, String token, String json) {
    URI portal = URI.create(SystemTestEnvironment.portalUrl());
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    head.append("Connection: close\r\n");
    head.append("Accept: application/json\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (json != null) {
      head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response parse(byte[] bytes) throws IOException {
    int end = 0;
    while (!(bytes[end] == '\r'
        && bytes[end + 1] == '\n'
        && bytes[end + 2] == '\r'
        && bytes[end + 3] == '\n')) {
      end++;
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    InputStream rest = new ByteArrayInputStream(bytes, end + 4, bytes.length - end - 4);
    byte[] body =
        "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
            ? unchunk(rest)
            : rest.readAllBytes();
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\r') {
        size.append((char) c);
      }
      in.read();
      int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.read();
      in.read();
    }
  }
}
