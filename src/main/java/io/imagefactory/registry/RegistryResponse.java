package io.imagefactory.registry;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * An answer as received: status, headers, body, and the URL that gave it (after redirects).
 */
record RegistryResponse(int status, HttpHeaders headers, byte[] body, URI uri) {
  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
