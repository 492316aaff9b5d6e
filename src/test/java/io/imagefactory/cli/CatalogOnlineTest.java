package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.catalog.OnlineCheck.Observed;
import io.imagefactory.testing.StallingServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The downloads of catalog check's online pass end, whatever the server does. */
class CatalogOnlineTest {
  @Test
  void aServerThatDripsBytesForEverIsCutOffAtTheDeadline() throws Exception {
    try (StallingServer server = StallingServer.start()) {
      Observed o = CatalogOnline.download(server.url("bundle.zip"), Duration.ofSeconds(1));
      assertThat(o).isEqualTo(Observed.failed("the download did not finish within 1 s"));
    }
  }

  @Test
  void aUrlNoClientCanFetchIsAFailureNotAnException() {
    assertThat(CatalogOnline.download("ftp://files.example.com/a.zip", Duration.ofSeconds(5)))
        .isInstanceOf(Observed.Unreadable.class);
  }
}
