package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  static final URI PAGE = URI.create("https://r.example/v2/acme/app/tags/list?n=2");

  @Test
  void resolvesARelativeNextLinkAgainstThePage() {
    assertThat(LinkHeader.next(PAGE, List.of("</v2/acme/app/tags/list?n=2&last=b>; rel=\"next\"")))
        .contains(URI.create("https://r.example/v2/acme/app/tags/list?n=2&last=b"));
  }

  @Test
  void keepsAnAbsoluteNextLink() {
    assertThat(LinkHeader.next(PAGE, List.of("<https://other.example/v2/x?last=b>;rel=next")))
        .contains(URI.create("https://other.example/v2/x?last=b"));
  }

  @Test
  void findsNextAmongOtherRelations() {
    assertThat(LinkHeader.next(PAGE, List.of("</first>; rel=\"first\", </n>; title=\"x\"; rel=\"prev next\"")))
        .contains(URI.create("https://r.example/n"));
    assertThat(LinkHeader.next(PAGE, List.of("</p>; rel=\"prev\"", "</n>; REL=\"Next\"")))
        .contains(URI.create("https://r.example/n"));
  }

  @Test
  void hasNoNextOnTheLastPage() {
    assertThat(LinkHeader.next(PAGE, List.of())).isEmpty();
    assertThat(LinkHeader.next(PAGE, List.of("</p>; rel=\"prev\""))).isEmpty();
  }
}
