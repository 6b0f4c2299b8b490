package eu.clinnova.portal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name every browser reads (RFC 6266): an ASCII
 * fallback in quotes and the UTF-8 name in {@code filename*} (RFC 8187). The browser saves the file
 * instead of showing it in the portal's origin.
 */
public final class ContentDisposition {

  private ContentDisposition() {}

  public static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._() -]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
