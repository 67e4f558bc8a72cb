package io.fanshelf.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: unlike Java's HttpClient it sends any
 * bytes in the request target (an invalid percent-encoding, a raw NUL) and a body cut off before
 * its declared length, which is what the fuzz test needs.
 */
final class RawHttp {
  /** The most of an answer kept; the rest is read and dropped. */
  private static final int KEPT = 64 * 1024;

  private RawHttp() {}

  /**
   * A request as sent on the wire.
   *
   * @param method the method
   * @param target the request target, sent byte for byte (ASCII)
   * @param headers header name to value, in order
   * @param body the body; null sends none
   * @param cutOff whether the body stops before the Content-Length it declares (the client then
   *     closes its side, as a dropped upload does)
   */
  record Request(
      String method,
      String target,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      boolean cutOff) {

    /** The request as it could be retyped: method, target, headers, and the body escaped. */
    String describe() {
      StringBuilder text = new StringBuilder(method).append(' ').append(target).append('\n');
      headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
      if (body != null) {
        text.append("body (")
            .append(body.length)
            .append(" bytes")
            .append(cutOff ? ", cut off" : "")
            .append("): ")
            .append(escape(body, 600));
      }
      return text.toString();
    }
  }

  /**
   * What came back.
   *
   * @param status the status code; -1 when the server closed the connection without an answer
   * @param head the status line and headers
   * @param body the start of the body (chunked bodies keep their chunk sizes)
   */
  record Answer(int status, String head, String body) {}

  static Answer send(int port, Request request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      for (Map.Entry<String, String> header : request.headers()) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
      byte[] body = request.body();
      if (body != null) {
        int declared = request.cutOff() ? body.length + 100 : body.length;
        head.append("Content-Length: ").append(declared).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      if (request.cutOff()) {
        socket.shutdownOutput();
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        kept.write(buffer, 0, Math.min(n, Math.max(0, KEPT - kept.size())));
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no complete answer within 60 s", e);
    } catch (IOException e) {
      // A reset after the answer was sent (the server closed while the body was still coming).
      if (kept.size() == 0) {
        return new Answer(-1, "", "");
      }
    }
    String text = kept.toString(StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.1 ")) {
      return new Answer(-1, "", text);
    }
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
  }

  /** Bytes as text: printable ASCII as is, the rest as \xNN, at most {@code max} bytes. */
  static String escape(byte[] bytes, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, max); i++) {
      int b = bytes[i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    return bytes.length > max ? text + "..." : text.toString();
  }
}
