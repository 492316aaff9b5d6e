package io.imagefactory.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change to every one of 15,000 Warehouses is diffed with work in proportion to the file. Myers
 * on the whole file, as before issue 8, takes time in proportion to lines times changes (48 s for
 * this change to a real fleet): it allocates a path node per step, about 14 GB here. Bytes
 * allocated, unlike time, are the same on a slow or busy machine.
 */
class DiffAtScaleTest {
  private static final int WAREHOUSES = 15_000;
  private static final long MAX_ALLOCATED = 1L << 30;

  @Test
  void diffsAChangeToEachOf15000WarehousesAllocatingUnder1GiB() {
    String before = warehouses("5m0s");
    String after = warehouses("10m0s");
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadAllocatedBytes();
    List<ResourceDiff.Entry> changes = ResourceDiff.compare(before, after);
    String unified = TextDiff.unified(before, after, "dist/image-factory.k8s.yaml");
    long allocated = threads.getCurrentThreadAllocatedBytes() - start;

    assertThat(changes).hasSize(WAREHOUSES).allMatch(c -> c.change() == ResourceDiff.Change.CHANGED);
    assertThat(unified.lines().filter(l -> l.startsWith("@@ ")).count()).isEqualTo(WAREHOUSES);
    assertThat(unified.contains("@@ -23,7 +23,7 @@\n     app.kubernetes.io/managed-by: image-factory\n"
        + "     imagefactory.io/image: image-1\n spec:\n-  interval: 5m0s\n+  interval: 10m0s\n")).isTrue();
    assertThat(allocated).as("bytes allocated").isLessThan(MAX_ALLOCATED);
  }

  private static String warehouses(String interval) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < WAREHOUSES; i++) {
      yaml.append(i == 0 ? "" : "---\n").append("""
          apiVersion: kargo.akuity.io/v1alpha1
          kind: Warehouse
          metadata:
            name: image-%1$d
            namespace: image-factory
            labels:
              app.kubernetes.io/managed-by: image-factory
              imagefactory.io/image: image-%1$d
          spec:
            interval: %2$s
            freightCreationPolicy: Automatic
            subscriptions:
              - image:
                  repoURL: ghcr.io/acme/image-%1$d
                  imageSelectionStrategy: SemVer
          """.formatted(i, interval));
    }
    return yaml.toString();
  }
}
